// Forgot password (issue 16; docs/decisions/043-account-deletion.md covers the account side).
// - A request always answers the same, whether or not the email has an account, and takes about
//   as long (the same hashing and one write either way), so it reveals nothing.
// - The link carries 32 random bytes; only their SHA-256 is stored (like API tokens: 256 bits
//   leave nothing to guess offline). The link lasts RESET_TTL_MINUTES and works once; a newer
//   link, or using one, voids the others.
// - The email goes through the outbox like every notice (EMAIL channel only: an inbox entry would
//   help nobody who cannot sign in). The token rides in the notice's data until it is sent; the
//   worker removes it then (SECRET_NOTICE_DATA in lib/jobs/notifications/deliver.ts).
// - Setting the new password uses the app's one KDF (lib/auth/password.ts), outdates every session
//   (the session stamp follows the hash) and revokes API tokens, as a password change does.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { revokeApiTokens } from "@/lib/auth/api-tokens";
import { writeNotices } from "@/lib/notifications/outbox";
import { plural, spend, waitFor, count } from "@/lib/limits/limiter";
import type { ResetPasswordInput } from "@/lib/schemas/auth";

export const RESET_TTL_MINUTES = 30;
export const PASSWORD_RESET_KIND = "PASSWORD_RESET";

export function hashResetToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export const INVALID_RESET_LINK = "This link to reset your password has expired or was already used. Ask for a new one.";

/**
 * Sends a reset link to `email` when it names a live account; does nothing visible otherwise.
 * `address` is the client's (lib/net/client-address.ts): each may ask LIMITS.passwordResetAddress
 * times an hour (RATE_LIMITED past it, which is the same for every email).
 */
export async function requestPasswordReset(email: string, address: string | null, now: Date = new Date()): Promise<void> {
  const normalised = email.trim().toLowerCase();
  await spend("passwordResetAddress", address ?? "unknown", (minutes) => `Too many password reset requests from your network. Wait ${plural(minutes, "minute")} and try again.`);
  const token = randomBytes(32).toString("base64url");
  const tokenHash = hashResetToken(token);
  const user = await db().user.findUnique({ where: { email: normalised }, select: { id: true, deletedAt: true } });
  // Past the per-email limit nothing more is sent, silently (the mailbox owner has links already).
  const throttled = (await waitFor("passwordResetEmail", normalised)) !== null;
  await count("passwordResetEmail", normalised);
  if (!user || user.deletedAt || throttled) return;

  const expiresAt = new Date(now.getTime() + RESET_TTL_MINUTES * 60_000);
  await db().$transaction(async (tx) => {
    // One live link at a time: the newest.
    await tx.passwordResetToken.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: now } });
    await tx.passwordResetToken.create({ data: { userId: user.id, tokenHash, expiresAt } });
    await writeNotices(
      tx,
      [
        {
          userId: user.id,
          bookingId: null,
          kind: PASSWORD_RESET_KIND,
          title: "Reset your RailBook password",
          body: `Someone (we hope you) asked to reset the password of your RailBook account. The link works once, for ${RESET_TTL_MINUTES} minutes. If it was not you, ignore this email: your password stays as it is.`,
          data: { resetToken: token, expiresAt: expiresAt.toISOString() },
        },
      ],
      now,
      ["EMAIL"],
    );
  });
}

/** Whether a link's token is still good (for the page, before the person types anything). */
export async function resetTokenUsable(token: string, now: Date = new Date()): Promise<boolean> {
  if (!token || token.length > 200) return false;
  const row = await db().passwordResetToken.findUnique({ where: { tokenHash: hashResetToken(token) }, select: { usedAt: true, expiresAt: true } });
  return Boolean(row && !row.usedAt && row.expiresAt > now);
}

/**
 * Sets the new password if the token is live, using it up in the same statement that checks it
 * (two tabs submitting one link: one wins). Returns the account's email, for signing in after.
 */
export async function resetPassword(input: ResetPasswordInput, now: Date = new Date()): Promise<{ email: string }> {
  const passwordHash = await hashPassword(input.password);
  return db().$transaction(async (tx) => {
    const used = await tx.passwordResetToken.updateManyAndReturn({
      where: { tokenHash: hashResetToken(input.token), usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
      select: { userId: true },
    });
    const userId = used[0]?.userId;
    if (!userId) throw new AppError("VALIDATION_FAILED", INVALID_RESET_LINK, { fieldErrors: { token: [INVALID_RESET_LINK] } });
    const user = await tx.user.update({ where: { id: userId }, data: { passwordHash }, select: { email: true, deletedAt: true } });
    if (user.deletedAt) throw new AppError("VALIDATION_FAILED", INVALID_RESET_LINK);
    await tx.passwordResetToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
    await revokeApiTokens(tx, userId);
    return { email: user.email };
  });
}

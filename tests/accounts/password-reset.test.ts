// Forgot password on real PostgreSQL: the link's token is stored only hashed, lasts 30 minutes,
// works once, and an unknown email gets exactly the same answer (and nothing is written for it).
import { createHash, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { verifyPassword } from "@/lib/auth/password";
import { issueApiToken, userForApiToken } from "@/lib/auth/api-tokens";
import { INVALID_RESET_LINK, PASSWORD_RESET_KIND, requestPasswordReset, resetPassword, resetTokenUsable } from "@/lib/auth/password-reset";
import { renderEmail, type OutboxRow } from "@/lib/jobs/notifications/render";
import { withoutSecrets } from "@/lib/jobs/notifications/deliver";
import { resetPasswordSchema } from "@/lib/schemas/auth";
import { createUser } from "../helpers/factories";

const address = () => `203.0.113.${Math.floor(Math.random() * 250)}-${randomUUID()}`;

async function resetNotices(userId: string) {
  return db().notification.findMany({ where: { userId, kind: PASSWORD_RESET_KIND }, orderBy: { createdAt: "asc" } });
}

async function requestLink(email: string, now = new Date()): Promise<{ token: string; userId: string }> {
  await requestPasswordReset(email, address(), now);
  const user = await db().user.findUniqueOrThrow({ where: { email: email.toLowerCase() } });
  const notice = (await resetNotices(user.id)).at(-1)!;
  return { token: (notice.data as { resetToken: string }).resetToken, userId: user.id };
}

const errorOf = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e);

describe("asking for a reset link", () => {
  it("stores only the token's SHA-256 and emails a link to the reset page (email only, no inbox entry)", async () => {
    const { user } = await createUser();
    const { token } = await requestLink(user.email.toUpperCase());

    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = await db().passwordResetToken.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(rows[0]!.tokenHash).not.toContain(token);
    expect(rows[0]!.expiresAt.getTime() - rows[0]!.createdAt.getTime()).toBeGreaterThan(29 * 60_000);
    expect(rows[0]!.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(30 * 60_000 + 1000);

    const notices = await resetNotices(user.id);
    expect(notices.map((n) => [n.channel, n.status])).toEqual([["EMAIL", "PENDING"]]);
    const email = await renderEmail({ ...notices[0]!, channel: "EMAIL" } as OutboxRow);
    expect(email.to).toBe(user.email);
    expect(email.subject).toBe("Reset your RailBook password");
    expect(email.text).toContain(`/reset-password?token=${token}`);
    // Once sent, the outbox keeps no usable link.
    expect(withoutSecrets(notices[0]!.data)).toEqual({ expiresAt: rows[0]!.expiresAt.toISOString() });
  });

  it("answers an unknown email exactly as a known one, and writes nothing for it", async () => {
    const unknown = `nobody-${randomUUID()}@example.test`;
    const before = await db().passwordResetToken.count();
    await expect(requestPasswordReset(unknown, address())).resolves.toBeUndefined();
    const { user } = await createUser();
    await expect(requestPasswordReset(user.email, address())).resolves.toBeUndefined();
    expect(await db().passwordResetToken.count()).toBe(before + 1);
    expect(await db().notification.count({ where: { kind: PASSWORD_RESET_KIND, user: { email: unknown } } })).toBe(0);
  });

  it("is rate-limited per address like sign-in, with the same answer for every email", async () => {
    const from = address();
    for (let i = 0; i < 10; i++) await requestPasswordReset(`flood-${i}-${randomUUID()}@example.test`, from);
    const refused = await errorOf(requestPasswordReset(`flood-x-${randomUUID()}@example.test`, from));
    expect(isAppError(refused) && refused.code).toBe("RATE_LIMITED");
    expect((refused as Error).message).toMatch(/^Too many password reset requests from your network\. Wait \d+ minutes? and try again\.$/);
  });

  it("sends at most three links an hour to one mailbox, silently", async () => {
    const { user } = await createUser();
    for (let i = 0; i < 5; i++) await requestPasswordReset(user.email, address());
    expect(await resetNotices(user.id)).toHaveLength(3);
  });
});

describe("using a reset link", () => {
  it("sets the new password with the app's KDF, signs out API tokens, and works only once", async () => {
    const { user, password } = await createUser();
    const { token: apiToken } = await issueApiToken(user.id);
    const { token } = await requestLink(user.email);
    expect(await resetTokenUsable(token)).toBe(true);

    await expect(resetPassword({ token, password: "my-new-password-1", confirmPassword: "my-new-password-1" })).resolves.toEqual({ email: user.email });
    const row = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(row.passwordHash, "my-new-password-1")).toBe(true);
    expect(await verifyPassword(row.passwordHash, password)).toBe(false);
    expect(await userForApiToken(apiToken)).toBeNull();

    expect(await resetTokenUsable(token)).toBe(false);
    const again = await errorOf(resetPassword({ token, password: "another-password-2", confirmPassword: "another-password-2" }));
    expect(isAppError(again) && again.code).toBe("VALIDATION_FAILED");
    expect((again as Error).message).toBe(INVALID_RESET_LINK);
    expect(await verifyPassword((await db().user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash, "my-new-password-1")).toBe(true);
  });

  it("refuses a link after 30 minutes", async () => {
    const { user, password } = await createUser();
    const asked = new Date();
    const { token } = await requestLink(user.email, asked);
    const late = new Date(asked.getTime() + 30 * 60_000 + 1);
    expect(await resetTokenUsable(token, late)).toBe(false);
    const error = await errorOf(resetPassword({ token, password: "too-late-password", confirmPassword: "too-late-password" }, late));
    expect((error as Error).message).toBe(INVALID_RESET_LINK);
    expect(await verifyPassword((await db().user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash, password)).toBe(true);
  });

  it("voids older links when a newer one is sent, and refuses made-up tokens", async () => {
    const { user } = await createUser();
    const first = await requestLink(user.email);
    const second = await requestLink(user.email);
    expect(await resetTokenUsable(first.token)).toBe(false);
    expect(await resetTokenUsable(second.token)).toBe(true);
    expect(await resetTokenUsable("made-up-token")).toBe(false);
    // Knowing the stored hash is no use: it is not the token.
    const hash = (await db().passwordResetToken.findFirstOrThrow({ where: { userId: user.id, usedAt: null } })).tokenHash;
    expect(await resetTokenUsable(hash)).toBe(false);
  });

  it("says what is wrong with an empty or short password, or a mismatch", () => {
    const errors = (v: Record<string, string>) => {
      const r = resetPasswordSchema.safeParse({ token: "t", ...v });
      return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
    };
    expect(errors({ password: "", confirmPassword: "" })).toEqual({ password: "Choose a password.", confirmPassword: "Repeat the new password." });
    expect(errors({ password: "short", confirmPassword: "short" })).toEqual({ password: "Use at least 10 characters." });
    expect(errors({ password: "long-enough-1", confirmPassword: "long-enough-2" })).toEqual({ confirmPassword: "The two passwords do not match." });
  });
});

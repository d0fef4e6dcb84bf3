// Changes a signed-in person makes to their own account.
import "server-only";
import { validationError } from "@/lib/errors";
import { db } from "@/lib/db";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { revokeApiTokens } from "@/lib/auth/api-tokens";
import { assertNotThrottled, clearFailures, recordFailure } from "@/lib/auth/throttle";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { ChangePasswordInput, ProfileNameInput } from "@/lib/schemas/auth";

export async function updateName(userId: string, input: ProfileNameInput): Promise<CurrentUser> {
  return db().user.update({
    where: { id: userId },
    data: { name: input.name.trim() },
    select: { id: true, email: true, name: true, role: true },
  });
}

/**
 * Replaces the password after checking the current one. Wrong guesses count against the same
 * throttle as sign-in (this email from this address), so a borrowed session cannot be used to guess
 * the password. `address` is the client's (lib/net/client-address.ts).
 * Every API token is revoked: whoever changes a password because it leaked wants old access gone.
 */
export async function changePassword(userId: string, input: ChangePasswordInput, address: string | null): Promise<{ revokedTokens: number }> {
  const user = await db().user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, passwordHash: true } });
  const subjects = { email: user.email, address };
  await assertNotThrottled(subjects);

  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await recordFailure(subjects);
    throw validationError(
      { currentPassword: ["That is not your current password."] },
      "Your current password is not correct.",
    );
  }
  await clearFailures(subjects);

  const passwordHash = await hashPassword(input.newPassword);
  return db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    return { revokedTokens: await revokeApiTokens(tx, userId) };
  });
}

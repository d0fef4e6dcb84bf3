// Email + password check shared by the sign-in form (next-auth's credentials provider) and
// POST /api/v1/auth/token, so both obey the same throttle and give the same answers.
import "server-only";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/db";
import { burnPasswordCheck, verifyPassword } from "@/lib/auth/password";
import { assertNotThrottled, clearFailures, recordFailure, signInSubjects } from "@/lib/auth/throttle";
import { passwordStamp } from "@/lib/auth/session-token";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { TokenInput } from "@/lib/schemas/auth";

export interface AuthenticatedUser extends CurrentUser {
  /** For the session JWT (lib/auth/session-token.ts): outdated when the password changes. */
  passwordStamp: string;
  /** For the session JWT too: outdated by sign-out and "sign out everywhere". */
  sessionVersion: number;
}

/**
 * Returns the account for a correct email and password. Throws RATE_LIMITED while this email and
 * address must wait (checked before the password, so a throttled guess learns nothing), and
 * INVALID_CREDENTIALS otherwise, without saying whether the email exists.
 */
export async function authenticateWithPassword(input: TokenInput, headers: Headers): Promise<AuthenticatedUser> {
  const email = input.email.trim().toLowerCase();
  const subjects = signInSubjects(email, headers);
  await assertNotThrottled(subjects);

  const user = await db().user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, passwordHash: true, sessionVersion: true },
  });
  let ok = false;
  if (user) ok = await verifyPassword(user.passwordHash, input.password);
  else await burnPasswordCheck(input.password); // same time whether or not the account exists

  if (!user || !ok) {
    await recordFailure(subjects);
    throw new AppError("INVALID_CREDENTIALS");
  }
  await clearFailures(subjects);
  return { id: user.id, email: user.email, name: user.name, role: user.role, passwordStamp: passwordStamp(user.passwordHash), sessionVersion: user.sessionVersion };
}

// Sign-in throttling (docs/decisions/019-abuse-limits.md). Failures count against three subjects:
// - the (email, address) pair: five wrong passwords from one place and that pair waits out the
//   window; the account's owner elsewhere is not affected, so nobody can lock anyone else out;
// - the address, over all emails (spraying one password across many accounts);
// - the email from everywhere, as a slow-down: ten failures in a minute and that account takes no
//   more guesses until the minute is over.
// The address comes from lib/net/client-address.ts, which believes X-Forwarded-For only from
// proxies the operator named: rotating that header buys an attacker nothing.
import "server-only";
import { clientAddress } from "@/lib/net/client-address";
import { count, forget, LIMITS, plural, rateLimitedError, waitFor } from "@/lib/limits/limiter";
import type { AppError } from "@/lib/errors";

export const THROTTLE_POLICY = {
  pairLimit: LIMITS.signInPair.points,
  addressLimit: LIMITS.signInAddress.points,
  emailLimit: LIMITS.signInEmail.points,
  windowSeconds: LIMITS.signInPair.durationSeconds,
} as const;

export interface SignInSubjects {
  email: string;
  /** null when the client's address cannot be known (lib/net/client-address.ts). */
  address: string | null;
}

export function signInSubjects(email: string, headers: Headers): SignInSubjects {
  return { email: email.trim().toLowerCase(), address: clientAddress(headers) };
}

function pairKey({ email, address }: SignInSubjects): string {
  return `${email}|${address ?? "unknown"}`;
}

/** Throws RATE_LIMITED (with retryAfterSeconds) while the pair, the address or the email must wait. */
export async function assertNotThrottled(subjects: SignInSubjects): Promise<void> {
  const waits = await Promise.all([
    waitFor("signInPair", pairKey(subjects)),
    subjects.address ? waitFor("signInAddress", subjects.address) : null,
    waitFor("signInEmail", subjects.email),
  ]);
  const longest = Math.max(...waits.map((w) => w ?? 0));
  if (longest > 0) throw rateLimited(longest);
}

export function rateLimited(retryAfterSeconds: number): AppError {
  return rateLimitedError(retryAfterSeconds, (minutes) => `Too many attempts to sign in. Wait ${plural(minutes, "minute")} and try again.`);
}

/** Counts one failed attempt against the pair, the address and the email. */
export async function recordFailure(subjects: SignInSubjects): Promise<void> {
  await Promise.all([
    count("signInPair", pairKey(subjects)),
    subjects.address ? count("signInAddress", subjects.address) : null,
    count("signInEmail", subjects.email),
  ]);
}

/** A successful sign-in forgets the pair's failures (the address's stay: it may be guessing others). */
export async function clearFailures(subjects: SignInSubjects): Promise<void> {
  await forget("signInPair", pairKey(subjects));
}

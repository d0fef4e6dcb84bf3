// Sign-in throttling shared by every app instance: failures are counted in the AuthThrottle table,
// per email ("email:<address>") and per client IP ("ip:<address>"). Each failure is one
// INSERT ... ON CONFLICT DO UPDATE, so concurrent failures are all counted (no read-modify-write),
// and every time is the database's now(), so instances with skewed clocks agree.
import "server-only";
import { isIP } from "node:net";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/db";

const MINUTE = 60;

export const THROTTLE_POLICY = {
  /** Failures counted within this window from the first failure... */
  windowSeconds: 15 * MINUTE,
  /** ...and a key is refused for this long once it reaches its limit. */
  blockSeconds: 15 * MINUTE,
  emailLimit: 5,
  /** Higher than per email: people behind one NAT or office proxy share an address. */
  ipLimit: 20,
} as const;

export interface ThrottleKey {
  key: string;
  limit: number;
}

/**
 * The client's address: the first hop of X-Forwarded-For, else X-Real-IP. Behind a proxy that
 * overwrites these headers that is the real client; without one a client can forge them, which is
 * why the per-email limit does not depend on it.
 */
export function clientIp(headers: Headers): string | null {
  const candidates = [headers.get("x-forwarded-for")?.split(",")[0], headers.get("x-real-ip")];
  for (const raw of candidates) {
    const ip = raw?.trim().toLowerCase().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");
    if (ip && isIP(ip)) return ip;
  }
  return null;
}

export function emailThrottleKey(email: string): ThrottleKey {
  return { key: `email:${email.trim().toLowerCase()}`, limit: THROTTLE_POLICY.emailLimit };
}

/** The keys one sign-in attempt counts against. No IP key when the address is unknown. */
export function throttleKeys(email: string, headers: Headers): ThrottleKey[] {
  const keys = [emailThrottleKey(email)];
  const ip = clientIp(headers);
  if (ip) keys.push({ key: `ip:${ip}`, limit: THROTTLE_POLICY.ipLimit });
  return keys;
}

/** Throws RATE_LIMITED (with retryAfterSeconds) while any of the keys is blocked. */
export async function assertNotThrottled(keys: ThrottleKey[]): Promise<void> {
  if (keys.length === 0) return;
  const names = keys.map((k) => k.key);
  const rows = await db().$queryRaw<{ retryAfterSeconds: number }[]>`
    SELECT ceil(extract(epoch FROM max("blockedUntil") - now()))::int AS "retryAfterSeconds"
    FROM "AuthThrottle"
    WHERE "key" = ANY(${names}::text[]) AND "blockedUntil" > now()
    HAVING count(*) > 0`;
  const retryAfterSeconds = rows[0]?.retryAfterSeconds;
  if (retryAfterSeconds !== undefined) throw rateLimited(Math.max(1, retryAfterSeconds));
}

export function rateLimited(retryAfterSeconds: number): AppError {
  const minutes = Math.ceil(retryAfterSeconds / MINUTE);
  return new AppError(
    "RATE_LIMITED",
    `Too many attempts to sign in. Wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`,
    { retryAfterSeconds },
  );
}

export interface FailureCount {
  key: string;
  failures: number;
  blockedUntil: Date | null;
}

/** Counts one failed attempt against each key, starting a block when a key reaches its limit. */
export async function recordFailure(keys: ThrottleKey[]): Promise<FailureCount[]> {
  const results: FailureCount[] = [];
  for (const { key, limit } of keys) results.push(await recordOne(key, limit));
  return results;
}

async function recordOne(key: string, limit: number): Promise<FailureCount> {
  const { windowSeconds, blockSeconds } = THROTTLE_POLICY;
  // In DO UPDATE every expression sees the old row ("t"), so the new count is spelled out where
  // the block decision needs it. A window older than windowSeconds starts again at 1 (by then any
  // block from it has ended, since a block starts inside its window and lasts as long).
  const rows = await db().$queryRaw<FailureCount[]>`
    INSERT INTO "AuthThrottle" AS t ("key", "failures", "windowStartedAt", "blockedUntil", "updatedAt")
    VALUES (
      ${key}, 1, now(),
      CASE WHEN 1 >= ${limit}::int THEN now() + ${blockSeconds}::int * interval '1 second' END,
      now()
    )
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE
        WHEN t."windowStartedAt" > now() - ${windowSeconds}::int * interval '1 second' THEN t."failures" + 1
        ELSE 1 END,
      "windowStartedAt" = CASE
        WHEN t."windowStartedAt" > now() - ${windowSeconds}::int * interval '1 second' THEN t."windowStartedAt"
        ELSE now() END,
      "blockedUntil" = CASE
        WHEN (CASE
                WHEN t."windowStartedAt" > now() - ${windowSeconds}::int * interval '1 second' THEN t."failures" + 1
                ELSE 1 END) >= ${limit}::int
          THEN now() + ${blockSeconds}::int * interval '1 second'
        ELSE NULL END,
      "updatedAt" = now()
    RETURNING "key", "failures", "blockedUntil"`;
  return rows[0]!;
}

/** A successful sign-in forgets the email's failures (the IP's stay: it may be guessing others). */
export async function clearFailures(key: ThrottleKey): Promise<void> {
  await db().$executeRaw`DELETE FROM "AuthThrottle" WHERE "key" = ${key.key} AND ("blockedUntil" IS NULL OR "blockedUntil" <= now())`;
}

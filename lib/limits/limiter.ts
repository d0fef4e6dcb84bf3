// Rate limits shared by every app instance, kept by rate-limiter-flexible in PostgreSQL (its
// RateLimiterPostgres store, table "RateLimit", created by a migration rather than at run time).
// Each limit counts points per subject (an address, an email, a pair) over a fixed window that
// starts with the first point; docs/decisions/019-abuse-limits.md says why these numbers.
import "server-only";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { AppError } from "@/lib/errors";
import { dbPool } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { config } from "@/lib/config";

const MINUTE = 60;


export const LIMITS = {
  /** Failed sign-ins for one email from one address: that pair waits out the window. */
  signInPair: { points: 5, durationSeconds: 15 * MINUTE },
  /** Failed sign-ins from one address over all emails (password spraying). Higher: NATs and offices. */
  signInAddress: { points: 20, durationSeconds: 15 * MINUTE },
  /**
   * Failed sign-ins for one email from everywhere. A slow-down, not a lockout: once reached, the
   * account takes no more guesses for the rest of one minute, so rotating addresses buys an
   * attacker 10 guesses a minute while the owner waits a minute at worst.
   */
  signInEmail: { points: 10, durationSeconds: MINUTE },
  /** Forgot-password requests from one address (any emails): a flood of reset emails. Counted like sign-in attempts. */
  passwordResetAddress: { points: 10, durationSeconds: 60 * MINUTE },
  /**
   * Reset emails sent to one address per hour. Past it the request is answered exactly as before
   * but nothing is sent, so the answer still says nothing about whether the account exists.
   */
  passwordResetEmail: { points: 3, durationSeconds: 60 * MINUTE },
  /** Accounts created from one address (REGISTRATION_LIMIT: a test server raises it). */
  registration: { points: config().REGISTRATION_LIMIT, durationSeconds: 60 * MINUTE },
  /** Holds and waiting-list places started from one address (HOLD_ADDRESS_LIMIT): many accounts behind one bot. */
  holdsPerAddress: { points: config().HOLD_ADDRESS_LIMIT, durationSeconds: 10 * MINUTE },
  /** Declined cards on one booking, then for one account and from one address: card testing. */
  declinedPerBooking: { points: 5, durationSeconds: 60 * MINUTE },
  declinedPerUser: { points: 10, durationSeconds: 60 * MINUTE },
  declinedPerAddress: { points: 15, durationSeconds: 60 * MINUTE },
  /** Questions to the assistant per account, or per address signed out (ASSISTANT_RATE_LIMIT per minute). */
  assistant: { points: config().ASSISTANT_RATE_LIMIT, durationSeconds: MINUTE },
} as const satisfies Record<string, { points: number; durationSeconds: number }>;

export type LimitName = keyof typeof LIMITS;

/** Set by scripts/start.ts when the database is the embedded PGlite (lib/db/embedded.ts). */
export const EMBEDDED_DB_ENV = "RAILBOOK_EMBEDDED_DB";

/**
 * The embedded database serves every process (app, gRPC server) from one PostgreSQL session, so
 * the limiter's named prepared statements, prepared by each process's own connection, collide
 * there ("prepared statement ... already exists"). Unnamed statements are parsed per query: the
 * same SQL, one planning step more, on a database that is one process's toy anyway.
 */
function unnamedStatements(pool: ReturnType<typeof dbPool>) {
  return { query: (q: { text: string; values?: unknown[] }) => pool.query({ text: q.text, values: q.values }) };
}

const cache = globalThis as unknown as { __railbookLimiters?: Map<LimitName, { pool: unknown; limiter: RateLimiterPostgres }> };

function limiter(name: LimitName): RateLimiterPostgres {
  cache.__railbookLimiters ??= new Map();
  const pool = dbPool();
  // Made again when db() has a new pool (a test switching databases).
  let found = cache.__railbookLimiters.get(name)?.pool === pool ? cache.__railbookLimiters.get(name)!.limiter : undefined;
  if (!found) {
    found = new RateLimiterPostgres({
      storeClient: config().RAILBOOK_EMBEDDED_DB ? unnamedStatements(pool) : pool,
      storeType: "pool",
      tableName: "RateLimit",
      tableCreated: true, // prisma/migrations/20261203120000_hardening
      keyPrefix: name,
      points: LIMITS[name].points,
      duration: LIMITS[name].durationSeconds,
    });
    cache.__railbookLimiters.set(name, { pool, limiter: found });
  }
  return found;
}

function seconds(res: RateLimiterRes): number {
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
}

/** Seconds until `subject` may try again, or null while it is within its limit. Counts nothing. */
export async function waitFor(name: LimitName, subject: string): Promise<number | null> {
  const res = await limiter(name).get(subject);
  return res && res.consumedPoints >= LIMITS[name].points ? seconds(res) : null;
}

/** Rows of the store's table, as `throttlesColumn` reads them. */
export interface ThrottleRow {
  key: string;
  points: number;
  expire: number | null;
}

/**
 * The store's rows for several (limit, subject) pairs as a column `throttles`, for a statement that
 * reads other things too (a payment checks three before it is tried, in its key lookup). Reads the
 * table the way the library writes it ("<keyPrefix>:<subject>", points, expire in Unix ms; our
 * migration made it).
 */
export function throttlesColumn(pairs: [LimitName, string][]): Prisma.Sql {
  return Prisma.sql`, (SELECT json_agg(json_build_object('key', r.key, 'points', r.points, 'expire', r.expire)) FROM "RateLimit" r
      WHERE r.key = ANY(${pairs.map(([name, subject]) => `${name}:${subject}`)}::text[]) AND (r.expire IS NULL OR r.expire > ${Date.now()})) AS throttles`;
}

/** The longest wait among the pairs' rows, in seconds, or null while all are within their limits. */
export function longestWait(pairs: [LimitName, string][], rows: ThrottleRow[] | null): number | null {
  let longest: number | null = null;
  for (const row of rows ?? []) {
    const name = pairs.find(([n, subject]) => `${n}:${subject}` === row.key)?.[0];
    if (!name || row.points < LIMITS[name].points) continue;
    const wait = row.expire === null ? LIMITS[name].durationSeconds : Math.max(1, Math.ceil((Number(row.expire) - Date.now()) / 1000));
    longest = Math.max(longest ?? 0, wait);
  }
  return longest;
}

/** Counts one point against `subject` (a failure that already happened). */
export async function count(name: LimitName, subject: string): Promise<void> {
  await limiter(name).penalty(subject, 1);
}

/** Counts one attempt and throws RATE_LIMITED (with retryAfterSeconds) once past the limit. */
export async function spend(name: LimitName, subject: string, message: (minutes: number) => string): Promise<void> {
  try {
    await limiter(name).consume(subject, 1);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw rateLimitedError(seconds(error), message);
    throw error; // the store failed: a database error, mapped like any other
  }
}

/** Forgets `subject`'s points (a successful sign-in clears its pair). */
export async function forget(name: LimitName, subject: string): Promise<void> {
  await limiter(name).delete(subject);
}

export function rateLimitedError(retryAfterSeconds: number, message: (minutes: number) => string): AppError {
  return new AppError("RATE_LIMITED", message(Math.ceil(retryAfterSeconds / MINUTE)), { retryAfterSeconds });
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

// Idempotency-Key for repeatable writes (creating a booking, paying for one): a client that lost
// the answer retries with the same key and gets the first answer back, never a second booking or a
// second charge.
//
// - A key is claimed by inserting its row inside the very transaction that does the work, with the
//   outcome it answers (lib/booking/write-bookings.ts): an acknowledged write and its record commit
//   together or not at all. A concurrent request with the same key blocks on the unique index until
//   the first commits, then fails (unique violation or serialization failure), and its retry finds
//   the finished row (lib/booking/inventory-turn.ts).
// - What is stored is the operation's domain outcome (`{ kind: "held", booking }`), under a scope
//   naming the operation (`booking.create`), never HTTP: every front end maps it to its own
//   protocol. Rows written before this (scope "POST /api/v1/bookings", an HTTP status and body) are
//   still read, through each operation's `fromLegacy`, so a retry that spans the upgrade replays.
// - A refusal (seat taken, sold out, hold expired) is not stored: its transaction wrote nothing, the
//   key stays unused and the same request may simply be tried again. A declined payment is an
//   outcome (it writes a DECLINED Payment) and is stored.
import "server-only";
import type { Db, Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { idempotencyKeySchema } from "@/lib/schemas/booking";
import { requestHash } from "@/lib/idempotency/canonical-json";

export { requestHash };

/** Operations whose writes carry an Idempotency-Key, with the scope their keys were stored under before (HTTP-named). */
export const SCOPES = {
  "booking.create": { legacy: "POST /api/v1/bookings" },
  "booking.pay": { legacy: "POST /api/v1/bookings/{pnr}/payment" },
  // Written only as outcomes: no legacy scope.
  "booking.exchange": { legacy: "booking.exchange" },
} as const;

export type Scope = keyof typeof SCOPES;

function legacyOf(scope: string): string {
  return (SCOPES as Record<string, { legacy: string }>)[scope]?.legacy ?? scope;
}

export function readIdempotencyKey(request: Request): string | null {
  return request.headers.get("idempotency-key");
}

/** The key as the client sent it, validated: a refusal (as a value) when missing or malformed. */
export function parseKey(key: string | null): { key: string } | { error: AppError } {
  if (key === null || key.trim() === "") return { error: new AppError("IDEMPOTENCY_KEY_REQUIRED") };
  const parsed = idempotencyKeySchema.safeParse(key.trim());
  if (!parsed.success) {
    return {
      error: new AppError("VALIDATION_FAILED", "The Idempotency-Key header must be 1 to 255 printable characters.", {
        fieldErrors: { "Idempotency-Key": parsed.error.issues.map((i) => i.message) },
      }),
    };
  }
  return { key: parsed.data };
}

export interface KeyRef {
  userId: string;
  /** An operation (a Scope; tests use their own). */
  scope: Scope | (string & {});
  key: string;
}

export interface StoredKey {
  scope: string;
  requestHash: string;
  responseStatus: number | null;
  responseBody: unknown;
  completedAt: Date | null;
}

/** Finished (or, from some future code path, half-written) key rows under the new or the legacy scope. */
export async function findKeys(client: Db | Tx, refs: KeyRef[]): Promise<Map<string, StoredKey>> {
  if (refs.length === 0) return new Map();
  return (await findKeysWith<Record<string, never>>(client, refs, Prisma.empty)).found;
}

interface KeyJson extends Omit<StoredKey, "completedAt"> {
  userId: string;
  key: string;
  completedAt: string | null;
}

/**
 * The same, with `columns` (a list starting with a comma) evaluated in the same statement; their
 * values come back as `extra`. A request's other reads before its turn (the account's unpaid seats,
 * its throttles) ride along with its key lookup: one round trip.
 */
export async function findKeysWith<E>(client: Db | Tx, refs: KeyRef[], columns: Prisma.Sql): Promise<{ found: Map<string, StoredKey>; extra: E }> {
  const [row] = await client.$queryRaw<({ keys: KeyJson[] } & E)[]>`
    SELECT COALESCE((
      SELECT json_agg(json_build_object('userId', k."userId", 'scope', k.scope, 'key', k.key, 'requestHash', k."requestHash",
                                        'responseStatus', k."responseStatus", 'responseBody', k."responseBody", 'completedAt', k."completedAt"))
      FROM "IdempotencyKey" k
      JOIN unnest(${refs.map((r) => r.userId)}::text[], ${refs.map((r) => r.scope)}::text[], ${refs.map((r) => legacyOf(r.scope))}::text[],
                  ${refs.map((r) => r.key)}::text[]) AS x("userId", scope, legacy, key)
        ON k."userId" = x."userId" AND k.key = x.key AND k.scope IN (x.scope, x.legacy)), '[]'::json) AS keys ${columns}`;
  const { keys: rows, ...extra } = row!;
  const found = new Map<string, StoredKey>();
  for (const ref of refs) {
    const hit = rows.find((r) => r.userId === ref.userId && r.key === ref.key && (r.scope === ref.scope || r.scope === legacyOf(ref.scope)));
    if (hit) {
      const { scope, requestHash, responseStatus, responseBody, completedAt } = hit;
      found.set(keyId(ref), { scope, requestHash, responseStatus, responseBody, completedAt: completedAt === null ? null : new Date(completedAt) });
    }
  }
  return { found, extra: extra as unknown as E };
}

export function keyId(ref: KeyRef): string {
  return `${ref.userId}\u0000${ref.scope}\u0000${ref.key}`;
}

/**
 * What a stored key answers for a request with `hash`: its outcome, or a refusal when the key was
 * used for a different request. `fromLegacy` turns a row written before outcomes were stored (an
 * HTTP status and body) into the operation's outcome.
 */
export function replayOf<O>(row: StoredKey, hash: string, fromLegacy: (status: number, body: unknown) => O): { outcome: O } | { error: AppError } {
  if (row.requestHash !== hash) return { error: new AppError("IDEMPOTENCY_KEY_REUSED") };
  if (row.responseStatus !== null) return { outcome: fromLegacy(row.responseStatus, row.responseBody) };
  // Unreachable while claims and outcomes commit together; kept so a half-written row from some
  // future code path is refused instead of replayed as an empty answer.
  if (row.completedAt === null) return { error: new AppError("CONFLICT", "A request with this Idempotency-Key is still in progress. Try again shortly.") };
  return { outcome: row.responseBody as O };
}

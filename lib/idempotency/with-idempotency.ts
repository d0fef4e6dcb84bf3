// Idempotency-Key for repeatable writes (POST /bookings, POST /bookings/{pnr}/payment): a client
// that lost the answer retries with the same key and gets the first answer back, never a second
// booking or a second charge.
//
// - The key is claimed by inserting its row inside the very transaction that does the work, and the
//   answer is written to that row before commit: an acknowledged write and its record commit
//   together or not at all. A concurrent request with the same key blocks on the unique index until
//   the first commits, then (serialization failure, retried) finds the finished row and replays it.
// - What is recorded is what the work returned: a success, or a refusal that itself wrote something
//   (a declined payment leaves a DECLINED Payment row). A thrown error rolls back the work and the
//   claim together, so the key stays unused and the same request may simply be tried again: a seat
//   that was taken a moment ago may be free now, and a busy database may not be busy any more.
import "server-only";
import { randomUUID } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import { retryOnConnectionLoss } from "@/lib/db/connection-retry";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { idempotencyKeySchema } from "@/lib/schemas/booking";
import { requestHash } from "@/lib/idempotency/canonical-json";

export interface StoredResponse {
  status: number;
  body: unknown;
}

export interface IdempotentResult extends StoredResponse {
  replayed: boolean;
  headers: Record<string, string>;
}

export interface IdempotencySpec {
  userId: string;
  /** The operation, e.g. "POST /api/v1/bookings"; a key is unique per user and scope. */
  scope: string;
  /** The Idempotency-Key header as received (null when missing). */
  key: string | null;
  /** What makes two requests "the same": the parsed body plus any path parameters. */
  request: unknown;
}

/**
 * Runs the claim and the work in one transaction, retrying as it sees fit (lib/inventory/transaction.ts).
 * `retryOnConnectionLoss` is always true here: with the claim inside the transaction, repeating it
 * after a COMMIT of unknown outcome replays the first answer instead of writing twice.
 */
export type TxRunner = <T>(
  work: (tx: Tx) => Promise<T>,
  options?: { beforeAttempt?: () => Promise<void>; retryOnConnectionLoss?: boolean },
) => Promise<T>;

export function readIdempotencyKey(request: Request): string | null {
  return request.headers.get("idempotency-key");
}

function parseKey(key: string | null): string {
  if (key === null || key.trim() === "") throw new AppError("IDEMPOTENCY_KEY_REQUIRED");
  const parsed = idempotencyKeySchema.safeParse(key.trim());
  if (!parsed.success) {
    throw new AppError("VALIDATION_FAILED", "The Idempotency-Key header must be 1 to 255 printable characters.", {
      fieldErrors: { "Idempotency-Key": parsed.error.issues.map((i) => i.message) },
    });
  }
  return parsed.data;
}

interface KeyRow {
  requestHash: string;
  responseStatus: number | null;
  responseBody: unknown;
}

function replay(row: KeyRow, hash: string): IdempotentResult {
  if (row.requestHash !== hash) throw new AppError("IDEMPOTENCY_KEY_REUSED");
  // Unreachable while claims and answers commit together; kept so a half-written row from some
  // future code path is refused instead of replayed as an empty answer.
  if (row.responseStatus === null) throw new AppError("CONFLICT", "A request with this Idempotency-Key is still in progress. Try again shortly.");
  return { status: row.responseStatus, body: row.responseBody, replayed: true, headers: { "Idempotent-Replayed": "true" } };
}

export async function idempotent(
  spec: IdempotencySpec,
  /** Gets the transaction and the validated key. */
  work: (tx: Tx, key: string) => Promise<StoredResponse>,
  options: { runTx: TxRunner; precheck?: () => Promise<void> },
): Promise<IdempotentResult> {
  const key = parseKey(spec.key);
  const hash = requestHash(spec.request);
  const where = { userId_scope_key: { userId: spec.userId, scope: spec.scope, key } };

  // A finished key answers at once, before any check that could now come out differently.
  const finished = await retryOnConnectionLoss(() => db().idempotencyKey.findUnique({ where }));
  if (finished) return replay(finished, hash);

  const outcome = await options.runTx(
    async (tx): Promise<{ replayOf: KeyRow } | { response: StoredResponse }> => {
      const id = randomUUID();
      const { count } = await tx.idempotencyKey.createMany({
        data: [{ id, userId: spec.userId, scope: spec.scope, key, requestHash: hash }],
        skipDuplicates: true,
      });
      if (count === 0) return { replayOf: await tx.idempotencyKey.findUniqueOrThrow({ where }) };
      const response = await work(tx, key);
      await tx.idempotencyKey.update({
        where: { id },
        data: { responseStatus: response.status, responseBody: response.body as Prisma.InputJsonValue, completedAt: new Date() },
      });
      return { response };
    },
    { beforeAttempt: options.precheck, retryOnConnectionLoss: true },
  );
  if ("replayOf" in outcome) return replay(outcome.replayOf, hash);
  return { ...outcome.response, replayed: false, headers: {} };
}

// The transaction runner for every write on an inventory: serializable() (SERIALIZABLE, retried on
// serialization failure) plus a retry that serializable() does not do, for seat rows found locked
// by `FOR UPDATE NOWAIT` (lib/inventory/lock.ts explains why the lock does not simply wait).
// Batched turns (lib/booking/inventory-turn.ts) retry as a whole, with the helpers below.
//
// Waiting is bounded by time rather than by a count of attempts, because how many attempts a
// request needs depends on how many others are queued, not on how long the user will wait.
import "server-only";
import { observeTurn } from "@/lib/metrics/metrics";
import type { Tx } from "@/lib/db";
import { serializable, type SerializableOptions } from "@/lib/db/serializable";
import { AppError, isAppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { busy, takeTurn, type Ticket } from "@/lib/inventory/turns";
import { isConnectionError, isLockNotAvailable, isRetryableTxError, isUniqueViolation } from "@/lib/db/errors";
import { config } from "@/lib/config";

export interface InventoryTxOptions {
  /** How long to keep retrying (queued, seats locked by others, serialization aborts): BOOKING_LOCK_WAIT_MS. */
  lockWaitMs?: number;
  /** Take turns in this process with other requests for the same inventory (lib/inventory/turns.ts), in a turn of its own. */
  queueKey?: string;
}

const MAX_BACKOFF_MS = 100;

export function lockWaitMs(): number {
  return config().BOOKING_LOCK_WAIT_MS;
}

/** Running totals for this process, for logs and the contention tests' reports. */
export const contention = { lockRetries: 0, serializationRetries: 0, gaveUp: 0 };

/**
 * Counts one retry or give-up. With BOOKING_CONTENTION_LOG=1 each is also logged, one line apiece:
 * that is how a load test outside the process (bench/) reads these counters without an endpoint.
 */
function noteContention(kind: keyof typeof contention): void {
  contention[kind]++;
  if (config().BOOKING_CONTENTION_LOG) logger.info("booking contention", { kind });
}

/**
 * One turn at an inventory: how long the request queued behind others in this process and how
 * long it then held the turn (its transaction, retries included). Logged only with
 * BOOKING_CONTENTION_LOG=1: bench/ adds the held times up to show how much of a rush's wall time
 * one inventory was busy, which is what bounds the latency of everyone queued behind it.
 */
function noteTurn(queuedMs: number, heldMs: number): void {
  if (config().BOOKING_CONTENTION_LOG) logger.info("inventory turn", { queuedMs: Math.round(queuedMs * 10) / 10, heldMs: Math.round(heldMs * 10) / 10 });
}

/** Runs work in an inventory transaction (lib/inventory/transaction.ts's inventoryTx, or a test's stand-in). */
export type TxRunner = <T>(work: (tx: Tx) => Promise<T>, options?: InventoryTxOptions) => Promise<T>;

export const inventoryTx: TxRunner = async (work, options = {}) => {
  // One deadline for the whole request: time spent queued counts against it.
  const deadline = Date.now() + (options.lockWaitMs ?? lockWaitMs());
  if (!options.queueKey) return attempts(work, deadline);
  const queued = performance.now();
  const queueKey = options.queueKey;
  return new Promise((resolve, reject) => {
    let answered = false;
    const ticket: Ticket = {
      deadline,
      alone: true,
      serve: async () => {
        const turn = performance.now();
        try {
          const result = await attempts(work, deadline);
          answered = true;
          resolve(result);
        } finally {
          noteTurn(turn - queued, performance.now() - turn);
        }
      },
      fail: (error) => {
        if (answered) return;
        answered = true;
        reject(error);
      },
    };
    takeTurn(queueKey, ticket);
  });
};

/** Whether a failed batch attempt may be tried again as a whole (nothing of it committed, or its keys will tell). */
export function isRetryableBatchError(error: unknown): boolean {
  return isRetryableTxError(error) || isLockNotAvailable(error) || isUniqueViolation(error) || isConnectionError(error);
}

/**
 * Pauses before a batch's next attempt: jittered, growing to a few times a batch transaction's
 * length (long enough not to hammer the lock holder, short enough that the seats are not left idle).
 */
export async function batchBackoff(attempt: number, error: unknown): Promise<void> {
  noteContention(isLockNotAvailable(error) ? "lockRetries" : "serializationRetries");
  const cap = Math.min(MAX_BACKOFF_MS, 2 * 1.6 ** attempt);
  await new Promise((resolve) => setTimeout(resolve, cap / 2 + Math.random() * cap));
}

export function noteGaveUp(): AppError {
  noteContention("gaveUp");
  return busy("seats are locked by other bookings");
}

/** Counts one batch's turn (/api/metrics) and logs it (BOOKING_CONTENTION_LOG=1), like a single request's. */
export function noteBatchTurn(queuedMs: number, heldMs: number, size: number): void {
  observeTurn(queuedMs, heldMs, size);
  if (config().BOOKING_CONTENTION_LOG) logger.info("inventory turn", { queuedMs: Math.round(queuedMs * 10) / 10, heldMs: Math.round(heldMs * 10) / 10, size });
}

async function attempts<T>(work: (tx: Tx) => Promise<T>, deadline: number): Promise<T> {
  // More attempts than the default, with short pauses: on small tables PostgreSQL's SSI locks
  // whole relations, so a booking can be aborted by unrelated bookings several times in a row.
  const serializableOptions: SerializableOptions = {
    maxAttempts: 15,
    maxDelayMs: 80,
    onRetry: () => noteContention("serializationRetries"),
  };
  for (let attempt = 1; ; attempt++) {
    try {
      return await serializable(work, serializableOptions);
    } catch (error) {
      // A run of serialization failures is retried again while time is left, like locked seats:
      // how many aborts a transaction meets depends on how many others contend (a loaded machine,
      // a cancellation racing a rush), not on how long its caller will wait.
      const exhausted = isAppError(error) && error.code === "SERVICE_BUSY" && (error.details as { reason?: string })?.reason === "serialization retries exhausted";
      if (exhausted && Date.now() < deadline) continue;
      if (!isLockNotAvailable(error)) throw error;
      if (Date.now() >= deadline) {
        noteContention("gaveUp");
        throw new AppError("SERVICE_BUSY", undefined, { reason: "seats are locked by other bookings", attempts: attempt });
      }
      noteContention("lockRetries");
      // Jittered, growing to a few times a booking transaction's length: long enough not to
      // hammer the lock holder, short enough that the seats are not left idle.
      const cap = Math.min(MAX_BACKOFF_MS, 2 * 1.6 ** attempt);
      await new Promise((resolve) => setTimeout(resolve, cap / 2 + Math.random() * cap));
    }
  }
}

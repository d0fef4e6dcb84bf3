// Every allocation and state change runs here: one SERIALIZABLE transaction, retried with
// jittered exponential backoff on serialization failure, a bounded number of times. Work marked
// safe to repeat is also retried when the connection is lost (failover), for a bounded time.
import { AppError } from "@/lib/errors";
import { db, type Tx } from "@/lib/db";
import { isRetryableTxError } from "@/lib/db/errors";
import { retryOnConnectionLoss } from "@/lib/db/connection-retry";

export interface SerializableOptions {
  maxAttempts?: number;
  baseDelayMs?: number;
  timeoutMs?: number;
  /** Ceiling for one pause between attempts (default: none, the pause keeps doubling). */
  maxDelayMs?: number;
  /** Called before each retry; used by benchmarks to count retries. */
  onRetry?: (attempt: number, error: unknown) => void;
  /**
   * Repeat the whole transaction when the connection is lost (57P01, "Connection terminated
   * unexpectedly", a replica reached at promotion...). Only for work that is safe to repeat even
   * if its COMMIT did happen: e.g. it claims its Idempotency-Key inside the transaction, so a
   * repeat replays the first answer (lib/idempotency/keys.ts). Off by default.
   */
  retryOnConnectionLoss?: boolean;
  /** Time budget for those repeats (default: DATABASE_RETRY_BUDGET_MS or 20 s). */
  connectionRetryBudgetMs?: number;
  onConnectionRetry?: (attempt: number, error: unknown) => void;
}

export async function serializable<T>(work: (tx: Tx) => Promise<T>, options: SerializableOptions = {}): Promise<T> {
  if (!options.retryOnConnectionLoss) return attempts(work, options);
  return retryOnConnectionLoss(() => attempts(work, options), {
    budgetMs: options.connectionRetryBudgetMs,
    onRetry: options.onConnectionRetry,
  });
}

async function attempts<T>(work: (tx: Tx) => Promise<T>, options: SerializableOptions): Promise<T> {
  const { maxAttempts = 8, baseDelayMs = 5, timeoutMs = 15_000, maxDelayMs = Infinity, onRetry } = options;
  for (let attempt = 1; ; attempt++) {
    try {
      return await db().$transaction(work, { isolationLevel: "Serializable", timeout: timeoutMs, maxWait: timeoutMs });
    } catch (error) {
      if (!isRetryableTxError(error)) throw error;
      if (attempt >= maxAttempts) {
        throw new AppError("SERVICE_BUSY", undefined, { reason: "serialization retries exhausted", attempts: attempt });
      }
      onRetry?.(attempt, error);
      const cap = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
      await new Promise((resolve) => setTimeout(resolve, cap / 2 + Math.random() * cap));
    }
  }
}

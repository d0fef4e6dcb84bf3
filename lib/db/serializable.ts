// Every allocation and state change runs here: one SERIALIZABLE transaction, retried with
// jittered exponential backoff on serialization failure, a bounded number of times.
import { AppError } from "@/lib/errors";
import { db, type Tx } from "@/lib/db";
import { isRetryableTxError } from "@/lib/db/errors";

export interface SerializableOptions {
  maxAttempts?: number;
  baseDelayMs?: number;
  timeoutMs?: number;
  /** Ceiling for one pause between attempts (default: none, the pause keeps doubling). */
  maxDelayMs?: number;
  /** Called before each retry; used by benchmarks to count retries. */
  onRetry?: (attempt: number, error: unknown) => void;
}

export async function serializable<T>(work: (tx: Tx) => Promise<T>, options: SerializableOptions = {}): Promise<T> {
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

// Riding out a database failover: work that is safe to repeat is retried, with growing pauses,
// while the connection keeps failing, for a bounded time (docs/decisions/010-high-availability.md).
//
// On the Patroni cluster a killed primary is replaced in ~8-9 s (cluster/FAILOVER-REPORT.md), so
// the default budget of 20 s covers a failover with room to spare, yet a request never hangs
// for long when the database is really gone: it then answers SERVICE_BUSY (503, Retry-After).
//
// "Safe to repeat" is the caller's promise: reads, and writes whose transaction claims their
// Idempotency-Key (a COMMIT that failed may have happened; the repeat then finds the claimed key
// and replays the stored answer instead of writing twice).
import { AsyncLocalStorage } from "node:async_hooks";
import { AppError } from "@/lib/errors";
import { isConnectionError } from "@/lib/db/errors";
import { logger } from "@/lib/logger";
import { config } from "@/lib/config";

const FIRST_PAUSE_MS = 100;
const MAX_PAUSE_MS = 1_000;

export interface ConnectionRetryOptions {
  /** How long to keep trying, from the first attempt (DATABASE_RETRY_BUDGET_MS, default 20 s). */
  budgetMs?: number;
  /** Called before each retry; the failover test and benchmarks count them. */
  onRetry?: (attempt: number, error: unknown) => void;
}

/**
 * One budget per request, not per step: a request reads its caller, looks up its key, then runs
 * its transaction, and each step may meet the same failover. Without a shared deadline the
 * budgets would add up (the failover test saw requests held past 30 s).
 */
const requestDeadline = new AsyncLocalStorage<number>();

/**
 * Runs `work` outside any request's deadline: for work a request starts that serves others too (a
 * batch of an inventory's requests, lib/inventory/turns.ts), which must not inherit its deadline.
 * Retries inside it are still bounded: each retryOnConnectionLoss() call keeps its own budget.
 */
export function outsideRequestDeadline<T>(work: () => T): T {
  return requestDeadline.exit(work);
}

/** Runs `work` with every retry inside it bounded by one deadline, `budgetMs` from now. */
export function withRetryDeadline<T>(work: () => Promise<T>, budgetMs = connectionRetryBudgetMs()): Promise<T> {
  const outer = requestDeadline.getStore();
  const deadline = Math.min(Date.now() + budgetMs, outer ?? Infinity);
  return requestDeadline.run(deadline, work);
}

/** Running totals for this process, for logs and tests. */
export const connectionRetries = { retried: 0, gaveUp: 0 };

export function connectionRetryBudgetMs(): number {
  return config().DATABASE_RETRY_BUDGET_MS;
}

/** Jittered, doubling from 100 ms to 1 s: quick for a blip, gentle on a server coming back. */
function pauseBefore(attempt: number): number {
  const cap = Math.min(MAX_PAUSE_MS, FIRST_PAUSE_MS * 2 ** (attempt - 1));
  return cap / 2 + Math.random() * (cap / 2);
}

/** The answer once the budget is spent: try again later, never a stack trace. */
export function databaseUnavailable(attempts?: number): AppError {
  return new AppError("SERVICE_BUSY", "The database is switching over. Try again in a moment.", {
    reason: "database unavailable",
    retryAfterSeconds: 2,
    ...(attempts === undefined ? {} : { attempts }),
  });
}

/** Runs `work`, repeating it while it fails with a connection error, within the budget. */
export async function retryOnConnectionLoss<T>(work: () => Promise<T>, options: ConnectionRetryOptions = {}): Promise<T> {
  const deadline = Math.min(Date.now() + (options.budgetMs ?? connectionRetryBudgetMs()), requestDeadline.getStore() ?? Infinity);
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!isConnectionError(error)) throw error;
      const pause = pauseBefore(attempt);
      if (Date.now() + pause > deadline) {
        connectionRetries.gaveUp++;
        logger.warn("database connection lost; retry budget spent", { attempts: attempt, error: summary(error) });
        throw databaseUnavailable(attempt);
      }
      connectionRetries.retried++;
      options.onRetry?.(attempt, error);
      if (attempt === 1) logger.warn("database connection lost; retrying", { error: summary(error) });
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}

/** One line for the log: a failover produces many of these, and their stacks say nothing new. */
export function summary(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown };
  const message = typeof e?.message === "string" ? e.message.split("\n").filter(Boolean).pop() ?? "" : String(error);
  return typeof e?.code === "string" ? `${e.code}: ${message}` : message;
}

// Figures per injected fault and for the whole run, from what the clients saw: every attempt of
// every call with its start, end and status.
import type { Attempt, Call } from "./client";
import type { FaultRecord } from "./faults";
import type { Trip } from "./stream";

export interface FaultFigures {
  fault: FaultRecord;
  /** Kill -> the first successful write (not a replay) that was sent after the kill. */
  writeOutageMs: number | null;
  /** Longest stretch without any successful write, from the kill until the member was repaired. */
  longestGapMs: number;
  /** Attempts that got a 5xx or no answer (clients then repeated them), from this kill to the next. */
  failedAttempts: number;
  /** Calls that needed more than one attempt, from this kill to the next. */
  retriedCalls: number;
  /** Of those, the ones caused by the database being unreachable (not by contention). */
  unavailableAttempts: number;
  /** What those failed attempts got: error code (reason) or network error, counted. */
  reasons: Record<string, number>;
}

/**
 * 503s the booking engine gives under contention, failover or not: its serialization and lock
 * retries ran out, or its in-process queue did (lib/inventory/transaction.ts, inventory-queue.ts).
 * Everything else that failed (network errors, "database unavailable", 500) is the database
 * being unreachable.
 */
const CONTENTION = ["serialization retries exhausted", "seats are locked by other bookings", "too many bookings for these seats at once"];
export function isContention(attempt: Attempt): boolean {
  return attempt.status === 503 && CONTENTION.some((reason) => attempt.error?.includes(reason));
}

export interface RunFigures {
  trips: number;
  calls: number;
  acknowledgedBookings: number;
  acknowledgedPayments: number;
  refused: Record<string, number>;
  retriedCalls: number;
  failedAttempts: number;
  /** Failed attempts that were 503s of contention, not of the database being unreachable. */
  contentionAttempts: number;
  definitiveFailures: number;
  /** The calls without a definitive answer, each as "kind: errors of its attempts". */
  undecided: string[];
  slowestCallMs: number;
}

function countReasons(attempts: Attempt[]): Record<string, number> {
  const reasons: Record<string, number> = {};
  for (const a of attempts) if (a.error) reasons[a.error] = (reasons[a.error] ?? 0) + 1;
  return reasons;
}

type Timed = Attempt & { kind: Call["kind"] };
const ok = (a: Attempt) => a.status >= 200 && a.status < 300 && !a.replayed;

export function faultFigures(faults: FaultRecord[], attempts: Timed[], calls: Call[]): FaultFigures[] {
  return faults.map((fault, i) => {
    const windowEnd = faults[i + 1]?.injectedAt ?? Infinity;
    const firstWrite = attempts.filter((a) => a.startedAt >= fault.injectedAt && ok(a)).reduce((min, a) => Math.min(min, a.endedAt), Infinity);
    const successes = attempts
      .filter((a) => ok(a) && a.endedAt >= fault.injectedAt && a.endedAt <= fault.repairedAt)
      .map((a) => a.endedAt)
      .sort((a, b) => a - b);
    let longestGapMs = 0;
    let previous = fault.injectedAt;
    for (const t of [...successes, fault.repairedAt]) {
      longestGapMs = Math.max(longestGapMs, t - previous);
      previous = t;
    }
    const inWindow = (t: number) => t >= fault.injectedAt && t < windowEnd;
    const failed = attempts.filter((a) => inWindow(a.startedAt) && !(a.status >= 200 && a.status < 500));
    return {
      fault,
      writeOutageMs: Number.isFinite(firstWrite) ? firstWrite - fault.injectedAt : null,
      longestGapMs,
      failedAttempts: failed.length,
      unavailableAttempts: failed.filter((a) => !isContention(a)).length,
      retriedCalls: calls.filter((c) => c.attempts.length > 1 && inWindow(c.attempts[0]!.startedAt)).length,
      reasons: countReasons(failed),
    };
  });
}

export function runFigures(trips: Trip[]): RunFigures {
  const calls = trips.flatMap((t) => (t.pay ? [t.book, t.pay] : [t.book]));
  const refused: Record<string, number> = {};
  for (const c of calls) {
    if (!c.final || c.final.status < 400) continue;
    const code = (c.final.body as { error?: { code?: string } } | null)?.error?.code ?? String(c.final.status);
    refused[code] = (refused[code] ?? 0) + 1;
  }
  return {
    trips: trips.length,
    calls: calls.length,
    acknowledgedBookings: trips.filter((t) => t.book.final?.status === 201).length,
    acknowledgedPayments: trips.filter((t) => t.pay?.final?.status === 200).length,
    refused,
    retriedCalls: calls.filter((c) => c.attempts.length > 1).length,
    failedAttempts: calls.reduce((n, c) => n + c.attempts.filter((a) => !(a.status >= 200 && a.status < 500)).length, 0),
    contentionAttempts: calls.reduce((n, c) => n + c.attempts.filter(isContention).length, 0),
    definitiveFailures: calls.filter((c) => c.final === null).length,
    undecided: calls
      .filter((c) => c.final === null)
      .map((c) => `${c.kind}: ${Object.entries(countReasons(c.attempts)).map(([k, v]) => `${k} x${v}`).join(", ")}`),
    slowestCallMs: calls.reduce((max, c) => Math.max(max, c.attempts.at(-1)!.endedAt - c.attempts[0]!.startedAt), 0),
  };
}

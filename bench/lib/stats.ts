// Latency and outcome bookkeeping for one kind of request in one scenario. Every sample is kept
// (runs are bounded, so at most some tens of thousands) and percentiles are read from the sorted
// samples: exact, no histogram buckets to explain.
import { errorCode, type Answer } from "./http";

export interface Summary {
  count: number;
  /** Requests per second over the recorder's wall time. */
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
  /** Answer count by status class and error code, e.g. { "201": 40, "409 SOLD_OUT": 160 }. */
  outcomes: Record<string, number>;
  serverErrors: number;
  transportErrors: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export class Recorder {
  private readonly samples: number[] = [];
  private readonly outcomes = new Map<string, number>();
  private started = performance.now();
  private ended: number | undefined;

  start(): void {
    this.started = performance.now();
    this.ended = undefined;
  }

  stop(): void {
    this.ended = performance.now();
  }

  add(answer: Answer): void {
    this.samples.push(answer.ms);
    const key = answer.status >= 200 && answer.status < 300 && !answer.failed ? String(answer.status) : `${answer.status} ${errorCode(answer)}`;
    this.outcomes.set(key, (this.outcomes.get(key) ?? 0) + 1);
  }

  /** Answers with this status (e.g. 201). */
  count(status: number): number {
    let n = 0;
    for (const [key, value] of this.outcomes) if (key === String(status) || key.startsWith(`${status} `)) n += value;
    return n;
  }

  summary(): Summary {
    const sorted = [...this.samples].sort((a, b) => a - b);
    const seconds = ((this.ended ?? performance.now()) - this.started) / 1000;
    const outcomes = Object.fromEntries([...this.outcomes].sort(([a], [b]) => a.localeCompare(b)));
    let serverErrors = 0;
    let transportErrors = 0;
    for (const [key, value] of this.outcomes) {
      if (/^5\d\d /.test(key)) serverErrors += value;
      if (key.startsWith("0 ")) transportErrors += value;
    }
    const sum = sorted.reduce((a, b) => a + b, 0);
    return {
      count: sorted.length,
      perSecond: seconds > 0 ? sorted.length / seconds : 0,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: sorted.at(-1) ?? 0,
      mean: sorted.length ? sum / sorted.length : 0,
      outcomes,
      serverErrors,
      transportErrors,
    };
  }
}

/** Runs `worker` on `concurrency` loops until `next()` yields undefined: a fixed pool of clients. */
export async function runPool<T>(concurrency: number, next: () => T | undefined, worker: (item: T) => Promise<void>): Promise<void> {
  const loop = async () => {
    for (let item = next(); item !== undefined; item = next()) await worker(item);
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
}

/** One decimal, for figures in the report. */
export function round(n: number): number {
  return Math.round(n * 10) / 10;
}

// Every scheduled job, defined once: what it does, how often a timer should run it. The worker's
// timers (lib/jobs/scheduled.ts, lib/jobs/notifications/worker-loop.ts) and the /api/cron/* routes
// all run them through runJob(), which records each run in "JobRun" (whichever process ran it), so
// /api/metrics and readiness on any instance can say when each last succeeded. Every job is safe to
// run twice at once (several workers, a cron call beside a worker).
import "server-only";
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { inSpan } from "@/lib/telemetry/spans";
import { expireHolds } from "@/lib/booking/expire-holds";
import { promoteDue } from "@/lib/booking/waitlist/promote-due";
import { prepareCharts } from "@/lib/booking/waitlist/prepare-charts";
import { remindExpiringHolds } from "@/lib/booking/hold-reminders";
import { deliverDue, type DeliveryOptions } from "@/lib/jobs/notifications/deliver";
import { rollUpSalesDays } from "@/lib/admin/sales-days";
import { ANALYTICS_CURRENCY, ANALYTICS_TIME_ZONE } from "@/lib/admin/analytics";

interface JobSpec<C, R> {
  description: string;
  /** How often a timer runs it; null: the notification worker's loop runs it each round. */
  everyMs: number | null;
  run: (context: C) => Promise<R>;
}

function job<C, R>(spec: JobSpec<C, R>): JobSpec<C, R> {
  return spec;
}

export const JOBS = {
  "expire-holds": job({
    description: "Marks lapsed holds and unpaid waiting-list places EXPIRED, then serves the waiting lists from the seats they freed.",
    everyMs: 60_000,
    run: async () => {
      const swept = await expireHolds();
      const waitlist = await promoteDue();
      return { expired: swept.expired, batches: swept.batches, promoted: waitlist.promoted, inventories: waitlist.inventories, busy: waitlist.busy };
    },
  }),
  "prepare-charts": job({
    description: "Closes the waiting list of every service whose chart is due, refunding who is still waiting.",
    everyMs: 5 * 60_000,
    run: () => prepareCharts(),
  }),
  "roll-up-sales-days": job({
    description: "Writes the analytics dashboard's daily sales figures for the days that are over (lib/admin/sales-days.ts).",
    everyMs: 15 * 60_000,
    run: () => rollUpSalesDays(db(), { timeZone: ANALYTICS_TIME_ZONE, currency: ANALYTICS_CURRENCY }),
  }),
  "hold-reminders": job({
    description: "Tells passengers whose hold runs out in the next minutes.",
    everyMs: null,
    run: async () => ({ reminded: await remindExpiringHolds() }),
  }),
  "deliver-notifications": job({
    description: "Sends one bounded round of due e-mail notices from the outbox.",
    everyMs: null,
    run: (options: DeliveryOptions & { maxBatches?: number }) => deliverDue(options),
  }),
};

export type JobName = keyof typeof JOBS;
type ContextOf<N extends JobName> = Parameters<(typeof JOBS)[N]["run"]>[0];
type ResultOf<N extends JobName> = Awaited<ReturnType<(typeof JOBS)[N]["run"]>>;

/** Runs a job and records the run (its failure too, rethrown). */
export function runJob<N extends JobName>(name: N, ...context: unknown extends ContextOf<N> ? [] : [ContextOf<N>]): Promise<ResultOf<N>> {
  // One span per run (its database statements inside it), whichever process runs it.
  return inSpan(`job ${name}`, { "railbook.job": name }, () => runAndRecord(name, context[0]));
}

async function runAndRecord<N extends JobName>(name: N, context: unknown): Promise<ResultOf<N>> {
  const started = new Date();
  const run = JOBS[name].run as (c: unknown) => Promise<ResultOf<N>>;
  try {
    const result = await run(context);
    await record(name, started, null);
    return result;
  } catch (error) {
    await record(name, started, error).catch(() => undefined); // the database may be what failed
    throw error;
  }
}

async function record(name: JobName, started: Date, error: unknown): Promise<void> {
  const ms = Date.now() - started.getTime();
  const failed = error !== null;
  const message = failed ? (error instanceof Error ? error.message : String(error)).slice(0, 500) : null;
  try {
    await db().$executeRaw`
      INSERT INTO "JobRun" (name, runs, failures, "lastStartedAt", "lastSucceededAt", "lastFailedAt", "lastError", "lastDurationMs")
      VALUES (${name}, 1, ${failed ? 1 : 0}, ${started}, ${failed ? null : new Date()}, ${failed ? new Date() : null}, ${message}, ${ms})
      ON CONFLICT (name) DO UPDATE SET
        runs = "JobRun".runs + 1,
        failures = "JobRun".failures + EXCLUDED.failures,
        "lastStartedAt" = EXCLUDED."lastStartedAt",
        "lastSucceededAt" = COALESCE(EXCLUDED."lastSucceededAt", "JobRun"."lastSucceededAt"),
        "lastFailedAt" = COALESCE(EXCLUDED."lastFailedAt", "JobRun"."lastFailedAt"),
        "lastError" = CASE WHEN EXCLUDED.failures = 1 THEN EXCLUDED."lastError" ELSE "JobRun"."lastError" END,
        "lastDurationMs" = EXCLUDED."lastDurationMs"`;
  } catch (recordError) {
    // Recording is bookkeeping: a job that did its work is not failed by it.
    logger.warn("could not record a job run", { job: name, error: recordError instanceof Error ? recordError.message : String(recordError) });
    if (failed) throw recordError;
  }
}

export interface JobRunView {
  name: string;
  runs: number;
  failures: number;
  lastSucceededAt: Date | null;
  lastFailedAt: Date | null;
  lastError: string | null;
  lastDurationMs: number | null;
}

export async function jobRuns(): Promise<JobRunView[]> {
  return db().jobRun.findMany({ orderBy: { name: "asc" }, select: { name: true, runs: true, failures: true, lastSucceededAt: true, lastFailedAt: true, lastError: true, lastDurationMs: true } });
}

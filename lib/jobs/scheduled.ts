// What runs on a timer when this process is the scheduler (lib/jobs/periodic.ts): the registry's
// jobs that have an interval (lib/jobs/registry.ts), the same ones the /api/cron/* routes run.
// Hold reminders and notification delivery are the worker loop's own rounds.
import "server-only";
import type { PeriodicJob } from "@/lib/jobs/periodic";
import { JOBS, runJob } from "@/lib/jobs/registry";
import { config } from "@/lib/config";

export function scheduledJobs(): PeriodicJob[] {
  return (["expire-holds", "prepare-charts"] as const).flatMap((name) => {
    const everyMs = JOBS[name].everyMs;
    return everyMs === null ? [] : [{ name, everyMs, run: () => runJob(name) }];
  });
}

/** SCHEDULED_JOBS=off: an outside scheduler (Vercel Cron, systemd timers) calls /api/cron/* instead. */
export function scheduledJobsEnabled(): boolean {
  return config().SCHEDULED_JOBS;
}

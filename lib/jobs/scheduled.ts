// What runs on a timer when this process is the scheduler (lib/jobs/periodic.ts): the same work as
// /api/cron/expire-holds and /api/cron/prepare-charts, at the intervals the README asks a scheduler
// for. Notification delivery and hold reminders are the worker loop's own.
import "server-only";
import { expireHolds } from "@/lib/booking/expire-holds";
import { promoteDue } from "@/lib/booking/waitlist/promote-due";
import { prepareCharts } from "@/lib/booking/waitlist/prepare-charts";
import type { PeriodicJob } from "@/lib/jobs/periodic";

export function scheduledJobs(): PeriodicJob[] {
  return [
    {
      name: "expire-holds",
      everyMs: 60_000,
      run: async () => ({ ...(await expireHolds()), ...(await promoteDue()) }),
    },
    { name: "prepare-charts", everyMs: 5 * 60_000, run: () => prepareCharts() },
  ];
}

/** SCHEDULED_JOBS=off: an outside scheduler (Vercel Cron, systemd timers) calls /api/cron/* instead. */
export function scheduledJobsEnabled(): boolean {
  return process.env.SCHEDULED_JOBS !== "off";
}

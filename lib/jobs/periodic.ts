// The scheduled jobs for a deployment without an outside scheduler: `npm start`, `npm run dev` and
// `npm run worker` run them in the notification worker's process. On Vercel, Cron calls the
// /api/cron/* routes instead (README, Scheduled jobs), and SCHEDULED_JOBS=off leaves them to it.
// Every job is safe to run twice at once (several workers may run), so this is only a timer: one run
// of a job at a time in this process, the next one `everyMs` after the last one ended, errors
// logged and never fatal, and stop() waits for a run in progress.
import "server-only";
import { logger } from "@/lib/logger";

export interface PeriodicJob {
  name: string;
  everyMs: number;
  run: () => Promise<unknown>;
}

export class PeriodicJobs {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly inFlight = new Set<Promise<void>>();
  private stopped = false;

  constructor(
    private readonly jobs: PeriodicJob[],
    /** Before each job's first run, so a starting server is not slowed down by it. */
    private readonly firstDelayMs = 5_000,
  ) {}

  start(): this {
    for (const job of this.jobs) this.schedule(job, this.firstDelayMs);
    return this;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await Promise.all(this.inFlight);
  }

  private schedule(job: PeriodicJob, delayMs: number): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      const run = this.runOnce(job).finally(() => {
        this.inFlight.delete(run);
        this.schedule(job, job.everyMs);
      });
      this.inFlight.add(run);
    }, delayMs);
    timer.unref?.();
    this.timers.set(job.name, timer);
  }

  private async runOnce(job: PeriodicJob): Promise<void> {
    try {
      const result = await job.run();
      logger.debug("scheduled job ran", { job: job.name, result });
    } catch (error) {
      logger.warn("scheduled job failed; it runs again at its next time", { job: job.name, error });
    }
  }
}

// The long-running worker (`npm run worker`, or a child of `npm start`): sweeps hold reminders and
// delivers due notifications, then sleeps until the poll interval passes or a live "notification"
// event (a NOTIFY from the transaction that wrote one) wakes it early. All its state is in the
// database (statuses, attempts, leases), so stopping and starting it, or running several, is safe.
// stop() is graceful: the batch in hand is finished and marked before it resolves.
import "server-only";
import { logger } from "@/lib/logger";
import type { BatchResult, DeliveryOptions } from "@/lib/jobs/notifications/deliver";
import { runJob } from "@/lib/jobs/registry";
import type { LiveListener } from "@/lib/live/listener";
import { config } from "@/lib/config";

export interface WorkerLoopOptions extends DeliveryOptions {
  /** Longest sleep between rounds (NOTIFICATION_POLL_MS, default 5 s): the latency without LISTEN. */
  pollMs?: number;
  /** Wakes the loop on new notices; null: poll only. */
  listener?: LiveListener | null;
  /** Also run the hold reminder sweep each round (default true). */
  remindHolds?: boolean;
  onRound?: (result: BatchResult) => void;
}

export class NotificationWorker {
  private stopping = false;
  private running: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;
  private pendingWake = false;
  private unsubscribe: (() => void) | null = null;
  readonly totals: BatchResult = { claimed: 0, sent: 0, retried: 0, failed: 0 };

  constructor(private readonly options: WorkerLoopOptions) {}

  start(): this {
    if (this.running) return this;
    this.stopping = false;
    this.unsubscribe =
      this.options.listener?.subscribe((event) => {
        if (event.type === "notification" || event.type === "refresh") this.wake();
      }) ?? null;
    this.running = this.loop();
    return this;
  }

  wake(): void {
    this.pendingWake = true;
    this.wakeUp?.();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.unsubscribe?.();
    this.wake();
    await this.running;
    this.running = null;
  }

  private async loop(): Promise<void> {
    const pollMs = this.options.pollMs ?? config().NOTIFICATION_POLL_MS;
    while (!this.stopping) {
      this.pendingWake = false;
      try {
        if (this.options.remindHolds !== false) await runJob("hold-reminders");
        const result = await runJob("deliver-notifications", { ...this.options, maxBatches: 10 });
        for (const k of Object.keys(this.totals) as (keyof BatchResult)[]) this.totals[k] += result[k];
        if (result.claimed > 0) logger.info("notifications delivered", { ...result });
        this.options.onRound?.(result);
        // A full round may have left more due: go again at once.
        if (result.claimed >= (this.options.batchSize ?? 20) * 10) continue;
      } catch (error) {
        // The database is away (failover, restart): the rows wait for the next round.
        logger.warn("notification round failed", { error: error instanceof Error ? error.message : String(error) });
      }
      if (this.stopping || this.pendingWake) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        this.wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wakeUp = null;
    }
  }
}

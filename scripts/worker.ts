// `npm run worker`: the notification worker as its own process (lib/jobs/notifications/worker-loop.ts),
// and the scheduled jobs on timers unless SCHEDULED_JOBS=off (lib/jobs/). Needs DATABASE_URL and
// SMTP_URL (MAIL_FROM optional). SIGTERM/SIGINT finish the batch and the job in hand, then exit;
// everything else it knows lives in the database, so a restart loses nothing.
import { smtpMailer } from "@/lib/notifications/mailer";
import { NotificationWorker } from "@/lib/jobs/notifications/worker-loop";
import { liveListener } from "@/lib/live/listener";
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { PeriodicJobs } from "@/lib/jobs/periodic";
import { scheduledJobs, scheduledJobsEnabled } from "@/lib/jobs/scheduled";
import { startProcess } from "@/lib/telemetry/start";
import { config } from "@/lib/config";

async function main() {
  const { tracing } = startProcess("worker");
  const mailer = smtpMailer();
  const listener = liveListener();
  const worker = new NotificationWorker({ mailer, listener }).start();
  const jobs = scheduledJobsEnabled() ? new PeriodicJobs(scheduledJobs()).start() : null;
  logger.info("notification worker started", {
    smtp: new URL(config().SMTP_URL!).host,
    listening: await listener.ready(3_000),
    scheduledJobs: jobs ? "on" : "off (SCHEDULED_JOBS=off)",
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info("notification worker stopping", { signal });
    await Promise.all([worker.stop(), jobs?.stop()]);
    mailer.close();
    await listener.stop();
    await db().$disconnect();
    await tracing?.shutdown(); // sends the spans still buffered
    logger.info("notification worker stopped", { ...worker.totals });
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

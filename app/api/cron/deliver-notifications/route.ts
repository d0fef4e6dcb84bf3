// GET|POST /api/cron/deliver-notifications: the notification worker for hosts without long-running
// processes (serverless): one call sweeps hold reminders and delivers one bounded round of due
// notifications, then answers with the counts. Safe to call as often as wanted and alongside
// `npm run worker`: claims are leases taken with SKIP LOCKED (lib/jobs/notifications/deliver.ts).
// Auth as for every cron route (lib/auth/scheduler.ts); GET because Vercel Cron calls with GET.
import { json, route } from "@/lib/http";
import { AppError } from "@/lib/errors";
import { assertScheduler } from "@/lib/auth/scheduler";
import { runJob } from "@/lib/jobs/registry";
import { smtpMailer } from "@/lib/notifications/mailer";
import { config } from "@/lib/config";

export const dynamic = "force-dynamic";

/** A call must end well inside a serverless time limit: at most this many batches of 20. */
const MAX_BATCHES = 3;

const deliver = route({ access: "public" }, async ({ request, user }) => {
  assertScheduler(request, user);
  // A deployment without e-mail is misconfigured, not broken: say what is missing, change nothing.
  if (!config().SMTP_URL) {
    throw new AppError("NOT_CONFIGURED", "E-mail delivery is not configured: set SMTP_URL (README, Notifications).", { missing: "SMTP_URL" });
  }
  const { reminded: reminders } = await runJob("hold-reminders");
  const mailer = smtpMailer();
  try {
    const result = await runJob("deliver-notifications", { mailer, maxBatches: MAX_BATCHES });
    return json({ reminders, ...result }, 200, { "Cache-Control": "no-store" });
  } finally {
    mailer.close();
  }
});

export const POST = deliver;
export const GET = deliver;

// POST /api/cron/roll-up-sales-days: writes the analytics dashboard's daily sales figures for the
// days that are over (lib/admin/sales-days.ts). Safe to call as often as the scheduler likes: a day
// is written once, and a day not yet written is counted live by the dashboard meanwhile.
// Scheduler auth (CRON_SECRET, or an admin on a dev machine): lib/auth/scheduler.ts.
// GET does the same because Vercel Cron calls with GET.
import { json, route } from "@/lib/http";
import { assertScheduler } from "@/lib/auth/scheduler";
import { runJob } from "@/lib/jobs/registry";

const rollUp = route({ access: "public" }, async ({ request, user }) => {
  assertScheduler(request, user);
  return json(await runJob("roll-up-sales-days"), 200, { "Cache-Control": "no-store" });
});

export const POST = rollUp;
export const GET = rollUp;

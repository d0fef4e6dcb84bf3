// POST /api/cron/prepare-charts: closes the waiting list of every service whose chart is due
// (CHART_HOURS_BEFORE before departure, lib/booking/waitlist/prepare-charts.ts). Safe to call as often as
// the scheduler likes: a prepared chart is not prepared again and nobody is refunded twice.
// Scheduler auth (CRON_SECRET, or an admin on a dev machine): lib/auth/scheduler.ts.
// GET does the same because Vercel Cron calls with GET.
import { json, route } from "@/lib/http";
import { assertScheduler } from "@/lib/auth/scheduler";
import { runJob } from "@/lib/jobs/registry";

const prepare = route({ access: "public" }, async ({ request, user }) => {
  assertScheduler(request, user);
  return json(await runJob("prepare-charts"), 200, { "Cache-Control": "no-store" });
});

export const POST = prepare;
export const GET = prepare;

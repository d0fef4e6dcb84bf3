// POST /api/cron/expire-holds: the scheduler's hold sweep (lib/booking/expire-holds.ts), then the
// waiting list is served from the seats lapsed holds left free (lib/booking/waitlist/promote-due.ts).
// Scheduler auth (CRON_SECRET, or an admin on a dev machine): lib/auth/scheduler.ts.
// GET does the same because Vercel Cron calls with GET.
import { json, route } from "@/lib/http";
import { assertScheduler } from "@/lib/auth/scheduler";
import { expireHolds } from "@/lib/booking/expire-holds";
import { promoteDue } from "@/lib/booking/waitlist/promote-due";

const sweep = route({ access: "public" }, async ({ request, user }) => {
  assertScheduler(request, user);
  const result = await expireHolds();
  const waitlist = await promoteDue();
  return json({ expired: result.expired, batches: result.batches, promoted: waitlist.promoted }, 200, { "Cache-Control": "no-store" });
});

export const POST = sweep;
export const GET = sweep;

// POST /api/cron/expire-holds: the scheduler's hold sweep (lib/booking/expire-holds.ts), then the
// waiting list is served from the seats lapsed holds left free (lib/waitlist/promote-due.ts).
// Scheduler or admin only (lib/cron/authorize.ts). GET does the same because Vercel Cron calls with GET.
import { json, route } from "@/lib/http";
import { expireHolds } from "@/lib/booking/expire-holds";
import { authorizeCron } from "@/lib/cron/authorize";
import { promoteDue } from "@/lib/waitlist/promote-due";

const sweep = route({ access: "public" }, async ({ request, user }) => {
  authorizeCron(request, user);
  const result = await expireHolds();
  const waitlist = await promoteDue();
  return json({ expired: result.expired, batches: result.batches, promoted: waitlist.promoted }, 200, { "Cache-Control": "no-store" });
});

export const POST = sweep;
export const GET = sweep;

// POST /api/cron/expire-holds: the registry's hold sweep (lib/jobs/registry.ts): lapsed holds
// expired, then the waiting list served from the seats they left free.
// Scheduler auth (CRON_SECRET, or an admin on a dev machine): lib/auth/scheduler.ts.
// GET does the same because Vercel Cron calls with GET.
import { json, route } from "@/lib/http";
import { assertScheduler } from "@/lib/auth/scheduler";
import { runJob } from "@/lib/jobs/registry";

const sweep = route({ access: "public" }, async ({ request, user }) => {
  assertScheduler(request, user);
  const { expired, batches, promoted } = await runJob("expire-holds");
  return json({ expired, batches, promoted }, 200, { "Cache-Control": "no-store" });
});

export const POST = sweep;
export const GET = sweep;

// POST /api/cron/expire-holds: the scheduler's hold sweep (lib/booking/expire-holds.ts).
// With CRON_SECRET set, only `Authorization: Bearer $CRON_SECRET` may call it; without one (a dev
// machine), an admin may. GET does the same because Vercel Cron calls with GET.
import { timingSafeEqual } from "node:crypto";
import { json, route } from "@/lib/http";
import { AppError } from "@/lib/errors";
import { expireHolds } from "@/lib/booking/expire-holds";

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

const sweep = route({ access: "public" }, async ({ request, user }) => {
  const secret = process.env.CRON_SECRET;
  if (secret) {
    const header = request.headers.get("authorization") ?? "";
    if (!sameSecret(header, `Bearer ${secret}`)) throw new AppError("UNAUTHENTICATED", "This endpoint is for the scheduler.");
  } else if (!user) {
    throw new AppError("UNAUTHENTICATED");
  } else if (user.role !== "ADMIN") {
    throw new AppError("FORBIDDEN");
  }
  const result = await expireHolds();
  return json({ expired: result.expired, batches: result.batches }, 200, { "Cache-Control": "no-store" });
});

export const POST = sweep;
export const GET = sweep;

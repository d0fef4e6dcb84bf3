// Who may call the /api/cron routes. With CRON_SECRET set, only the scheduler, presenting
// `Authorization: Bearer $CRON_SECRET` (compared in constant time); without one (a dev machine),
// a signed-in admin, so the routes can be tried by hand.
import "server-only";
import { timingSafeEqual } from "node:crypto";
import { AppError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/current-user";

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function assertScheduler(request: Request, user: CurrentUser | null): void {
  const secret = process.env.CRON_SECRET;
  if (secret) {
    const header = request.headers.get("authorization") ?? "";
    if (!sameSecret(header, `Bearer ${secret}`)) throw new AppError("UNAUTHENTICATED", "This endpoint is for the scheduler.");
    return;
  }
  if (!user) throw new AppError("UNAUTHENTICATED");
  if (user.role !== "ADMIN") throw new AppError("FORBIDDEN");
}

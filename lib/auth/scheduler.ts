// Who may call the /api/cron routes. With CRON_SECRET set, only the scheduler, presenting
// `Authorization: Bearer $CRON_SECRET` (compared in constant time), by POST or by GET (what Vercel
// Cron sends). Without one: in production nobody (503 NOT_CONFIGURED); on a dev machine a signed-in
// admin, by POST only, so a link or an <img> in a page an admin opens cannot run a job.
import "server-only";
import { timingSafeEqual } from "node:crypto";
import { AppError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import { isProduction, requiredInProduction } from "@/lib/config/runtime";
import { config } from "@/lib/config";

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function assertScheduler(request: Request, user: CurrentUser | null): void {
  const secret = config().CRON_SECRET;
  if (secret) {
    const header = request.headers.get("authorization") ?? "";
    if (!sameSecret(header, `Bearer ${secret}`)) throw new AppError("UNAUTHENTICATED", "This endpoint is for the scheduler.");
    return;
  }
  if (isProduction()) requiredInProduction("CRON_SECRET", "the scheduler's secret for /api/cron");
  if (request.method !== "POST") throw new AppError("METHOD_NOT_ALLOWED", "Run a job by hand with POST.");
  if (!user) throw new AppError("UNAUTHENTICATED");
  if (user.role !== "ADMIN") throw new AppError("FORBIDDEN");
}

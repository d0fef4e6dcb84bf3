// Who may call the scheduler's endpoints (app/api/cron/*). With CRON_SECRET set, only
// `Authorization: Bearer $CRON_SECRET`; without one (a dev machine), a signed-in admin. Compared in
// constant time, so the secret cannot be guessed from response timings.
import "server-only";
import { timingSafeEqual } from "node:crypto";
import { AppError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/current-user";

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function authorizeCron(request: Request, user: CurrentUser | null): void {
  const secret = process.env.CRON_SECRET;
  if (secret) {
    const header = request.headers.get("authorization") ?? "";
    if (!sameSecret(header, `Bearer ${secret}`)) throw new AppError("UNAUTHENTICATED", "This endpoint is for the scheduler.");
  } else if (!user) {
    throw new AppError("UNAUTHENTICATED");
  } else if (user.role !== "ADMIN") {
    throw new AppError("FORBIDDEN");
  }
}

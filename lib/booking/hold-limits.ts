// Seat hoarding: how many unpaid seats (held, or waiting-list places not yet paid) one account may
// have on one train (HOLD_LIMIT_SEATS, default 12) and over all trains (HOLD_LIMIT_TOTAL, default 24).
//
// Checked where the seats are given, in the inventory's turn (lib/booking/hold-batch.ts), without
// making every turn read the Booking table, which every concurrent booking writes to (under
// SERIALIZABLE that read would predicate-lock index pages other accounts' bookings land on, and
// turns at unrelated trains would abort each other). Instead:
//   1. before the turn, one statement outside any transaction reads the account's counts and its
//      "holdsVersion", which every write giving the account more unpaid seats bumps;
//   2. the turn's first statement reads the version again; when it is unchanged, no hold of the
//      account committed since the count, so the count is exact (payments and expiries since then
//      only make it smaller: the check errs on the side of the limit). When it changed, the turn
//      counts again itself;
//   3. the turn's write bumps the version, so two turns of one account in flight at once (on two
//      trains) write the same row: one of them is aborted, retried, and sees the other's seats.
// Decision 028.
import "server-only";
import type { Db, Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { plural } from "@/lib/limits/limiter";
import { config } from "@/lib/config";

export interface HoldLimits {
  /** Unpaid seats one account may have on one service. */
  perService: number;
  /** Unpaid seats one account may have over all services. */
  total: number;
}

export function holdLimits(): HoldLimits {
  const c = config();
  return { perService: c.HOLD_LIMIT_SEATS, total: c.HOLD_LIMIT_TOTAL };
}

/** An account's unpaid seats as of `version` of its holds. */
export interface Allowance {
  version: number;
  onService: number;
  total: number;
}

/**
 * The accounts' unpaid seats, on `serviceId` and overall: passengers of HELD bookings whose hold
 * runs, and of WAITLISTED ones still inside their payment window (a paid place has no deadline).
 */
function allowanceRows(userIds: string[], serviceId: string): Prisma.Sql {
  return Prisma.sql`
    SELECT u.id AS "userId", u."holdsVersion" AS version,
           COALESCE(SUM(h.seats) FILTER (WHERE h."serviceId" = ${serviceId}), 0)::int AS "onService",
           COALESCE(SUM(h.seats), 0)::int AS total
    FROM "User" u
    LEFT JOIN LATERAL (
      SELECT b."serviceId", (SELECT COUNT(*) FROM "BookingPassenger" p WHERE p."bookingId" = b.id AND p.status <> 'CANCELLED') AS seats
      FROM "Booking" b
      WHERE b."userId" = u.id AND b.status IN ('HELD', 'WAITLISTED') AND b."holdExpiresAt" > now()
    ) h ON true
    WHERE u.id = ANY(${userIds}::text[])
    GROUP BY u.id, u."holdsVersion"`;
}

export async function readAllowances(client: Db | Tx, userIds: string[], serviceId: string): Promise<Map<string, Allowance>> {
  if (userIds.length === 0) return new Map();
  const rows = await client.$queryRaw<(Allowance & { userId: string })[]>`${allowanceRows(userIds, serviceId)}`;
  return new Map(rows.map(({ userId, ...allowance }) => [userId, allowance]));
}

/** One account's allowance as a column `allowance` (null for no such account), for a statement that reads other things too. */
export function allowanceColumn(userId: string, serviceId: string): Prisma.Sql {
  return Prisma.sql`, (SELECT json_build_object('version', a.version, 'onService', a."onService", 'total', a.total) FROM (${allowanceRows([userId], serviceId)}) a) AS allowance`;
}

/** The refusal for `seats` more unpaid seats on top of `unpaid`, or null within the limits. */
export function holdLimitRefusal(unpaid: Pick<Allowance, "onService" | "total">, seats: number, limits: HoldLimits = holdLimits()): AppError | null {
  const howOn = "Pay for or cancel a booking you hold (My bookings), or wait for a hold to run out, then try again.";
  if (unpaid.onService + seats > limits.perService) {
    return new AppError(
      "HOLD_LIMIT",
      `You already have ${plural(unpaid.onService, "unpaid seat")} on this train, and one account may hold at most ${limits.perService} per train. ${howOn}`,
      { scope: "SERVICE", limit: limits.perService, unpaid: unpaid.onService, requested: seats },
    );
  }
  if (unpaid.total + seats > limits.total) {
    return new AppError(
      "HOLD_LIMIT",
      `You already have ${plural(unpaid.total, "unpaid seat")} across your bookings, and one account may hold at most ${limits.total} at a time. ${howOn}`,
      { scope: "ACCOUNT", limit: limits.total, unpaid: unpaid.total, requested: seats },
    );
  }
  return null;
}

// Hoarders, as operators see them: the accounts holding the most unpaid seats right now (held, or
// waiting-list places not yet paid; lib/booking/hold-limits.ts caps them), and releasing one
// account's unpaid holds at once. A release ends the holds as if their time had run out (EXPIRED,
// seats back on sale, queue places closed; lib/booking/expire-holds.ts), records who did it in
// each booking's history and in the audit log, tells the passenger, and then offers the freed
// seats to the waiting lists as the sweeper would.
import "server-only";
import { db } from "@/lib/db";
import { serializable } from "@/lib/db/serializable";
import { AppError } from "@/lib/errors";
import type { UserActor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/admin/audit-log";
import { endUnpaid } from "@/lib/booking/expire-holds";
import { notifyInAppMany } from "@/lib/booking/notifications";
import { promoteDue } from "@/lib/booking/waitlist/promote-due";
import { holdLimits } from "@/lib/booking/hold-limits";

export interface Holder {
  userId: string;
  name: string;
  email: string;
  /** Unpaid seats now. */
  seats: number;
  bookings: number;
  trains: number;
  /** When the first of these holds runs out by itself. */
  firstEndsAt: Date;
}

const UNPAID = `b.status IN ('HELD', 'WAITLISTED') AND b."holdExpiresAt" > now()`;

/** Accounts with unpaid seats, most seats first. */
export async function listHolders(take = 50): Promise<{ holders: Holder[]; limits: ReturnType<typeof holdLimits> }> {
  const holders = await db().$queryRawUnsafe<Holder[]>(
    `SELECT u.id AS "userId", u.name, u.email, SUM(h.seats)::int AS seats, COUNT(*)::int AS bookings,
            COUNT(DISTINCT b."serviceId")::int AS trains, MIN(b."holdExpiresAt") AS "firstEndsAt"
     FROM "Booking" b
     JOIN "User" u ON u.id = b."userId"
     CROSS JOIN LATERAL (SELECT COUNT(*) AS seats FROM "BookingPassenger" p WHERE p."bookingId" = b.id AND p.status <> 'CANCELLED') h
     WHERE ${UNPAID}
     GROUP BY u.id, u.name, u.email
     ORDER BY seats DESC, u.id
     LIMIT $1`,
    take,
  );
  return { holders, limits: holdLimits() };
}

export interface Release {
  name: string;
  bookings: number;
  seats: number;
}

export async function releaseHolds(actor: UserActor, userId: string): Promise<Release> {
  const released = await serializable(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, name: true } });
    if (!user) throw new AppError("NOT_FOUND", "We could not find that account.");
    // Locked in id order; a payment in flight finishes first, and its booking is then no longer unpaid.
    const rows = await tx.$queryRawUnsafe<{ id: string; pnr: string; status: "HELD" | "WAITLISTED"; seats: number }[]>(
      `SELECT b.id, b.pnr, b.status::text AS status,
              (SELECT COUNT(*)::int FROM "BookingPassenger" p WHERE p."bookingId" = b.id AND p.status <> 'CANCELLED') AS seats
       FROM "Booking" b WHERE b."userId" = $1 AND ${UNPAID} ORDER BY b.id FOR UPDATE`,
      userId,
    );
    if (rows.length === 0) return { name: user.name, bookings: 0, seats: 0 };
    await endUnpaid(tx, rows, actor, { HELD: "released by an operator", WAITLISTED: "waiting-list place released by an operator" });
    const now = new Date();
    await notifyInAppMany(
      tx,
      rows.map((r) => ({
        userId,
        bookingId: r.id,
        kind: "HOLD_RELEASED",
        title: `Your unpaid booking ${r.pnr} was released`,
        body:
          "An operator released the seats you held without paying, because one account held more than passengers usually need. Nothing was charged. You can book again from the timetable.",
        data: { pnr: r.pnr },
      })),
      now,
    );
    const seats = rows.reduce((n, r) => n + r.seats, 0);
    await recordAudit(tx, { actorId: actor.userId, action: "user.holds.release", targetId: userId, details: { pnrs: rows.map((r) => r.pnr), seats } });
    return { name: user.name, bookings: rows.length, seats };
  });
  // The freed seats go to whoever waits for them, as after the sweeper.
  if (released.bookings > 0) await promoteDue();
  return released;
}

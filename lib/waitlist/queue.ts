// Reading the queue: how many wait for an inventory (service, class, quota) and where a booking
// stands in it. Strictly first come, first served by (createdAt, id).
//
// An entry counts while it is live: paid, or still inside its payment window. An unpaid entry whose
// window has passed no longer counts, whether or not the sweeper has expired it yet, the same rule
// as for seat holds (docs/decisions/001-segment-seat-inventory.md).
import "server-only";
import type { Db, Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

export interface Inventory {
  serviceId: string;
  classCode: string;
  quotaCode: string;
}

/** SQL: entry `e` joined to its booking `b` is waiting and live. */
export const LIVE_ENTRY = Prisma.sql`e.status = 'WAITING' AND b.status = 'WAITLISTED' AND (b."holdExpiresAt" IS NULL OR b."holdExpiresAt" > now())`;

/** Live entries waiting for this inventory: someone joining now would be this many + 1. */
export async function waitingCount(client: Db | Tx, inventory: Inventory): Promise<number> {
  const [row] = await client.$queryRaw<{ waiting: number }[]>`
    SELECT COUNT(*)::int AS waiting
    FROM "WaitlistEntry" e JOIN "Booking" b ON b.id = e."bookingId"
    WHERE e."serviceId" = ${inventory.serviceId} AND e."classCode" = ${inventory.classCode} AND e."quotaCode" = ${inventory.quotaCode}
      AND ${LIVE_ENTRY}`;
  return row?.waiting ?? 0;
}

/**
 * 1-based positions of waiting bookings: live entries of the same inventory ahead in (createdAt, id)
 * order, plus one. Bookings that are not waiting are absent from the map.
 */
export async function waitlistPositions(client: Db | Tx, bookingIds: string[]): Promise<Map<string, number>> {
  if (bookingIds.length === 0) return new Map();
  const rows = await client.$queryRaw<{ bookingId: string; position: number }[]>`
    SELECT me."bookingId", (
      SELECT COUNT(*)::int FROM "WaitlistEntry" e JOIN "Booking" b ON b.id = e."bookingId"
      WHERE e."serviceId" = me."serviceId" AND e."classCode" = me."classCode" AND e."quotaCode" = me."quotaCode"
        AND ${LIVE_ENTRY}
        AND (e."createdAt" < me."createdAt" OR (e."createdAt" = me."createdAt" AND e.id < me.id))
    ) + 1 AS position
    FROM "WaitlistEntry" me
    WHERE me."bookingId" = ANY(${bookingIds}::text[]) AND me.status = 'WAITING'`;
  return new Map(rows.map((r) => [r.bookingId, r.position]));
}

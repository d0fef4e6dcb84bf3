// The waiting list as its readers see it: whether it is open, how many wait for an inventory
// (service, class, quota) and where a booking stands in the queue. Strictly first come, first
// served by (createdAt, id). docs/decisions/012-waitlist.md explains the choices.
//
// An entry counts while it is live: paid, or still inside its payment window. An unpaid entry whose
// window has passed no longer counts, whether or not the sweeper has expired it yet, the same rule
// as for seat holds (docs/decisions/001-segment-seat-inventory.md).
//
// The list closes when the service's chart is prepared: a fixed time before the origin departure
// (CHART_HOURS_BEFORE, 4 hours unless set), when whoever still waits is told so and refunded
// (lib/booking/waitlist/prepare-charts.ts). Until then a sold-out class can be joined.
import "server-only";
import { db, type Db, type Tx } from "@/lib/db";
import { validationError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { WaitlistInfo, WaitlistQuery } from "@/lib/schemas/booking";
import { resolveJourney, type Journey } from "@/lib/booking/journey";
import { countSeats } from "@/lib/inventory/seats";
import type { Inventory } from "@/lib/inventory/state";
import { config } from "@/lib/config";


export function chartHoursBefore(): number {
  return config().CHART_HOURS_BEFORE;
}

/** The moment the chart of a service departing (from its origin) at `departsAt` is due. */
export function chartDueAt(departsAt: Date): Date {
  return new Date(departsAt.getTime() - chartHoursBefore() * 3_600_000);
}

export interface ServiceForWaitlist {
  status: "SCHEDULED" | "DELAYED" | "CANCELLED";
  chartPreparedAt: Date | null;
  /** Origin departure (the chart is prepared relative to it, not to the passenger's boarding stop). */
  departsAt: Date;
}

/** Whether a sold-out class of this service may still be waitlisted at `now`. */
export function waitlistOpen(service: ServiceForWaitlist, now: Date): boolean {
  return service.status !== "CANCELLED" && service.chartPreparedAt === null && now < chartDueAt(service.departsAt);
}

/** The same, for a journey read by the booking path (lib/booking/journey.ts). */
export function waitlistOpenFor(journey: Pick<Journey, "status" | "chartPreparedAt" | "serviceDepartsAt">, now: Date): boolean {
  return waitlistOpen({ status: journey.status, chartPreparedAt: journey.chartPreparedAt, departsAt: journey.serviceDepartsAt }, now);
}

export type { Inventory } from "@/lib/inventory/state";

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

/** GET /api/v1/services/{serviceId}/waitlist: what joining would mean right now. Unlocked, like the seat map: a picture of a moment. */
export async function waitlistInfo(serviceId: string, query: WaitlistQuery): Promise<WaitlistInfo> {
  const journey = await resolveJourney(db(), serviceId, query.from, query.to);
  const inventory = { serviceId, classCode: query.class, quotaCode: query.quota ?? "GENERAL" };
  const segment = { fromSeq: journey.from.seq, toSeq: journey.to.seq };
  const [waiting, seats] = await Promise.all([waitingCount(db(), inventory), countSeats(db(), inventory, segment)]);
  if (seats.total === 0) {
    throw validationError({ class: [`This train has no ${inventory.classCode} seats in the ${inventory.quotaCode} quota.`] }, "No such class on this train.");
  }
  return { waiting, available: seats.free, open: waitlistOpenFor(journey, new Date()) };
}

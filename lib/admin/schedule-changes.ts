// Operator schedule changes to one service: a delay (0 = back on time) or a platform change. Each is
// one SERIALIZABLE transaction that locks the service row, refuses a departed or cancelled train,
// updates the service, writes the ScheduleChange (who, when, why) and, for every affected booking,
// a BookingEvent and an in-app notice: the passenger is told exactly when the change exists.
// Cancelling a service is bigger (refunds, batches): lib/admin/schedule-cancellation.ts.
// Who counts as affected: docs/decisions/011-schedule-changes.md.
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";
import { AppError, validationError } from "@/lib/errors";
import { inventoryTx } from "@/lib/inventory/transaction";
import { appendEvents } from "@/lib/booking/events";
import { type UserActor } from "@/lib/auth/actor";
import { notifyInAppMany } from "@/lib/booking/notifications";
import { clockInZone } from "@/lib/time/zoned";
import type { DelayInput, PlatformInput } from "@/lib/schemas/admin-ops";
import { delayNotice, platformNotice, type NoticeBooking } from "@/lib/admin/schedule-notices";
import { operatorTimeZone } from "@/lib/config";

/** How long a change waits for another change to the same service to finish (inventoryTx retries NOWAIT). */
export const SCHEDULE_LOCK_WAIT_MS = 20_000;

export interface LockedService {
  id: string;
  trainId: string;
  status: "SCHEDULED" | "DELAYED" | "CANCELLED";
  delayMinutes: number;
  departsAt: Date;
  serviceDate: string;
  trainNumber: string;
  trainName: string;
  originTimeZone: string;
  departed: boolean;
  at: Date;
}

export interface ScheduleChangeResult {
  scheduleChangeId: string;
  kind: "DELAY" | "PLATFORM";
  affectedBookings: number;
  service: { status: LockedService["status"]; delayMinutes: number };
}

/**
 * Locks the service row with NOWAIT, as the booking engine locks seats (docs/decisions/008): a
 * second change to the same service fails at once and inventoryTx retries it with a fresh snapshot,
 * instead of waking from a wait with a stale one. Seat holds and payments never lock this row.
 */
export async function lockService(tx: Tx, serviceId: string): Promise<LockedService> {
  const [row] = await tx.$queryRaw<(Omit<LockedService, "serviceDate"> & { serviceDate: Date })[]>`
    SELECT s.id, s."trainId", s.status::text AS status, s."delayMinutes", s."departsAt", s."serviceDate",
           t.number AS "trainNumber", t.name AS "trainName", st."timeZone" AS "originTimeZone",
           (s."departsAt" + s."delayMinutes" * INTERVAL '1 minute' <= clock_timestamp()) AS departed,
           clock_timestamp() AS at
    FROM "Service" s
    JOIN "Train" t ON t.id = s."trainId"
    LEFT JOIN "TrainStop" o ON o."trainId" = s."trainId" AND o.sequence = 0
    LEFT JOIN "Station" st ON st.id = o."stationId"
    WHERE s.id = ${serviceId}
    FOR UPDATE OF s NOWAIT`;
  if (!row) throw new AppError("NOT_FOUND", "We could not find that train service.");
  return { ...row, serviceDate: row.serviceDate.toISOString().slice(0, 10), originTimeZone: row.originTimeZone ?? operatorTimeZone() };
}

/** A train that has left (timetable departure plus the announced delay) keeps the schedule it ran on. */
export function refuseIfDeparted(service: LockedService): void {
  if (!service.departed) return;
  const leftAt = new Date(service.departsAt.getTime() + service.delayMinutes * 60_000);
  throw new AppError(
    "CONFLICT",
    `${service.trainNumber} left at ${clockInZone(leftAt, service.originTimeZone)} on ${service.serviceDate}: a train that has departed can no longer be changed.`,
    { reason: "DEPARTED" },
  );
}

function refuseIfCancelled(service: LockedService): void {
  if (service.status === "CANCELLED") {
    throw new AppError("CONFLICT", `${service.trainNumber} on ${service.serviceDate} is cancelled: there is nothing left to change.`, { reason: "CANCELLED" });
  }
}

/**
 * A booking a schedule change reaches (alias b): confirmed; held with time left; or on the waiting
 * list, paid (no deadline) or with time left to pay. Lapsed holds and places are the sweeper's.
 */
export const LIVE_BOOKING = Prisma.sql`(b.status = 'CONFIRMED'
  OR (b.status = 'HELD' AND b."holdExpiresAt" > now())
  OR (b.status = 'WAITLISTED' AND (b."holdExpiresAt" IS NULL OR b."holdExpiresAt" > now())))`;

/** Live bookings on the service, optionally only those boarding or alighting at one station. */
export async function affectedBookings(tx: Tx, serviceId: string, stationId?: string): Promise<NoticeBooking[]> {
  const atStation = stationId ? Prisma.sql`AND (b."fromStationId" = ${stationId} OR b."toStationId" = ${stationId})` : Prisma.empty;
  return tx.$queryRaw<NoticeBooking[]>`
    SELECT b.id, b.pnr, b."userId" FROM "Booking" b
    WHERE b."serviceId" = ${serviceId}
      AND ${LIVE_BOOKING}
      ${atStation}
    ORDER BY b.id`;
}

export async function delayService(admin: UserActor, input: DelayInput): Promise<ScheduleChangeResult> {
  return inventoryTx(
    async (tx) => {
      const service = await lockService(tx, input.serviceId);
      refuseIfCancelled(service);
      refuseIfDeparted(service);
      if (service.delayMinutes === input.delayMinutes) {
        throw validationError({ delayMinutes: [input.delayMinutes === 0 ? "The train is already on time." : `The delay is already ${input.delayMinutes} minutes.`] });
      }
      const status = input.delayMinutes > 0 ? "DELAYED" : "SCHEDULED";
      await tx.service.update({ where: { id: service.id }, data: { status, delayMinutes: input.delayMinutes } });
      const change = await tx.scheduleChange.create({
        data: { serviceId: service.id, kind: "DELAY", delayMinutes: input.delayMinutes, reason: input.reason ?? null, createdById: admin.userId, createdAt: service.at },
      });
      const bookings = await affectedBookings(tx, service.id);
      const eventData = { scheduleChangeId: change.id, delayMinutes: input.delayMinutes, previousDelayMinutes: service.delayMinutes, reason: input.reason ?? null };
      await appendEvents(tx, bookings.map((b) => b.id), "SCHEDULE_DELAY", admin, eventData);
      await notifyInAppMany(tx, bookings.map((b) => delayNotice(service, b, { id: change.id, delayMinutes: input.delayMinutes, reason: input.reason })), service.at);
      return { scheduleChangeId: change.id, kind: "DELAY", affectedBookings: bookings.length, service: { status, delayMinutes: input.delayMinutes } };
    },
    { lockWaitMs: SCHEDULE_LOCK_WAIT_MS },
  );
}

export async function changePlatform(admin: UserActor, input: PlatformInput): Promise<ScheduleChangeResult> {
  return inventoryTx(
    async (tx) => {
      const service = await lockService(tx, input.serviceId);
      refuseIfCancelled(service);
      refuseIfDeparted(service);
      const stop = await tx.trainStop.findUnique({
        where: { trainId_stationId: { trainId: service.trainId, stationId: input.stationId } },
        select: { platform: true, station: { select: { name: true } } },
      });
      if (!stop) throw validationError({ stationId: ["This train does not call at that station."] });
      const current = await tx.servicePlatform.findUnique({ where: { serviceId_stationId: { serviceId: service.id, stationId: input.stationId } } });
      const previousPlatform = current?.platform ?? stop.platform;
      if (previousPlatform === input.platform) throw validationError({ platform: [`The train already uses platform ${input.platform} there.`] });

      await tx.servicePlatform.upsert({
        where: { serviceId_stationId: { serviceId: service.id, stationId: input.stationId } },
        create: { serviceId: service.id, stationId: input.stationId, platform: input.platform },
        update: { platform: input.platform },
      });
      const change = await tx.scheduleChange.create({
        data: { serviceId: service.id, kind: "PLATFORM", stationId: input.stationId, platform: input.platform, reason: input.reason ?? null, createdById: admin.userId, createdAt: service.at },
      });
      const bookings = await affectedBookings(tx, service.id, input.stationId);
      const facts = { id: change.id, stationName: stop.station.name, platform: input.platform, previousPlatform, reason: input.reason };
      await appendEvents(tx, bookings.map((b) => b.id), "PLATFORM_CHANGED", admin, {
        scheduleChangeId: change.id,
        stationId: input.stationId,
        stationName: stop.station.name,
        platform: input.platform,
        previousPlatform,
        reason: input.reason ?? null,
      });
      await notifyInAppMany(tx, bookings.map((b) => platformNotice(service, b, facts)), service.at);
      return { scheduleChangeId: change.id, kind: "PLATFORM", affectedBookings: bookings.length, service: { status: service.status, delayMinutes: service.delayMinutes } };
    },
    { lockWaitMs: SCHEDULE_LOCK_WAIT_MS },
  );
}

// New stop times for a train's services already generated, when the operator chose "apply" in the
// train editor (docs/decisions/037). Services read their stop times from the train (offsets after
// the service's own departure instant), so the times at stops change for every service by the
// train's new offsets; this moves each coming service's departure instant to the new departure
// time, and tells every live booking whose boarding or alighting time moved, the way operator
// schedule changes do (lib/admin/schedule-changes.ts: a BookingEvent and a notice through the
// outbox, in the transaction that makes the change).
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { recordEvents, type NewEvent } from "@/lib/booking/events";
import { notifyInAppMany, type InAppNotice } from "@/lib/booking/notifications";
import { departureInstant } from "@/lib/services/service-calendar";
import { clockInZone, longDateLabel } from "@/lib/time/zoned";
import { LIVE_BOOKING } from "@/lib/admin/schedule-changes";

export interface StopTimes {
  arrivalOffsetMinutes: number | null;
  departureOffsetMinutes: number | null;
}

export interface RetimeInput {
  trainId: string;
  trainNumber: string;
  trainName: string;
  /** The origin's new departure, minutes after local midnight, and the origin's zone. */
  originDepartureMinutes: number;
  originZone: string;
  before: StopTimes[];
  after: StopTimes[];
  /** Per stop, in route order: name and zone, for the passengers' notices. */
  stations: { name: string; timeZone: string }[];
  actor: Actor;
  now: Date;
}

export interface RetimeResult {
  /** Coming services whose departure instant moved. */
  movedServices: number;
  /** Live bookings told of new times at their stations. */
  notifiedBookings: number;
}

const plus = (instant: Date, minutes: number | null) => (minutes === null ? null : new Date(instant.getTime() + minutes * 60_000));

export async function retimeGeneratedServices(tx: Tx, input: RetimeInput): Promise<RetimeResult> {
  // Coming: not yet departed (timetable departure plus announced delay still ahead), not cancelled.
  const coming = await tx.$queryRaw<{ id: string; serviceDate: Date; departsAt: Date }[]>`
    SELECT s.id, s."serviceDate", s."departsAt" FROM "Service" s
    WHERE s."trainId" = ${input.trainId} AND s.status <> 'CANCELLED'
      AND s."departsAt" + s."delayMinutes" * INTERVAL '1 minute' > ${input.now}
    ORDER BY s."departsAt"
    FOR UPDATE OF s`;
  if (coming.length === 0) return { movedServices: 0, notifiedBookings: 0 };
  const moves = coming.map((s) => {
    const date = s.serviceDate.toISOString().slice(0, 10);
    return { id: s.id, date, was: s.departsAt, at: departureInstant(date, input.originDepartureMinutes, input.originZone) };
  });
  const moved = moves.filter((m) => m.at.getTime() !== m.was.getTime());
  if (moved.length > 0) {
    await tx.$executeRaw`
      UPDATE "Service" s SET "departsAt" = x.t::timestamptz, "updatedAt" = CURRENT_TIMESTAMP
      FROM unnest(${moved.map((m) => m.id)}::text[], ${moved.map((m) => m.at.toISOString())}::text[]) AS x(id, t)
      WHERE s.id = x.id`;
  }

  const bookings = await tx.$queryRaw<{ id: string; pnr: string; userId: string; serviceId: string; fromSeq: number; toSeq: number }[]>`
    SELECT b.id, b.pnr, b."userId", b."serviceId", b."fromSeq", b."toSeq" FROM "Booking" b
    WHERE b."serviceId" IN (${Prisma.join(moves.map((m) => m.id))}) AND ${LIVE_BOOKING}
    ORDER BY b.id`;
  const byService = new Map(moves.map((m) => [m.id, m]));
  const events: NewEvent[] = [];
  const notices: InAppNotice[] = [];
  for (const b of bookings) {
    const service = byService.get(b.serviceId)!;
    const departs = plus(service.at, input.after[b.fromSeq]!.departureOffsetMinutes)!;
    const wasDeparts = plus(service.was, input.before[b.fromSeq]!.departureOffsetMinutes)!;
    const arrives = plus(service.at, input.after[b.toSeq]!.arrivalOffsetMinutes)!;
    const wasArrives = plus(service.was, input.before[b.toSeq]!.arrivalOffsetMinutes)!;
    if (departs.getTime() === wasDeparts.getTime() && arrives.getTime() === wasArrives.getTime()) continue;
    const from = input.stations[b.fromSeq]!;
    const to = input.stations[b.toSeq]!;
    const facts = {
      fromName: from.name, toName: to.name, fromTimeZone: from.timeZone, toTimeZone: to.timeZone,
      departsAt: departs.toISOString(), previousDepartsAt: wasDeparts.toISOString(), arrivesAt: arrives.toISOString(), previousArrivesAt: wasArrives.toISOString(),
    };
    events.push({ bookingId: b.id, type: "SCHEDULE_RETIMED", actor: input.actor, data: facts });
    notices.push({
      userId: b.userId,
      bookingId: b.id,
      kind: "TIMETABLE_CHANGE",
      title: `New times for ${input.trainNumber} on ${longDateLabel(service.date)}`,
      body:
        `Your train ${input.trainNumber} ${input.trainName} on ${longDateLabel(service.date)} (booking ${b.pnr}) runs to a new timetable: ` +
        `it leaves ${from.name} at ${clockInZone(departs, from.timeZone)} (was ${clockInZone(wasDeparts, from.timeZone)}) ` +
        `and reaches ${to.name} at ${clockInZone(arrives, to.timeZone)} (was ${clockInZone(wasArrives, to.timeZone)}). Your seats stay the same.`,
      data: { pnr: b.pnr, ...facts },
    });
  }
  await recordEvents(tx, events);
  if (notices.length > 0) await notifyInAppMany(tx, notices, input.now);
  return { movedServices: moved.length, notifiedBookings: notices.length };
}

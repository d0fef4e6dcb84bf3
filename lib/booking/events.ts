// The booking's append-only history. Every state change writes its event in the same transaction
// as the change itself, so the log can never miss a change nor record one that was rolled back.
// That makes it the one place to tell live screens too: each event also publishes the booking's
// change (and its service's seats) on the live channel, delivered on commit (lib/live/publish.ts).
import "server-only";
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { bookingChangesNotifySql, liveEventsEnabled } from "@/lib/live/publish";
import type { Actor } from "@/lib/auth/actor";

export type BookingEventType =
  | "HELD"
  | "CONFIRMED"
  | "PAYMENT_DECLINED"
  | "CANCELLED"
  | "EXPIRED"
  // Operator schedule changes that touched the booking (lib/admin/schedule-changes.ts).
  | "SCHEDULE_DELAY"
  | "SCHEDULE_CANCELLED"
  | "PLATFORM_CHANGED"
  // New stop times from the train editor reached the booking's service (lib/admin/network/retime-services.ts).
  | "SCHEDULE_RETIMED"
  // The waiting list (lib/booking/waitlist/): joined, paid up front, promoted by the system, closed at chart time.
  | "WAITLISTED"
  | "WAITLIST_PAID"
  | "WAITLIST_PROMOTED"
  | "WAITLIST_NOT_CONFIRMED"
  // Issue 17: one passenger of a booking cancelled; a booking moved to another train, date or class.
  | "PASSENGER_CANCELLED"
  | "EXCHANGED";


function actorColumns(actor: Actor): { actorUserId: string | null; actorRole: string } {
  return actor === "SYSTEM" ? { actorUserId: null, actorRole: "SYSTEM" } : { actorUserId: actor.userId, actorRole: actor.role };
}

export interface NewEvent {
  bookingId: string;
  type: BookingEventType;
  actor: Actor;
  data?: Prisma.InputJsonObject;
}

/**
 * The one way events are written: every event of the change in one statement, and the bookings'
 * changes published on the live channel with them (delivered on commit, lib/live/publish.ts).
 */
export async function recordEvents(tx: Tx, events: NewEvent[]): Promise<void> {
  if (events.length === 0) return;
  const bookingIds = [...new Set(events.map((e) => e.bookingId))];
  const publish = liveEventsEnabled() ? bookingChangesNotifySql(bookingIds) : Prisma.sql`SELECT 1`;
  await tx.$executeRaw`WITH written AS (${eventsInsertSql(events)}) ${publish}`;
}

/**
 * The INSERT of recordEvents(), for a statement that writes the bookings too (lib/booking/write-bookings.ts,
 * which publishes them with lib/live/publish.ts's newBookingsNotifySql()): one round trip for both.
 */
export function eventsInsertSql(events: NewEvent[]): Prisma.Sql {
  const actors = events.map((e) => actorColumns(e.actor));
  // The wall clock, not the transaction's start, and one microsecond apart: a booking's history is
  // read in createdAt order, and one transaction may write several of its events.
  return Prisma.sql`
      INSERT INTO "BookingEvent" (id, "bookingId", type, "actorUserId", "actorRole", data, "createdAt")
      SELECT gen_random_uuid()::text, x."bookingId", x.type, x."actorUserId", x."actorRole", x.data,
             clock_timestamp() + (x.n - 1) * INTERVAL '1 microsecond'
      FROM unnest(${events.map((e) => e.bookingId)}::text[], ${events.map((e) => e.type)}::text[], ${actors.map((a) => a.actorUserId)}::text[],
                  ${actors.map((a) => a.actorRole)}::text[], ${events.map((e) => JSON.stringify(e.data ?? {}))}::jsonb[]) WITH ORDINALITY
           AS x("bookingId", type, "actorUserId", "actorRole", data, n)`;
}

export async function appendEvent(tx: Tx, bookingId: string, type: BookingEventType, actor: Actor, data: Prisma.InputJsonObject = {}): Promise<void> {
  await recordEvents(tx, [{ bookingId, type, actor, data }]);
}

/** One event per booking for a batch change (the hold sweeper expires many at once). */
export async function appendEvents(tx: Tx, bookingIds: string[], type: BookingEventType, actor: Actor, data: Prisma.InputJsonObject = {}): Promise<void> {
  await recordEvents(tx, bookingIds.map((bookingId) => ({ bookingId, type, actor, data })));
}

// Publishing live events from inside the transaction that makes the change. PostgreSQL queues a
// NOTIFY with the transaction and delivers it only on COMMIT (nothing on ROLLBACK, and a retried
// serialization failure sends nothing for the failed attempt), so listeners never hear of a change
// that did not happen, and hear of it only once it is visible to the refetch the event triggers.
//
// Cost: a transaction that notifies takes a cluster-wide lock on the notify queue at commit, so
// notifying commits are serialised with one another for a few microseconds each; the booking
// engine's contention figures with and without it are in docs/decisions/014.
// Portability: CockroachDB has no LISTEN/NOTIFY (docs/decisions/014); this file and
// lib/live/listener.ts are the only places that would change (to a changefeed).
import "server-only";
import type { Db, Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { LIVE_CHANNEL, MAX_PAYLOAD_BYTES, type LiveEvent } from "@/lib/live/events";
import { config } from "@/lib/config";

type Client = Tx | Db;

/**
 * LIVE_EVENTS=off publishes nothing: for CockroachDB, which has no NOTIFY, or to take the notify
 * lock out of the booking commit. Screens then poll (the listener stays unhealthy, streams answer 503).
 */
export function liveEventsEnabled(): boolean {
  return config().LIVE_EVENTS;
}

/** Sends events on commit. Identical payloads in one transaction are merged by PostgreSQL. */
export async function publish(client: Client, events: LiveEvent[]): Promise<void> {
  const payloads = [...new Set(events.map((e) => JSON.stringify(e)))];
  if (payloads.length === 0 || !liveEventsEnabled()) return;
  for (const p of payloads) {
    if (Buffer.byteLength(p) >= MAX_PAYLOAD_BYTES) throw new Error(`live event too large (${Buffer.byteLength(p)} bytes)`);
  }
  // $executeRaw: pg_notify returns void, which the query path cannot turn into a column value.
  await client.$executeRaw`SELECT pg_notify(${LIVE_CHANNEL}, p) FROM unnest(${payloads}::text[]) AS p`;
}

/**
 * For booking state changes: one "booking" event per booking (its owner's screens follow it) and
 * one "seats" event per service touched (every seat map of that train refetches). Built in SQL
 * from the rows themselves, so callers pass only ids and the payload shows the state as written
 * in this transaction. Called by lib/booking/events.ts, where every booking change records itself.
 */
export async function publishBookingChanges(client: Client, bookingIds: string[]): Promise<void> {
  if (bookingIds.length === 0 || !liveEventsEnabled()) return;
  await client.$executeRaw`${bookingChangesNotifySql(bookingIds)}`;
}

/**
 * The statement publishBookingChanges() sends, for a caller that sends it as part of a bigger one
 * (lib/booking/events.ts writes a change's events and publishes it in one round trip).
 */
export function bookingChangesNotifySql(bookingIds: string[]): Prisma.Sql {
  return Prisma.sql`
    SELECT pg_notify(${LIVE_CHANNEL}, payload) FROM (
      SELECT json_build_object('type', 'booking', 'pnr', b.pnr, 'userId', b."userId", 'serviceId', b."serviceId", 'status', b.status::text)::text AS payload
      FROM "Booking" b WHERE b.id = ANY(${bookingIds}::text[])
      UNION
      SELECT json_build_object('type', 'seats', 'serviceId', b."serviceId")::text
      FROM "Booking" b WHERE b.id = ANY(${bookingIds}::text[])
    ) events`;
}

/**
 * The same events for bookings written in the statement this is part of (a data-modifying CTE's
 * rows are not visible to the rest of its statement), from their values instead of their rows.
 * A statement-level SELECT: it is the main query of the statement it ends (lib/booking/write-bookings.ts).
 */
export function newBookingsNotifySql(bookings: { pnr: string; userId: string; serviceId: string; status: string }[]): Prisma.Sql {
  if (bookings.length === 0 || !liveEventsEnabled()) return Prisma.sql`SELECT 1`;
  return Prisma.sql`
    SELECT pg_notify(${LIVE_CHANNEL}, payload) FROM (
      SELECT json_build_object('type', 'booking', 'pnr', x.pnr, 'userId', x."userId", 'serviceId', x."serviceId", 'status', x.status)::text AS payload
      FROM unnest(${bookings.map((b) => b.pnr)}::text[], ${bookings.map((b) => b.userId)}::text[], ${bookings.map((b) => b.serviceId)}::text[],
                  ${bookings.map((b) => b.status)}::text[]) AS x(pnr, "userId", "serviceId", status)
      UNION
      SELECT json_build_object('type', 'seats', 'serviceId', s)::text FROM unnest(${[...new Set(bookings.map((b) => b.serviceId))]}::text[]) AS s
    ) events`;
}

/** A user's notices changed (new ones written, some marked read). */
export async function publishNotices(client: Client, userIds: string[]): Promise<void> {
  await publish(client, [...new Set(userIds)].map((userId) => ({ type: "notification" as const, userId })));
}

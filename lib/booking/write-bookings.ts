// The one writer for new bookings: holds (HELD, with their seats) and waiting-list places
// (WAITLISTED, with their queue entry), any number of them, with their passengers, allocations and
// the Idempotency-Key rows that store each request's outcome and their events, published on the
// live channel, and the accounts' holds versions bumped (lib/booking/hold-limits.ts), in ONE statement (data-modifying CTEs). A batch of holds (lib/booking/hold-batch.ts) writes everything it accepted at once; the
// inventory's locks are held until commit, so every round trip saved is time the next batch does
// not wait. Foreign keys between the rows are checked at the end of the statement, when all are there.
//
// A PNR or Idempotency-Key that is already taken fails the statement with a unique violation; the
// batch is then retried whole (a replayed key is answered from its row, a PNR drawn afresh).
import "server-only";
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { BerthPreference } from "@/lib/generated/prisma/enums";
import { eventsInsertSql, type NewEvent } from "@/lib/booking/events";
import { newBookingsNotifySql } from "@/lib/live/publish";

export interface NewPassenger {
  id: string;
  name: string;
  age: number;
  berthPreference: BerthPreference;
  /** Null on the waiting list. */
  seatId: string | null;
  /** What this passenger is charged, and under which concession (docs/decisions/041). */
  fareMinor: number;
  fullFareMinor: number;
  concession: { code: string; name: string; proof: string | null; discountBasisPoints: number } | null;
}

export interface NewBooking {
  id: string;
  pnr: string;
  status: "HELD" | "WAITLISTED";
  userId: string;
  serviceId: string;
  fromStationId: string;
  toStationId: string;
  fromSeq: number;
  toSeq: number;
  classCode: string;
  quotaCode: string;
  /** The hold's end, or the end of the window to pay for a waiting-list place. */
  holdExpiresAt: Date;
  currency: string;
  createdAt: Date;
  passengers: NewPassenger[];
  /** The queue entry's id, for a WAITLISTED booking. */
  waitlistEntryId?: string;
}

/** An Idempotency-Key claimed with the outcome it answers (lib/idempotency/keys.ts). */
export interface ClaimedKey {
  userId: string;
  scope: string;
  key: string;
  requestHash: string;
  outcome: unknown;
}

/** A booking's total: each passenger's fare as charged. */
export function bookingTotal(b: Pick<NewBooking, "passengers">): number {
  return b.passengers.reduce((sum, p) => sum + p.fareMinor, 0);
}

/** Writes the bookings, their keys and `events` (the bookings' HELD and WAITLISTED events), and publishes them, in one statement. */
export async function writeBookings(tx: Tx, bookings: NewBooking[], keys: ClaimedKey[], events: NewEvent[] = []): Promise<void> {
  if (bookings.length === 0 && keys.length === 0 && events.length === 0) return;
  const passengers = bookings.flatMap((b) => b.passengers.map((p, i) => ({ ...p, position: i + 1, booking: b })));
  const seated = passengers.filter((p) => p.seatId !== null);
  const waiting = bookings.filter((b) => b.status === "WAITLISTED");
  const col = <T,>(rows: T[], f: (row: T) => unknown) => rows.map(f);
  await tx.$executeRaw`
    WITH b AS (
      INSERT INTO "Booking" (id, pnr, "userId", "serviceId", "fromStationId", "toStationId", "fromSeq", "toSeq",
                             "classCode", "quotaCode", status, "holdExpiresAt", "totalMinor", currency, "createdAt", "updatedAt")
      SELECT x.id, x.pnr, x."userId", x."serviceId", x."fromStationId", x."toStationId", x."fromSeq", x."toSeq",
             x."classCode", x."quotaCode", x.status::"BookingStatus", x."holdExpiresAt", x."totalMinor", x.currency, x."createdAt", x."createdAt"
      FROM unnest(${col(bookings, (b) => b.id)}::text[], ${col(bookings, (b) => b.pnr)}::text[], ${col(bookings, (b) => b.userId)}::text[],
                  ${col(bookings, (b) => b.serviceId)}::text[], ${col(bookings, (b) => b.fromStationId)}::text[], ${col(bookings, (b) => b.toStationId)}::text[],
                  ${col(bookings, (b) => b.fromSeq)}::int[], ${col(bookings, (b) => b.toSeq)}::int[], ${col(bookings, (b) => b.classCode)}::text[],
                  ${col(bookings, (b) => b.quotaCode)}::text[], ${col(bookings, (b) => b.status)}::text[], ${col(bookings, (b) => b.holdExpiresAt)}::timestamptz[],
                  ${col(bookings, bookingTotal)}::int[], ${col(bookings, (b) => b.currency)}::text[],
                  ${col(bookings, (b) => b.createdAt)}::timestamptz[])
           AS x(id, pnr, "userId", "serviceId", "fromStationId", "toStationId", "fromSeq", "toSeq", "classCode", "quotaCode", status,
                "holdExpiresAt", "totalMinor", currency, "createdAt")
    ), p AS (
      INSERT INTO "BookingPassenger" (id, "bookingId", position, name, age, "berthPreference", "fareMinor", status,
                                      "fullFareMinor", "concessionCode", "concessionName", "concessionProof", "discountBasisPoints")
      SELECT x.id, x."bookingId", x.position, x.name, x.age, x.preference::"BerthPreference", x."fareMinor", x.status::"PassengerStatus",
             x."fullFareMinor", x."concessionCode", x."concessionName", x."concessionProof", x."discountBasisPoints"
      FROM unnest(${col(passengers, (p) => p.id)}::text[], ${col(passengers, (p) => p.booking.id)}::text[], ${col(passengers, (p) => p.position)}::int[],
                  ${col(passengers, (p) => p.name)}::text[], ${col(passengers, (p) => p.age)}::int[], ${col(passengers, (p) => p.berthPreference)}::text[],
                  ${col(passengers, (p) => p.fareMinor)}::int[], ${col(passengers, (p) => (p.seatId ? "CONFIRMED" : "WAITLISTED"))}::text[],
                  ${col(passengers, (p) => p.fullFareMinor)}::int[], ${col(passengers, (p) => p.concession?.code ?? null)}::text[],
                  ${col(passengers, (p) => p.concession?.name ?? null)}::text[], ${col(passengers, (p) => p.concession?.proof ?? null)}::text[],
                  ${col(passengers, (p) => p.concession?.discountBasisPoints ?? 0)}::int[])
           AS x(id, "bookingId", position, name, age, preference, "fareMinor", status, "fullFareMinor", "concessionCode", "concessionName", "concessionProof", "discountBasisPoints")
    ), a AS (
      INSERT INTO "SeatAllocation" (id, "serviceId", "serviceSeatId", "bookingPassengerId", "fromSeq", "toSeq", "expiresAt", "createdAt")
      SELECT gen_random_uuid()::text, x."serviceId", x.seat, x.passenger, x."fromSeq", x."toSeq", x."expiresAt", x."createdAt"
      FROM unnest(${col(seated, (p) => p.booking.serviceId)}::text[], ${col(seated, (p) => p.seatId)}::text[], ${col(seated, (p) => p.id)}::text[],
                  ${col(seated, (p) => p.booking.fromSeq)}::int[], ${col(seated, (p) => p.booking.toSeq)}::int[],
                  ${col(seated, (p) => p.booking.holdExpiresAt)}::timestamptz[], ${col(seated, (p) => p.booking.createdAt)}::timestamptz[])
           AS x("serviceId", seat, passenger, "fromSeq", "toSeq", "expiresAt", "createdAt")
    ), w AS (
      -- The queue order is the database clock at this statement, row by row in arrival order
      -- (unnest keeps it): of two joins, the one served first is ahead.
      INSERT INTO "WaitlistEntry" (id, "bookingId", "serviceId", "classCode", "quotaCode", "fromSeq", "toSeq", "partySize", "createdAt")
      SELECT x.id, x."bookingId", x."serviceId", x."classCode", x."quotaCode", x."fromSeq", x."toSeq", x."partySize",
             clock_timestamp() + (x.n - 1) * INTERVAL '1 microsecond'
      FROM unnest(${col(waiting, (b) => b.waitlistEntryId)}::text[], ${col(waiting, (b) => b.id)}::text[], ${col(waiting, (b) => b.serviceId)}::text[], ${col(waiting, (b) => b.classCode)}::text[],
                  ${col(waiting, (b) => b.quotaCode)}::text[], ${col(waiting, (b) => b.fromSeq)}::int[], ${col(waiting, (b) => b.toSeq)}::int[],
                  ${col(waiting, (b) => b.passengers.length)}::int[]) WITH ORDINALITY
           AS x(id, "bookingId", "serviceId", "classCode", "quotaCode", "fromSeq", "toSeq", "partySize", n)
      ORDER BY x.n
    ), k AS (
      INSERT INTO "IdempotencyKey" (id, "userId", scope, key, "requestHash", "responseBody", "completedAt")
      SELECT gen_random_uuid()::text, x."userId", x.scope, x.key, x."requestHash", x.outcome, clock_timestamp()
      FROM unnest(${col(keys, (k) => k.userId)}::text[], ${col(keys, (k) => k.scope)}::text[], ${col(keys, (k) => k.key)}::text[],
                  ${col(keys, (k) => k.requestHash)}::text[], ${col(keys, (k) => JSON.stringify(k.outcome))}::jsonb[])
           AS x("userId", scope, key, "requestHash", outcome)
    ), u AS (
      -- More unpaid seats for these accounts: a turn that counted them before this commit counts again (lib/booking/hold-limits.ts).
      UPDATE "User" SET "holdsVersion" = "holdsVersion" + 1 WHERE id = ANY(${[...new Set(bookings.map((b) => b.userId))]}::text[])
    ), e AS (${events.length > 0 ? eventsInsertSql(events) : Prisma.sql`SELECT 1`})
    ${newBookingsNotifySql(bookings)}`;
}

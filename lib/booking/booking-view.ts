// A booking as the API and the pages show it. Built from a BookingRecord, which comes either from
// the database (GET) or straight from the transaction that just wrote it (POST, where every extra
// read would hold the seat locks longer). tests/booking/booking-api.test.ts checks both agree.
import "server-only";
import type { Db, Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { BookingView } from "@/lib/schemas/booking";
import { isoInZone } from "@/lib/time/zoned";
import { isPnr } from "@/lib/booking/pnr";
import { waitlistPositions } from "@/lib/booking/waitlist/queue";

interface StationOfRecord {
  code: string;
  name: string;
  timeZone: string;
}

export interface BookingRecord {
  pnr: string;
  status: BookingView["status"];
  serviceId: string;
  from: StationOfRecord;
  to: StationOfRecord;
  classCode: string;
  quotaCode: string;
  train: { number: string; name: string };
  departureAt: Date;
  arrivalAt: Date;
  holdExpiresAt: Date | null;
  totalMinor: number;
  currency: string;
  createdAt: Date;
  confirmedAt: Date | null;
  cancelledAt: Date | null;
  /** Where a WAITLISTED booking stands in its queue (lib/booking/waitlist/queue.ts); absent for others. */
  waitlistPosition?: number | null;
  passengers: {
    name: string;
    age: number;
    berthPreference: BookingView["passengers"][number]["berthPreference"];
    fareMinor: number;
    /** Null on rows from before concessions: the fare was the full one. */
    fullFareMinor: number | null;
    concession: BookingView["passengers"][number]["concession"];
    status: BookingView["passengers"][number]["status"];
    seat: { id: string; coachLabel: string; number: number; berth: BookingView["passengers"][number]["berth"] } | null;
  }[];
}

export function toView(b: BookingRecord, now = new Date()): BookingView {
  // A hold (or a waiting-list place left unpaid) that has run out is expired whether or not the
  // sweeper has recorded it yet.
  const expired = (b.status === "HELD" || b.status === "WAITLISTED") && b.holdExpiresAt !== null && b.holdExpiresAt <= now;
  return {
    pnr: b.pnr,
    status: expired ? "EXPIRED" : b.status,
    serviceId: b.serviceId,
    from: b.from.code,
    to: b.to.code,
    fromName: b.from.name,
    toName: b.to.name,
    class: b.classCode,
    quota: b.quotaCode,
    train: b.train,
    departure: isoInZone(b.departureAt, b.from.timeZone),
    arrival: isoInZone(b.arrivalAt, b.to.timeZone),
    holdExpiresAt: b.holdExpiresAt?.toISOString() ?? null,
    total: { amount: b.totalMinor, currency: b.currency },
    passengers: b.passengers.map((p) => ({
      name: p.name,
      age: p.age,
      berthPreference: p.berthPreference,
      seatId: p.seat?.id ?? null,
      coach: p.seat?.coachLabel ?? null,
      number: p.seat?.number ?? null,
      berth: p.seat?.berth ?? null,
      status: p.status,
      fare: { amount: p.fareMinor, currency: b.currency },
      fullFare: { amount: p.fullFareMinor ?? p.fareMinor, currency: b.currency },
      concession: p.concession,
    })),
    createdAt: b.createdAt.toISOString(),
    confirmedAt: b.confirmedAt?.toISOString() ?? null,
    cancelledAt: b.cancelledAt?.toISOString() ?? null,
    waitlistPosition: b.status === "WAITLISTED" && !expired ? (b.waitlistPosition ?? null) : null,
  };
}

interface BookingRow extends Omit<BookingRecord, "waitlistPosition"> {
  id: string;
}

/**
 * Bookings with everything the view shows, in one statement. Prisma's `include` reads each
 * relation with a query of its own, nine round trips per booking, and a payment builds this view
 * inside its transaction, while it holds the booking's seat locks (bench/REPORT.md, profile).
 */
function bookingRows(client: Db | Tx, where: Prisma.Sql, limit = 1): Promise<BookingRow[]> {
  return client.$queryRaw<BookingRow[]>`
    SELECT b.id, b.pnr, b.status::text AS status, b."serviceId", b."classCode", b."quotaCode",
           b."holdExpiresAt", b."totalMinor", b.currency, b."createdAt", b."confirmedAt", b."cancelledAt",
           json_build_object('code', fst.code, 'name', fst.name, 'timeZone', fst."timeZone") AS "from",
           json_build_object('code', tst.code, 'name', tst.name, 'timeZone', tst."timeZone") AS "to",
           json_build_object('number', t.number, 'name', t.name) AS train,
           s."departsAt" + COALESCE(fs."departureOffsetMinutes", 0) * INTERVAL '1 minute' AS "departureAt",
           s."departsAt" + COALESCE(ts."arrivalOffsetMinutes", 0) * INTERVAL '1 minute' AS "arrivalAt",
           COALESCE((
             SELECT json_agg(json_build_object('name', p.name, 'age', p.age, 'berthPreference', p."berthPreference",
                      'fareMinor', p."fareMinor", 'fullFareMinor', p."fullFareMinor", 'status', p.status, 'seat', seat.j,
                      'concession', CASE WHEN p."concessionCode" IS NULL THEN NULL ELSE
                        json_build_object('code', p."concessionCode", 'name', p."concessionName", 'proof', p."concessionProof",
                                          'discountBasisPoints', p."discountBasisPoints") END) ORDER BY p.position)
             FROM "BookingPassenger" p
             -- The latest allocation: the seat stays on the ticket after a cancellation, for the records.
             LEFT JOIN LATERAL (
               SELECT json_build_object('id', ss.id, 'coachLabel', ss."coachLabel", 'number', ss.number, 'berth', ss.berth) AS j
               FROM "SeatAllocation" a JOIN "ServiceSeat" ss ON ss.id = a."serviceSeatId"
               WHERE a."bookingPassengerId" = p.id
               ORDER BY a."createdAt" DESC, a.id ASC
               LIMIT 1
             ) seat ON true
             WHERE p."bookingId" = b.id
           ), '[]'::json) AS passengers
    FROM "Booking" b
    JOIN "Station" fst ON fst.id = b."fromStationId"
    JOIN "Station" tst ON tst.id = b."toStationId"
    JOIN "Service" s ON s.id = b."serviceId"
    JOIN "Train" t ON t.id = s."trainId"
    LEFT JOIN "TrainStop" fs ON fs."trainId" = s."trainId" AND fs.sequence = b."fromSeq"
    LEFT JOIN "TrainStop" ts ON ts."trainId" = s."trainId" AND ts.sequence = b."toSeq"
    WHERE ${where}
    ORDER BY b."createdAt" DESC, b.id ASC
    LIMIT ${limit}`;
}

function recordOf(b: BookingRow, positions: Map<string, number>): BookingRecord {
  return { ...b, waitlistPosition: positions.get(b.id) ?? null };
}

/** Queue positions, read only for the waiting bookings among `rows`. */
function positionsOf(client: Db | Tx, rows: BookingRow[]): Promise<Map<string, number>> {
  return waitlistPositions(client, rows.filter((r) => r.status === "WAITLISTED").map((r) => r.id));
}

export async function bookingViewById(client: Db | Tx, bookingId: string, now = new Date()): Promise<BookingView> {
  const [row] = await bookingRows(client, Prisma.sql`b.id = ${bookingId}`);
  if (!row) throw new AppError("NOT_FOUND", "We could not find a booking with that reference.");
  return toView(recordOf(row, await positionsOf(client, [row])), now);
}

/** A booking of this user; anyone else's is NOT_FOUND, so a PNR reveals nothing about a stranger's trip. */
export async function ownBookingView(client: Db | Tx, userId: string, pnr: string, now = new Date()): Promise<BookingView> {
  const row = isPnr(pnr) ? (await bookingRows(client, Prisma.sql`b.pnr = ${pnr} AND b."userId" = ${userId}`))[0] : undefined;
  if (!row) throw new AppError("NOT_FOUND", "We could not find a booking with that reference.");
  return toView(recordOf(row, await positionsOf(client, [row])), now);
}

export async function listOwnBookings(client: Db | Tx, userId: string, options: { limit?: number } = {}): Promise<BookingView[]> {
  const now = new Date();
  const rows = await bookingRows(client, Prisma.sql`b."userId" = ${userId}`, options.limit ?? 100);
  const positions = await positionsOf(client, rows);
  return rows.map((row) => toView(recordOf(row, positions), now));
}

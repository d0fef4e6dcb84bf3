// A booking as the API and the pages show it. Built from a BookingRecord, which comes either from
// the database (GET) or straight from the transaction that just wrote it (POST, where every extra
// read would hold the seat locks longer). tests/booking/booking-api.test.ts checks both agree.
import "server-only";
import type { Db, Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { BookingView } from "@/lib/schemas/booking";
import { isoInZone } from "@/lib/time/zoned";
import { isPnr } from "@/lib/booking/pnr";
import { waitlistPositions } from "@/lib/waitlist/queue";

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
  /** Where a WAITLISTED booking stands in its queue (lib/waitlist/queue.ts); absent for others. */
  waitlistPosition?: number | null;
  passengers: {
    name: string;
    age: number;
    berthPreference: BookingView["passengers"][number]["berthPreference"];
    fareMinor: number;
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
    })),
    createdAt: b.createdAt.toISOString(),
    confirmedAt: b.confirmedAt?.toISOString() ?? null,
    cancelledAt: b.cancelledAt?.toISOString() ?? null,
    waitlistPosition: b.status === "WAITLISTED" && !expired ? (b.waitlistPosition ?? null) : null,
  };
}

const include = {
  fromStation: { select: { code: true, name: true, timeZone: true } },
  toStation: { select: { code: true, name: true, timeZone: true } },
  service: {
    select: {
      departsAt: true,
      train: { select: { number: true, name: true, stops: { select: { sequence: true, departureOffsetMinutes: true, arrivalOffsetMinutes: true } } } },
    },
  },
  passengers: {
    orderBy: { position: "asc" },
    // The latest allocation: the seat stays on the ticket after a cancellation, for the records.
    include: { allocations: { orderBy: [{ createdAt: "desc" }, { id: "asc" }], take: 1, include: { seat: { select: { id: true, coachLabel: true, number: true, berth: true } } } } },
  },
} satisfies Prisma.BookingInclude;

type BookingRow = Prisma.BookingGetPayload<{ include: typeof include }>;

function recordOf(b: BookingRow, positions: Map<string, number>): BookingRecord {
  const stop = (seq: number) => b.service.train.stops.find((s) => s.sequence === seq);
  const at = (offset: number | null | undefined) => new Date(b.service.departsAt.getTime() + (offset ?? 0) * 60_000);
  return {
    ...b,
    from: b.fromStation,
    to: b.toStation,
    train: { number: b.service.train.number, name: b.service.train.name },
    departureAt: at(stop(b.fromSeq)?.departureOffsetMinutes),
    arrivalAt: at(stop(b.toSeq)?.arrivalOffsetMinutes),
    passengers: b.passengers.map((p) => ({ ...p, seat: p.allocations[0]?.seat ?? null })),
    waitlistPosition: positions.get(b.id) ?? null,
  };
}

/** Queue positions, read only for the waiting bookings among `rows`. */
function positionsOf(client: Db | Tx, rows: BookingRow[]): Promise<Map<string, number>> {
  return waitlistPositions(client, rows.filter((r) => r.status === "WAITLISTED").map((r) => r.id));
}

export async function bookingViewById(client: Db | Tx, bookingId: string, now = new Date()): Promise<BookingView> {
  const row = await client.booking.findUniqueOrThrow({ where: { id: bookingId }, include });
  return toView(recordOf(row, await positionsOf(client, [row])), now);
}

/** A booking of this user; anyone else's is NOT_FOUND, so a PNR reveals nothing about a stranger's trip. */
export async function ownBookingView(client: Db | Tx, userId: string, pnr: string, now = new Date()): Promise<BookingView> {
  const row = isPnr(pnr) ? await client.booking.findFirst({ where: { pnr, userId }, include }) : null;
  if (!row) throw new AppError("NOT_FOUND", "We could not find a booking with that reference.");
  return toView(recordOf(row, await positionsOf(client, [row])), now);
}

export async function listOwnBookings(client: Db | Tx, userId: string, options: { limit?: number } = {}): Promise<BookingView[]> {
  const now = new Date();
  const rows = await client.booking.findMany({ where: { userId }, include, orderBy: [{ createdAt: "desc" }, { id: "asc" }], take: options.limit ?? 100 });
  const positions = await positionsOf(client, rows);
  return rows.map((row) => toView(recordOf(row, positions), now));
}

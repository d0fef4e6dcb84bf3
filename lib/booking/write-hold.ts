// Writing a hold: the booking, its passengers, their seat allocations and the HELD event, in one
// statement (data-modifying CTEs), where Prisma would send four. The hold transaction holds its
// seat locks until it commits, so every round trip saved is time another booking of the same
// train does not wait (bench/REPORT.md, profile). Foreign keys between the four are checked at the
// end of the statement, when all of them are there.
//
// A PNR collision inserts nothing (ON CONFLICT DO NOTHING, and the other rows are written only
// for a booking row that was), so another PNR is tried on the spot without aborting the
// transaction, as lib/booking/insert-booking.ts does for a single booking row.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { generatePnr } from "@/lib/booking/pnr";
import type { UserActor } from "@/lib/auth/actor";

export interface NewHold {
  actor: UserActor;
  serviceId: string;
  fromStationId: string;
  toStationId: string;
  fromSeq: number;
  toSeq: number;
  classCode: string;
  quotaCode: string;
  holdExpiresAt: Date;
  currency: string;
  createdAt: Date;
  fareMinor: number;
  passengers: { name: string; age: number; berthPreference: string; seatId: string }[];
  /** The HELD event's data. */
  event: Record<string, unknown>;
}

export async function writeHold(tx: Tx, h: NewHold): Promise<{ bookingId: string; pnr: string }> {
  const bookingId = randomUUID();
  const passengerIds = h.passengers.map(() => randomUUID());
  const totalMinor = h.fareMinor * h.passengers.length;
  for (let attempt = 0; attempt < 5; attempt++) {
    const pnr = generatePnr();
    const [row] = await tx.$queryRaw<{ written: number }[]>`
      WITH b AS (
        INSERT INTO "Booking" (id, pnr, "userId", "serviceId", "fromStationId", "toStationId", "fromSeq", "toSeq",
                               "classCode", "quotaCode", status, "holdExpiresAt", "totalMinor", currency, "createdAt", "updatedAt")
        VALUES (${bookingId}, ${pnr}, ${h.actor.userId}, ${h.serviceId}, ${h.fromStationId}, ${h.toStationId}, ${h.fromSeq}, ${h.toSeq},
                ${h.classCode}, ${h.quotaCode}, 'HELD', ${h.holdExpiresAt}, ${totalMinor}, ${h.currency}, ${h.createdAt}, ${h.createdAt})
        ON CONFLICT (pnr) DO NOTHING
        RETURNING id
      ), p AS (
        INSERT INTO "BookingPassenger" (id, "bookingId", position, name, age, "berthPreference", "fareMinor")
        SELECT x.id, b.id, x.position, x.name, x.age, x.preference::"BerthPreference", ${h.fareMinor}::int
        FROM b, unnest(${passengerIds}::text[], ${h.passengers.map((_, i) => i + 1)}::int[], ${h.passengers.map((p) => p.name)}::text[],
                       ${h.passengers.map((p) => p.age)}::int[], ${h.passengers.map((p) => p.berthPreference)}::text[])
             AS x(id, position, name, age, preference)
      ), a AS (
        INSERT INTO "SeatAllocation" (id, "serviceId", "serviceSeatId", "bookingPassengerId", "fromSeq", "toSeq", "expiresAt")
        SELECT gen_random_uuid()::text, ${h.serviceId}::text, x.seat, x.passenger, ${h.fromSeq}::int, ${h.toSeq}::int, ${h.holdExpiresAt}::timestamptz
        FROM b, unnest(${h.passengers.map((p) => p.seatId)}::text[], ${passengerIds}::text[]) AS x(seat, passenger)
      ), e AS (
        INSERT INTO "BookingEvent" (id, "bookingId", type, "actorUserId", "actorRole", data)
        SELECT gen_random_uuid()::text, b.id, 'HELD', ${h.actor.userId}::text, ${h.actor.role}::text, ${JSON.stringify(h.event)}::jsonb
        FROM b
      )
      SELECT COUNT(*)::int AS written FROM b`;
    if (row?.written === 1) return { bookingId, pnr };
  }
  throw new AppError("INTERNAL", undefined, { reason: "could not find a free PNR" });
}

// Which services of a train still carry passengers: the reason a train's route and coaches are
// locked. Bookings keep stop sequence numbers (fromSeq/toSeq) and seats keep the composition's
// coach labels, so rewriting either under a sold service would move people to other stations or
// seats without telling them. Only services that have not yet reached their last stop count.
import "server-only";
import type { Db, Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { liveAllocation } from "@/lib/inventory/live";

export interface BookedService {
  serviceId: string;
  serviceDate: string;
  departsAt: Date;
  /** Bookings that still hold or wait for places: confirmed, waitlisted, or held with time left. */
  bookings: number;
  /** Places those bookings occupy right now (live seat allocations). */
  seats: number;
}

/**
 * Live bookings on services of `trainId` still running or to come at `now`. A hold counts while
 * it has time left, whether or not the sweeper has expired it yet, the same rule seat availability
 * uses (lib/search/free-seats.ts).
 */
export async function bookedFutureServices(client: Db | Tx, trainId: string, now: Date, limit = 20): Promise<BookedService[]> {
  return client.$queryRaw<BookedService[]>`
    WITH run AS (
      SELECT COALESCE(MAX(GREATEST(COALESCE(ts."arrivalOffsetMinutes", 0), COALESCE(ts."departureOffsetMinutes", 0))), 0) AS minutes
      FROM "TrainStop" ts WHERE ts."trainId" = ${trainId}
    ), live AS (
      SELECT b.id, b."serviceId"
      FROM "Booking" b
      JOIN "Service" s ON s.id = b."serviceId"
      CROSS JOIN run
      WHERE s."trainId" = ${trainId}
        AND s."departsAt" + run.minutes * interval '1 minute' > ${now}
        AND (b.status IN ('CONFIRMED', 'WAITLISTED')
             OR (b.status = 'HELD' AND (b."holdExpiresAt" IS NULL OR b."holdExpiresAt" > ${now})))
    )
    SELECT s.id AS "serviceId", to_char(s."serviceDate", 'YYYY-MM-DD') AS "serviceDate", s."departsAt",
           COUNT(DISTINCT live.id)::int AS bookings,
           COUNT(DISTINCT a.id)::int AS seats
    FROM live
    JOIN "Service" s ON s.id = live."serviceId"
    LEFT JOIN "BookingPassenger" bp ON bp."bookingId" = live.id
    LEFT JOIN "SeatAllocation" a ON a."bookingPassengerId" = bp.id
      AND ${liveAllocation("a", Prisma.sql`${now}`)}
    GROUP BY s.id, s."serviceDate", s."departsAt"
    ORDER BY s."departsAt"
    LIMIT ${limit}`;
}

function describe(services: BookedService[], limit: number): string {
  const shown = services.slice(0, 5).map((s) => `${s.serviceDate} (${s.bookings} booking${s.bookings === 1 ? "" : "s"})`);
  // The query stops at `limit` services, so at the limit there may be more than it saw.
  const rest = services.length - shown.length;
  const more = rest > 0 ? ` and ${services.length >= limit ? "at least " : ""}${rest} more` : "";
  return `${shown.join(", ")}${more}`;
}

/** Refuses a change of route or composition while a coming service carries bookings, naming them. */
export async function assertNoBookedFutureServices(client: Db | Tx, trainId: string, now: Date, what: string): Promise<void> {
  const limit = 20;
  const booked = await bookedFutureServices(client, trainId, now, limit);
  if (booked.length === 0) return;
  throw new AppError(
    "CONFLICT",
    `The ${what} cannot change while passengers are booked on coming services of this train: ${describe(booked, limit)}. ` +
      "Cancel or move those bookings first, or create a new train for the new timetable.",
    { bookedServices: booked.map((s) => ({ serviceId: s.serviceId, serviceDate: s.serviceDate, bookings: s.bookings, seats: s.seats })) },
  );
}

// The dashboard's SQL. Every figure is aggregated by PostgreSQL (GROUP BY over an index range, days
// bucketed with AT TIME ZONE in the operator's zone, empty days filled by generate_series); no
// booking row ever reaches the app. bench/analytics/ times these over a year of bookings.
// Definitions: docs/decisions/012-operations-analytics.md.
import "server-only";
import type { Db, Tx } from "@/lib/db";
import type { DailyRow, OccupancyRow, SegmentRow } from "@/lib/schemas/admin-analytics";

export interface AnalyticsRange {
  /** Local dates, inclusive. */
  from: string;
  to: string;
  timeZone: string;
  currency: string;
}

type Client = Db | Tx;

/** Per local day: bookings paid, money taken, paid bookings cancelled, money refunded. */
export async function dailyFigures(client: Client, r: AnalyticsRange): Promise<DailyRow[]> {
  const rows = await client.$queryRaw<{ date: string; bookings: number; revenue: bigint; cancellations: number; refunds: bigint }[]>`
    WITH bounds AS (
      SELECT (${r.from}::date)::timestamp AT TIME ZONE ${r.timeZone} AS lo,
             (${r.to}::date + 1)::timestamp AT TIME ZONE ${r.timeZone} AS hi
    ),
    days AS (SELECT d::date AS day FROM generate_series(${r.from}::date, ${r.to}::date, INTERVAL '1 day') AS d),
    confirmed AS (
      SELECT (b."confirmedAt" AT TIME ZONE ${r.timeZone})::date AS day, COUNT(*) AS n
      FROM "Booking" b, bounds WHERE b."confirmedAt" >= bounds.lo AND b."confirmedAt" < bounds.hi GROUP BY 1
    ),
    paid AS (
      SELECT (p."createdAt" AT TIME ZONE ${r.timeZone})::date AS day, SUM(p."amountMinor") AS amount
      FROM "Payment" p, bounds
      WHERE p.status = 'SUCCEEDED' AND p.currency = ${r.currency} AND p."createdAt" >= bounds.lo AND p."createdAt" < bounds.hi GROUP BY 1
    ),
    cancelled AS (
      SELECT (b."cancelledAt" AT TIME ZONE ${r.timeZone})::date AS day, COUNT(*) AS n
      FROM "Booking" b, bounds
      WHERE b."cancelledAt" >= bounds.lo AND b."cancelledAt" < bounds.hi AND b."confirmedAt" IS NOT NULL GROUP BY 1
    ),
    refunded AS (
      SELECT (f."createdAt" AT TIME ZONE ${r.timeZone})::date AS day, SUM(f."amountMinor") AS amount
      FROM "Refund" f, bounds
      WHERE f.currency = ${r.currency} AND f."createdAt" >= bounds.lo AND f."createdAt" < bounds.hi GROUP BY 1
    )
    SELECT to_char(days.day, 'YYYY-MM-DD') AS date,
           COALESCE(confirmed.n, 0)::int AS bookings, COALESCE(paid.amount, 0)::bigint AS revenue,
           COALESCE(cancelled.n, 0)::int AS cancellations, COALESCE(refunded.amount, 0)::bigint AS refunds
    FROM days
    LEFT JOIN confirmed ON confirmed.day = days.day
    LEFT JOIN paid ON paid.day = days.day
    LEFT JOIN cancelled ON cancelled.day = days.day
    LEFT JOIN refunded ON refunded.day = days.day
    ORDER BY days.day`;
  return rows.map((row) => ({ date: row.date, bookings: row.bookings, revenueMinor: Number(row.revenue), cancellations: row.cancellations, refundsMinor: Number(row.refunds) }));
}

/**
 * Seat-km sold over seat-km offered, per train and class, for services whose date is in the range
 * and that were not cancelled. Offered: every seat for the whole route. Sold: each paid seat
 * allocation still held (not released), for the distance it covers.
 */
export async function occupancyByTrainAndClass(client: Client, r: AnalyticsRange): Promise<OccupancyRow[]> {
  const rows = await client.$queryRaw<{ trainNumber: string; trainName: string; classCode: string; className: string; services: number; offered: bigint; sold: bigint }[]>`
    WITH svc AS (
      SELECT s.id, s."trainId" FROM "Service" s
      WHERE s."serviceDate" BETWEEN ${r.from}::date AND ${r.to}::date AND s.status <> 'CANCELLED'
    ),
    route AS (SELECT "trainId", MAX("distanceKm") AS km FROM "TrainStop" GROUP BY "trainId"),
    offered AS (
      SELECT svc."trainId", ss."classCode", COUNT(DISTINCT svc.id) AS services, COUNT(*) * MAX(route.km) AS seat_km
      FROM svc JOIN "ServiceSeat" ss ON ss."serviceId" = svc.id JOIN route ON route."trainId" = svc."trainId"
      GROUP BY svc."trainId", ss."classCode"
    ),
    sold AS (
      SELECT svc."trainId", ss."classCode", SUM(dest."distanceKm" - orig."distanceKm") AS seat_km
      FROM svc
      JOIN "SeatAllocation" a ON a."serviceId" = svc.id AND a."releasedAt" IS NULL AND a."expiresAt" IS NULL
      JOIN "ServiceSeat" ss ON ss.id = a."serviceSeatId"
      JOIN "TrainStop" orig ON orig."trainId" = svc."trainId" AND orig.sequence = a."fromSeq"
      JOIN "TrainStop" dest ON dest."trainId" = svc."trainId" AND dest.sequence = a."toSeq"
      GROUP BY svc."trainId", ss."classCode"
    )
    SELECT t.number AS "trainNumber", t.name AS "trainName", o."classCode", tc.name AS "className", o.services::int AS services,
           o.seat_km::bigint AS offered, COALESCE(sold.seat_km, 0)::bigint AS sold
    FROM offered o
    JOIN "Train" t ON t.id = o."trainId"
    JOIN "TravelClass" tc ON tc.code = o."classCode"
    LEFT JOIN sold ON sold."trainId" = o."trainId" AND sold."classCode" = o."classCode"
    ORDER BY t.number, tc."sortOrder", o."classCode"`;
  return rows.map((row) => {
    const offered = Number(row.offered);
    const sold = Number(row.sold);
    return { trainNumber: row.trainNumber, trainName: row.trainName, classCode: row.classCode, className: row.className, services: row.services, seatKmOffered: offered, seatKmSold: sold, occupancy: offered > 0 ? sold / offered : null };
  });
}

/** The station pairs most travelled: confirmed passengers of confirmed bookings on services running in the range. */
export async function busiestSegments(client: Client, r: AnalyticsRange, limit = 10): Promise<SegmentRow[]> {
  const rows = await client.$queryRaw<{ fromCode: string; fromName: string; toCode: string; toName: string; passengers: number; bookings: number }[]>`
    WITH pairs AS (
      SELECT b."fromStationId", b."toStationId", COUNT(*) AS passengers, COUNT(DISTINCT b.id) AS bookings
      FROM "Service" s
      JOIN "Booking" b ON b."serviceId" = s.id AND b.status = 'CONFIRMED'
      JOIN "BookingPassenger" bp ON bp."bookingId" = b.id AND bp.status = 'CONFIRMED'
      WHERE s."serviceDate" BETWEEN ${r.from}::date AND ${r.to}::date AND s.status <> 'CANCELLED'
      GROUP BY b."fromStationId", b."toStationId"
      ORDER BY passengers DESC, bookings DESC, b."fromStationId", b."toStationId"
      LIMIT ${limit}
    )
    SELECT fs.code AS "fromCode", fs.name AS "fromName", ts.code AS "toCode", ts.name AS "toName",
           pairs.passengers::int AS passengers, pairs.bookings::int AS bookings
    FROM pairs JOIN "Station" fs ON fs.id = pairs."fromStationId" JOIN "Station" ts ON ts.id = pairs."toStationId"
    ORDER BY pairs.passengers DESC, pairs.bookings DESC, fs.code, ts.code`;
  return rows.map((row) => ({ from: { code: row.fromCode, name: row.fromName }, to: { code: row.toCode, name: row.toName }, passengers: row.passengers, bookings: row.bookings }));
}

/** People waiting for seats on services in the range (WaitlistEntry WAITING). */
export async function waitlistLength(client: Client, r: AnalyticsRange): Promise<{ entries: number; passengers: number }> {
  const [row] = await client.$queryRaw<{ entries: number; passengers: number }[]>`
    SELECT COUNT(*)::int AS entries, COALESCE(SUM(w."partySize"), 0)::int AS passengers
    FROM "WaitlistEntry" w JOIN "Service" s ON s.id = w."serviceId"
    WHERE w.status = 'WAITING' AND s."serviceDate" BETWEEN ${r.from}::date AND ${r.to}::date`;
  return row ?? { entries: 0, passengers: 0 };
}

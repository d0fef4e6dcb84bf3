// The dashboard's SQL. Every figure is aggregated by PostgreSQL (GROUP BY over an index range, days
// bucketed with AT TIME ZONE in the operator's zone, empty days filled by generate_series); no
// booking row ever reaches the app. bench/analytics/ times these over a year of bookings.
// Definitions: docs/decisions/013-operations-analytics.md.
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db, Tx } from "@/lib/db";
import { dayBoundsInZone } from "@/lib/time/zoned";
import { addDaysIso } from "@/lib/services/service-calendar";
import type { DailyRow, OccupancyRow, SegmentRow } from "@/lib/schemas/admin-analytics";

export interface AnalyticsRange {
  /** Local dates, inclusive. */
  from: string;
  to: string;
  timeZone: string;
  currency: string;
}

type Client = Db | Tx;

/**
 * Runs dashboard queries with PostgreSQL's JIT compiler off, for this transaction only. Their cost
 * estimates pass jit_above_cost, and compiling them took 2.5-3 s on the shared CI machine while the
 * query itself ran in ~150 ms (bench/analytics/REPORT.md). CockroachDB has no JIT and no such
 * setting (docs/decisions/003): a port there drops the SET.
 */
export async function withoutJit<T>(client: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return client.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL jit = off");
      return work(tx);
    },
    // A year's occupancy can take seconds on a busy machine: more than Prisma's default 5 s ceiling.
    { timeout: 30_000, maxWait: 10_000 },
  );
}

/**
 * The range's first and last instants, computed here and sent as values: bounds computed in SQL (a
 * CTE) hid them from the planner, which then guessed a tenth of a year's rows, sorted 180k rows per
 * figure instead of hashing them and took 250 ms for a year (bench/analytics/REPORT.md).
 */
function rangeBounds(r: AnalyticsRange): { lo: Date; hi: Date } {
  return { lo: dayBoundsInZone(r.from, r.timeZone).start, hi: dayBoundsInZone(r.to, r.timeZone).end };
}

/** Per local day: bookings paid, money taken, paid bookings cancelled, money refunded. */
export const dailySql = (r: AnalyticsRange) => {
  const { lo, hi } = rangeBounds(r);
  return Prisma.sql`
    WITH days AS (SELECT d::date AS day FROM generate_series(${r.from}::date, ${r.to}::date, INTERVAL '1 day') AS d),
    confirmed AS (
      SELECT (b."confirmedAt" AT TIME ZONE ${r.timeZone})::date AS day, COUNT(*) AS n
      FROM "Booking" b WHERE b."confirmedAt" >= ${lo} AND b."confirmedAt" < ${hi} GROUP BY 1
    ),
    paid AS (
      SELECT (p."createdAt" AT TIME ZONE ${r.timeZone})::date AS day, SUM(p."amountMinor") AS amount
      FROM "Payment" p
      WHERE p.status = 'SUCCEEDED' AND p.currency = ${r.currency} AND p."createdAt" >= ${lo} AND p."createdAt" < ${hi} GROUP BY 1
    ),
    cancelled AS (
      SELECT (b."cancelledAt" AT TIME ZONE ${r.timeZone})::date AS day, COUNT(*) AS n
      FROM "Booking" b
      WHERE b."cancelledAt" >= ${lo} AND b."cancelledAt" < ${hi} AND b."confirmedAt" IS NOT NULL GROUP BY 1
    ),
    refunded AS (
      SELECT (f."createdAt" AT TIME ZONE ${r.timeZone})::date AS day, SUM(f."amountMinor") AS amount
      FROM "Refund" f
      WHERE f.currency = ${r.currency} AND f."createdAt" >= ${lo} AND f."createdAt" < ${hi} GROUP BY 1
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
};

type DailySqlRow = { date: string; bookings: number; revenue: bigint; cancellations: number; refunds: bigint };
const dailyRow = (row: DailySqlRow): DailyRow => ({ date: row.date, bookings: row.bookings, revenueMinor: Number(row.revenue), cancellations: row.cancellations, refundsMinor: Number(row.refunds) });

/**
 * The range's days from "SalesDay" (days that are over, written by lib/admin/sales-days.ts) up to
 * the first day not written there; from that day on, counted live by dailySql. Same figures either
 * way: tests/admin-ops/sales-days.test.ts.
 */
export async function dailyFigures(client: Client, r: AnalyticsRange): Promise<DailyRow[]> {
  const written = await client.$queryRaw<DailySqlRow[]>`
    SELECT to_char(day, 'YYYY-MM-DD') AS date, bookings, "revenueMinor" AS revenue, cancellations, "refundsMinor" AS refunds
    FROM "SalesDay"
    WHERE "timeZone" = ${r.timeZone} AND currency = ${r.currency} AND day BETWEEN ${r.from}::date AND ${r.to}::date
    ORDER BY day`;
  const byDate = new Set(written.map((row) => row.date));
  let liveFrom = r.from;
  while (liveFrom <= r.to && byDate.has(liveFrom)) liveFrom = addDaysIso(liveFrom, 1);
  const live = liveFrom <= r.to ? await client.$queryRaw<DailySqlRow[]>(dailySql({ ...r, from: liveFrom })) : [];
  return [...written.filter((row) => row.date < liveFrom), ...live].map(dailyRow);
}

/**
 * Seat-km offered per train and class, for services whose date is in the range and that were not
 * cancelled: every seat of the service for the whole route. Seats per class come from
 * ServiceClassSeats, written when the service's seats were (one row per service and class, where
 * counting ServiceSeat rows read 3.8M index entries for a year: bench/analytics/REPORT.md). A
 * service without those rows (its seats inserted some other way) is counted from its seats.
 */
export const offeredSql = (r: AnalyticsRange) => Prisma.sql`
    WITH svc AS (
      SELECT s.id, s."trainId" FROM "Service" s
      WHERE s."serviceDate" BETWEEN ${r.from}::date AND ${r.to}::date AND s.status <> 'CANCELLED'
    ),
    route AS (SELECT "trainId", MAX("distanceKm") AS km FROM "TrainStop" GROUP BY "trainId"),
    seats AS (
      SELECT svc.id AS "serviceId", svc."trainId", c."classCode", c.seats::bigint AS n
      FROM svc JOIN "ServiceClassSeats" c ON c."serviceId" = svc.id
      UNION ALL
      SELECT svc.id, svc."trainId", counted."classCode", counted.n
      FROM svc
      CROSS JOIN LATERAL (
        SELECT ss."classCode", COUNT(*) AS n FROM "ServiceSeat" ss WHERE ss."serviceId" = svc.id GROUP BY ss."classCode"
      ) counted
      WHERE NOT EXISTS (SELECT 1 FROM "ServiceClassSeats" c WHERE c."serviceId" = svc.id)
    )
    SELECT t.number AS "trainNumber", t.name AS "trainName", seats."classCode", tc.name AS "className",
           COUNT(*)::int AS services, (SUM(seats.n) * MAX(route.km))::bigint AS "seatKm"
    FROM seats
    JOIN route ON route."trainId" = seats."trainId"
    JOIN "Train" t ON t.id = seats."trainId"
    JOIN "TravelClass" tc ON tc.code = seats."classCode"
    GROUP BY t.number, t.name, seats."classCode", tc.name, tc."sortOrder"
    ORDER BY t.number, tc."sortOrder", seats."classCode"`;

/**
 * Seat-km sold on the same services: every confirmed passenger of a confirmed booking holds a paid
 * seat for the distance of the journey. A statement of its own: joined with the one above, the
 * planner chose nested loops that took seconds for a year.
 */
export const soldSql = (r: AnalyticsRange) => Prisma.sql`
    SELECT t.number AS "trainNumber", b."classCode", SUM(dest."distanceKm" - orig."distanceKm")::bigint AS "seatKm"
    FROM "Service" s
    JOIN "Train" t ON t.id = s."trainId"
    JOIN "Booking" b ON b."serviceId" = s.id AND b.status = 'CONFIRMED'
    JOIN "BookingPassenger" bp ON bp."bookingId" = b.id AND bp.status = 'CONFIRMED'
    JOIN "TrainStop" orig ON orig."trainId" = s."trainId" AND orig.sequence = b."fromSeq"
    JOIN "TrainStop" dest ON dest."trainId" = s."trainId" AND dest.sequence = b."toSeq"
    WHERE s."serviceDate" BETWEEN ${r.from}::date AND ${r.to}::date AND s.status <> 'CANCELLED'
    GROUP BY t.number, b."classCode"`;

/** Seat-km sold over seat-km offered, per train and class. */
export async function occupancyByTrainAndClass(client: Client, r: AnalyticsRange): Promise<OccupancyRow[]> {
  const offered = await client.$queryRaw<{ trainNumber: string; trainName: string; classCode: string; className: string; services: number; seatKm: bigint }[]>(offeredSql(r));
  const sold = await client.$queryRaw<{ trainNumber: string; classCode: string; seatKm: bigint }[]>(soldSql(r));
  const soldBy = new Map(sold.map((row) => [`${row.trainNumber}|${row.classCode}`, Number(row.seatKm)]));
  return offered.map((row) => {
    const seatKmOffered = Number(row.seatKm);
    const seatKmSold = soldBy.get(`${row.trainNumber}|${row.classCode}`) ?? 0;
    return { trainNumber: row.trainNumber, trainName: row.trainName, classCode: row.classCode, className: row.className, services: row.services, seatKmOffered, seatKmSold, occupancy: seatKmOffered > 0 ? seatKmSold / seatKmOffered : null };
  });
}

/**
 * The station pairs most travelled: confirmed passengers of confirmed bookings on services running
 * in the range. (Counting bookings as well, with COUNT(DISTINCT), doubled the time for a year.)
 */
export const segmentsSql = (r: AnalyticsRange, limit = 10) => Prisma.sql`
    WITH pairs AS (
      SELECT b."fromStationId", b."toStationId", COUNT(*) AS passengers
      FROM "Service" s
      JOIN "Booking" b ON b."serviceId" = s.id AND b.status = 'CONFIRMED'
      JOIN "BookingPassenger" bp ON bp."bookingId" = b.id AND bp.status = 'CONFIRMED'
      WHERE s."serviceDate" BETWEEN ${r.from}::date AND ${r.to}::date AND s.status <> 'CANCELLED'
      GROUP BY b."fromStationId", b."toStationId"
      ORDER BY passengers DESC, b."fromStationId", b."toStationId"
      LIMIT ${limit}
    )
    SELECT fs.code AS "fromCode", fs.name AS "fromName", ts.code AS "toCode", ts.name AS "toName", pairs.passengers::int AS passengers
    FROM pairs JOIN "Station" fs ON fs.id = pairs."fromStationId" JOIN "Station" ts ON ts.id = pairs."toStationId"
    ORDER BY pairs.passengers DESC, fs.code, ts.code`;

export async function busiestSegments(client: Client, r: AnalyticsRange, limit = 10): Promise<SegmentRow[]> {
  const rows = await client.$queryRaw<{ fromCode: string; fromName: string; toCode: string; toName: string; passengers: number }[]>(segmentsSql(r, limit));
  return rows.map((row) => ({ from: { code: row.fromCode, name: row.fromName }, to: { code: row.toCode, name: row.toName }, passengers: row.passengers }));
}

/** People waiting for seats on services in the range (WaitlistEntry WAITING). */
export const waitlistSql = (r: AnalyticsRange) => Prisma.sql`
    SELECT COUNT(*)::int AS entries, COALESCE(SUM(w."partySize"), 0)::int AS passengers
    FROM "WaitlistEntry" w JOIN "Service" s ON s.id = w."serviceId"
    WHERE w.status = 'WAITING' AND s."serviceDate" BETWEEN ${r.from}::date AND ${r.to}::date`;

export async function waitlistLength(client: Client, r: AnalyticsRange): Promise<{ entries: number; passengers: number }> {
  const [row] = await client.$queryRaw<{ entries: number; passengers: number }[]>(waitlistSql(r));
  return row ?? { entries: 0, passengers: 0 };
}

/**
 * Per travel date (the service's own date): bookings paid for trains running that day, the money
 * taken for them (whenever it was paid), how many of them were cancelled and the money refunded
 * for them. The same four figures as dailySql, counted on the day the train runs.
 */
export const travelDailySql = (r: AnalyticsRange) => Prisma.sql`
    WITH days AS (SELECT d::date AS day FROM generate_series(${r.from}::date, ${r.to}::date, INTERVAL '1 day') AS d),
    svc AS (SELECT s.id, s."serviceDate" AS day FROM "Service" s WHERE s."serviceDate" BETWEEN ${r.from}::date AND ${r.to}::date),
    booked AS (
      SELECT svc.day, COUNT(*) AS n, COUNT(*) FILTER (WHERE b."cancelledAt" IS NOT NULL) AS cancelled
      FROM svc JOIN "Booking" b ON b."serviceId" = svc.id WHERE b."confirmedAt" IS NOT NULL GROUP BY 1
    ),
    paid AS (
      SELECT svc.day, SUM(p."amountMinor") AS amount
      FROM svc JOIN "Booking" b ON b."serviceId" = svc.id JOIN "Payment" p ON p."bookingId" = b.id
      WHERE p.status = 'SUCCEEDED' AND p.currency = ${r.currency} GROUP BY 1
    ),
    refunded AS (
      SELECT svc.day, SUM(f."amountMinor") AS amount
      FROM svc JOIN "Booking" b ON b."serviceId" = svc.id JOIN "Refund" f ON f."bookingId" = b.id
      WHERE f.currency = ${r.currency} GROUP BY 1
    )
    SELECT to_char(days.day, 'YYYY-MM-DD') AS date,
           COALESCE(booked.n, 0)::int AS bookings, COALESCE(paid.amount, 0)::bigint AS revenue,
           COALESCE(booked.cancelled, 0)::int AS cancellations, COALESCE(refunded.amount, 0)::bigint AS refunds
    FROM days
    LEFT JOIN booked ON booked.day = days.day
    LEFT JOIN paid ON paid.day = days.day
    LEFT JOIN refunded ON refunded.day = days.day
    ORDER BY days.day`;

export async function travelDailyFigures(client: Client, r: AnalyticsRange): Promise<DailyRow[]> {
  const rows = await client.$queryRaw<{ date: string; bookings: number; revenue: bigint; cancellations: number; refunds: bigint }[]>(travelDailySql(r));
  return rows.map((row) => ({ date: row.date, bookings: row.bookings, revenueMinor: Number(row.revenue), cancellations: row.cancellations, refundsMinor: Number(row.refunds) }));
}

/** Station pairs most sold: confirmed passengers of bookings paid in the range, whenever they travel. */
export const soldSegmentsSql = (r: AnalyticsRange, limit = 10) => Prisma.sql`
    WITH bounds AS (
      SELECT (${r.from}::date)::timestamp AT TIME ZONE ${r.timeZone} AS lo,
             (${r.to}::date + 1)::timestamp AT TIME ZONE ${r.timeZone} AS hi
    ),
    pairs AS (
      SELECT b."fromStationId", b."toStationId", COUNT(*) AS passengers
      FROM "Booking" b JOIN "BookingPassenger" bp ON bp."bookingId" = b.id AND bp.status = 'CONFIRMED', bounds
      WHERE b.status = 'CONFIRMED' AND b."confirmedAt" >= bounds.lo AND b."confirmedAt" < bounds.hi
      GROUP BY b."fromStationId", b."toStationId"
      ORDER BY passengers DESC, b."fromStationId", b."toStationId"
      LIMIT ${limit}
    )
    SELECT fs.code AS "fromCode", fs.name AS "fromName", ts.code AS "toCode", ts.name AS "toName", pairs.passengers::int AS passengers
    FROM pairs JOIN "Station" fs ON fs.id = pairs."fromStationId" JOIN "Station" ts ON ts.id = pairs."toStationId"
    ORDER BY pairs.passengers DESC, fs.code, ts.code`;

export async function soldSegments(client: Client, r: AnalyticsRange, limit = 10): Promise<SegmentRow[]> {
  const rows = await client.$queryRaw<{ fromCode: string; fromName: string; toCode: string; toName: string; passengers: number }[]>(soldSegmentsSql(r, limit));
  return rows.map((row) => ({ from: { code: row.fromCode, name: row.fromName }, to: { code: row.toCode, name: row.toName }, passengers: row.passengers }));
}

/** One service's load: its seats, how far it runs, and what confirmed passengers have bought on it. */
export interface ServiceLoadRow {
  serviceId: string;
  date: string;
  trainNumber: string;
  trainName: string;
  departsAt: Date;
  seats: number;
  routeKm: number;
  passengers: number;
  seatKmSold: number;
}

/**
 * Per service running in the range (cancelled ones left out): seats offered, route length, and the
 * confirmed passengers of confirmed bookings with the kilometres they bought: the same definitions
 * as occupancyByTrainAndClass, per service instead of per train and class (docs/decisions/013).
 */
export const serviceLoadSql = (r: AnalyticsRange) => Prisma.sql`
    WITH svc AS (
      SELECT s.id, s."trainId", s."serviceDate", s."departsAt" FROM "Service" s
      WHERE s."serviceDate" BETWEEN ${r.from}::date AND ${r.to}::date AND s.status <> 'CANCELLED'
    ),
    route AS (
      SELECT ts."trainId", MAX(ts."distanceKm") AS km FROM "TrainStop" ts
      WHERE ts."trainId" IN (SELECT "trainId" FROM svc) GROUP BY ts."trainId"
    ),
    sold AS (
      SELECT b."serviceId", COUNT(*) AS passengers, SUM(dest."distanceKm" - orig."distanceKm") AS km
      FROM svc
      JOIN "Booking" b ON b."serviceId" = svc.id AND b.status = 'CONFIRMED'
      JOIN "BookingPassenger" bp ON bp."bookingId" = b.id AND bp.status = 'CONFIRMED'
      JOIN "TrainStop" orig ON orig."trainId" = svc."trainId" AND orig.sequence = b."fromSeq"
      JOIN "TrainStop" dest ON dest."trainId" = svc."trainId" AND dest.sequence = b."toSeq"
      GROUP BY b."serviceId"
    )
    SELECT svc.id AS "serviceId", to_char(svc."serviceDate", 'YYYY-MM-DD') AS date, t.number AS "trainNumber", t.name AS "trainName",
           svc."departsAt", (SELECT COUNT(*) FROM "ServiceSeat" ss WHERE ss."serviceId" = svc.id)::int AS seats,
           COALESCE(route.km, 0)::int AS "routeKm", COALESCE(sold.passengers, 0)::int AS passengers, COALESCE(sold.km, 0)::bigint AS "seatKmSold"
    FROM svc
    JOIN "Train" t ON t.id = svc."trainId"
    LEFT JOIN route ON route."trainId" = svc."trainId"
    LEFT JOIN sold ON sold."serviceId" = svc.id
    ORDER BY svc."serviceDate", svc."departsAt", t.number`;

export async function serviceLoads(client: Client, r: AnalyticsRange): Promise<ServiceLoadRow[]> {
  const rows = await client.$queryRaw<(Omit<ServiceLoadRow, "seatKmSold"> & { seatKmSold: bigint })[]>(serviceLoadSql(r));
  return rows.map((row) => ({ ...row, seatKmSold: Number(row.seatKmSold) }));
}

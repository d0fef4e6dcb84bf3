// Services for the operator: generating them for a train, and listing them by date and train with
// their load, aggregated in SQL.
//
// Load factor: the share of the train's seats occupied on its busiest segment (the stretch between
// two consecutive stops with the most occupied seats): "could one more passenger have travelled
// the whole way?" Alongside it, seat-km: occupied seat-kilometres over seats x route length, which
// credits short journeys for the part of the route they use. Occupied means a live allocation:
// paid, or a hold with time left (the rule lib/search/free-seats.ts sells by).
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError, isAppError, validationError } from "@/lib/errors";
import { generateServices, type GenerateServicesResult } from "@/lib/services/generate-services";
import type { GenerateServicesFormInput } from "@/lib/schemas/admin-network";
import { addDaysIso } from "@/lib/services/service-calendar";
import { todayInZone } from "@/lib/time/zoned";
import { liveAllocation } from "@/lib/inventory/live";

export const SERVICES_PAGE_SIZE = 25;

export interface ServiceLoadRow {
  id: string;
  serviceDate: string;
  departsAt: Date;
  status: "SCHEDULED" | "DELAYED" | "CANCELLED";
  delayMinutes: number;
  trainId: string;
  trainNumber: string;
  trainName: string;
  originName: string | null;
  originZone: string | null;
  destinationName: string | null;
  seats: number;
  /** Seats occupied on the busiest segment. */
  peakOccupied: number;
  /** peakOccupied / seats, in basis points (10000 = full). */
  loadFactorBp: number;
  /** Occupied seat-km / (seats x route km), in basis points. */
  seatKmBp: number;
}

export interface ServiceLoadFilter {
  /** First service date, YYYY-MM-DD. */
  from: string;
  days: number;
  trainId?: string;
  page: number;
}

/** Live allocations, as lib/search/free-seats.ts counts them. */
const LIVE = liveAllocation("a");

function filterSql(filter: ServiceLoadFilter): Prisma.Sql {
  const to = addDaysIso(filter.from, filter.days);
  const train = filter.trainId ? Prisma.sql`AND s."trainId" = ${filter.trainId}` : Prisma.empty;
  return Prisma.sql`s."serviceDate" >= ${filter.from}::date AND s."serviceDate" < ${to}::date ${train}`;
}

export async function listServiceLoads(filter: ServiceLoadFilter): Promise<{ rows: ServiceLoadRow[]; total: number; page: number; pageCount: number }> {
  const [count] = await db().$queryRaw<{ total: number }[]>`SELECT COUNT(*)::int AS total FROM "Service" s WHERE ${filterSql(filter)}`;
  const total = count?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / SERVICES_PAGE_SIZE));
  const page = Math.min(filter.page, pageCount);
  const rows = await db().$queryRaw<ServiceLoadRow[]>`
    WITH page AS (
      SELECT s.id, s."trainId", s."serviceDate", s."departsAt", s.status, s."delayMinutes"
      FROM "Service" s WHERE ${filterSql(filter)}
      ORDER BY s."serviceDate", s."departsAt", s.id
      LIMIT ${SERVICES_PAGE_SIZE} OFFSET ${(page - 1) * SERVICES_PAGE_SIZE}
    ), seats AS (
      SELECT ss."serviceId", COUNT(*)::int AS seats
      FROM "ServiceSeat" ss JOIN page ON page.id = ss."serviceId" GROUP BY ss."serviceId"
    ), legs AS (
      -- one row per segment k: from stop k to stop k + 1
      SELECT page.id AS "serviceId", ts.sequence AS k, nxt."distanceKm" - ts."distanceKm" AS km
      FROM page
      JOIN "TrainStop" ts ON ts."trainId" = page."trainId"
      JOIN "TrainStop" nxt ON nxt."trainId" = ts."trainId" AND nxt.sequence = ts.sequence + 1
    ), occupancy AS (
      SELECT legs."serviceId", legs.k, legs.km, COUNT(DISTINCT a."serviceSeatId")::int AS occupied
      FROM legs
      LEFT JOIN "SeatAllocation" a ON a."serviceId" = legs."serviceId" AND a."fromSeq" <= legs.k AND a."toSeq" > legs.k AND ${LIVE}
      GROUP BY legs."serviceId", legs.k, legs.km
    ), load AS (
      SELECT "serviceId", MAX(occupied) AS peak, SUM(occupied * km) AS seat_km, SUM(km) AS route_km
      FROM occupancy GROUP BY "serviceId"
    )
    SELECT page.id, to_char(page."serviceDate", 'YYYY-MM-DD') AS "serviceDate", page."departsAt", page.status::text AS status,
      page."delayMinutes", page."trainId", t.number AS "trainNumber", t.name AS "trainName",
      o.name AS "originName", o."timeZone" AS "originZone", d.name AS "destinationName",
      COALESCE(seats.seats, 0) AS seats,
      COALESCE(load.peak, 0)::int AS "peakOccupied",
      COALESCE(10000 * load.peak / NULLIF(seats.seats, 0), 0)::int AS "loadFactorBp",
      COALESCE(10000 * load.seat_km / NULLIF(seats.seats * load.route_km, 0), 0)::int AS "seatKmBp"
    FROM page
    JOIN "Train" t ON t.id = page."trainId"
    LEFT JOIN seats ON seats."serviceId" = page.id
    LEFT JOIN load ON load."serviceId" = page.id
    LEFT JOIN LATERAL (SELECT st.name, st."timeZone" FROM "TrainStop" ts JOIN "Station" st ON st.id = ts."stationId"
      WHERE ts."trainId" = page."trainId" ORDER BY ts.sequence ASC LIMIT 1) o ON true
    LEFT JOIN LATERAL (SELECT st.name FROM "TrainStop" ts JOIN "Station" st ON st.id = ts."stationId"
      WHERE ts."trainId" = page."trainId" ORDER BY ts.sequence DESC LIMIT 1) d ON true
    ORDER BY page."serviceDate", page."departsAt", page.id`;
  return { rows, total, page, pageCount };
}

export async function trainChoices() {
  return db().train.findMany({ select: { id: true, number: true, name: true, active: true }, orderBy: { number: "asc" } });
}

/**
 * Generates services for the admin form. generateServices reports its own field errors as single
 * strings; they are turned into the lists forms show, so nothing it says is lost.
 */
export async function generateForTrain(input: GenerateServicesFormInput): Promise<GenerateServicesResult> {
  await refusePastDates(input);
  try {
    return await generateServices(db(), input);
  } catch (error) {
    if (isAppError(error) && error.code === "VALIDATION_FAILED") {
      const raw = (error.details as { fieldErrors?: Record<string, string | string[]> } | undefined)?.fieldErrors ?? {};
      const fieldErrors = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v : [v]]));
      throw new AppError("VALIDATION_FAILED", error.message, { fieldErrors });
    }
    throw error;
  }
}

/**
 * A service on a date that has passed would be a train that already left, with seats nobody can
 * buy, counted as unsold in analytics. The operator's form may start at today (in the train's
 * origin zone) at the earliest; the seed and tests call generateServices directly.
 */
async function refusePastDates(input: GenerateServicesFormInput): Promise<void> {
  const origin = await db().trainStop.findFirst({
    where: { trainId: input.trainId },
    orderBy: { sequence: "asc" },
    select: { station: { select: { timeZone: true } } },
  });
  if (!origin) return; // no train or no route yet: generateServices says which
  const today = todayInZone(origin.station.timeZone);
  if (input.from < today) {
    throw validationError({ from: [`Services can only be added from today (${today}) on.`] });
  }
}

// One service as the operator sees it: its stops with times, occupancy per class for a chosen
// segment (counted in SQL), and the passenger list (a paged SQL join).
import "server-only";
import { db } from "@/lib/db";
import { takenSql, TX_NOW } from "@/lib/inventory/seats";
import { stopTimes } from "@/lib/services/stop-times";

export interface ServiceStop {
  seq: number;
  code: string;
  name: string;
  timeZone: string;
  arrival: Date | null;
  departure: Date | null;
  distanceKm: number;
}

export interface ServiceHeader {
  id: string;
  serviceDate: string;
  status: "SCHEDULED" | "DELAYED" | "CANCELLED";
  delayMinutes: number;
  train: { id: string; number: string; name: string };
  stops: ServiceStop[];
}

export async function serviceHeader(serviceId: string): Promise<ServiceHeader | null> {
  const service = await db().service.findUnique({
    where: { id: serviceId },
    include: { train: { include: { stops: { orderBy: { sequence: "asc" }, include: { station: true } } } } },
  });
  if (!service) return null;
  return {
    id: service.id,
    serviceDate: service.serviceDate.toISOString().slice(0, 10),
    status: service.status,
    delayMinutes: service.delayMinutes,
    train: { id: service.train.id, number: service.train.number, name: service.train.name },
    stops: service.train.stops.map((stop) => ({
      seq: stop.sequence,
      code: stop.station.code,
      name: stop.station.name,
      timeZone: stop.station.timeZone,
      distanceKm: stop.distanceKm,
      ...stopTimes(service.departsAt, stop),
    })),
  };
}

/** Display names of travel classes and quota pools, for labelling the map and the counts. */
export async function classAndQuotaNames(): Promise<{ classNames: Record<string, string>; quotaNames: Record<string, string> }> {
  const [classes, quotas] = await Promise.all([
    db().travelClass.findMany({ select: { code: true, name: true } }),
    db().quota.findMany({ select: { code: true, name: true } }),
  ]);
  return {
    classNames: Object.fromEntries(classes.map((c) => [c.code, c.name])),
    quotaNames: Object.fromEntries(quotas.map((q) => [q.code, q.name])),
  };
}

export interface ClassOccupancy {
  classCode: string;
  className: string;
  quotaCode: string;
  seats: number;
  occupied: number;
}

/** Seats and occupied seats per class and quota pool for the segment [fromSeq, toSeq). */
export async function occupancyBySegment(serviceId: string, fromSeq: number, toSeq: number): Promise<ClassOccupancy[]> {
  return db().$queryRaw<ClassOccupancy[]>`
    SELECT ss."classCode", tc.name AS "className", ss."quotaCode", COUNT(*)::int AS seats,
           COALESCE(SUM(CASE WHEN ${takenSql("ss", { fromSeq, toSeq }, TX_NOW)} THEN 1 ELSE 0 END), 0)::int AS occupied
    FROM "ServiceSeat" ss JOIN "TravelClass" tc ON tc.code = ss."classCode"
    WHERE ss."serviceId" = ${serviceId}
    GROUP BY ss."classCode", tc.name, tc."sortOrder", ss."quotaCode"
    ORDER BY tc."sortOrder", ss."classCode", (ss."quotaCode" <> 'GENERAL'), ss."quotaCode"`;
}

export const PASSENGERS_PAGE_SIZE = 50;

export interface PassengerRow {
  passengerId: string;
  name: string;
  age: number;
  pnr: string;
  /** The booking's status; CANCELLED for a passenger cancelled out of a booking, EXPIRED for a hold that ran out. */
  status: string;
  classCode: string;
  quotaCode: string;
  fromCode: string;
  fromName: string;
  toCode: string;
  toName: string;
  coach: string | null;
  number: number | null;
  berth: string | null;
}

/**
 * Everyone booked on the service, travelling passengers first, by coach and seat. The seat is the
 * passenger's latest allocation (a cancelled passenger shows the seat they had).
 */
export async function servicePassengers(serviceId: string, page: number): Promise<{ rows: PassengerRow[]; total: number; page: number; pageCount: number }> {
  const [count] = await db().$queryRaw<{ total: number }[]>`
    SELECT COUNT(*)::int AS total FROM "BookingPassenger" bp JOIN "Booking" b ON b.id = bp."bookingId" WHERE b."serviceId" = ${serviceId}`;
  const total = count?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / PASSENGERS_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pageCount);
  const rows = await db().$queryRaw<PassengerRow[]>`
    WITH p AS (
      SELECT bp.id, bp.name, bp.age, bp.position, b.pnr, b."classCode", b."quotaCode", b."fromStationId", b."toStationId",
             CASE WHEN bp.status = 'CANCELLED' THEN 'CANCELLED'
                  WHEN b.status = 'HELD' AND b."holdExpiresAt" <= now() THEN 'EXPIRED'
                  ELSE b.status::text END AS status
      FROM "BookingPassenger" bp JOIN "Booking" b ON b.id = bp."bookingId"
      WHERE b."serviceId" = ${serviceId}
    )
    SELECT p.id AS "passengerId", p.name, p.age, p.pnr, p.status, p."classCode", p."quotaCode",
           fs.code AS "fromCode", fs.name AS "fromName", ts.code AS "toCode", ts.name AS "toName",
           ss."coachLabel" AS coach, ss.number, ss.berth::text AS berth
    FROM p
    JOIN "Station" fs ON fs.id = p."fromStationId"
    JOIN "Station" ts ON ts.id = p."toStationId"
    LEFT JOIN LATERAL (
      SELECT a."serviceSeatId" FROM "SeatAllocation" a WHERE a."bookingPassengerId" = p.id
      ORDER BY (a."releasedAt" IS NULL) DESC, a."createdAt" DESC LIMIT 1
    ) a ON true
    LEFT JOIN "ServiceSeat" ss ON ss.id = a."serviceSeatId"
    ORDER BY (p.status IN ('CANCELLED', 'EXPIRED')), ss."coachPosition" NULLS LAST, ss.number NULLS LAST, p.pnr, p.position
    LIMIT ${PASSENGERS_PAGE_SIZE} OFFSET ${(current - 1) * PASSENGERS_PAGE_SIZE}`;
  return { rows, total, page: current, pageCount };
}

// A service and two of its stops: the segment [fromSeq, toSeq) a booking occupies, its distance
// (for the fare) and its scheduled times (for the departure cut-off and the refund rules).
import "server-only";
import type { Db, Tx } from "@/lib/db";
import { AppError, validationError } from "@/lib/errors";

export interface JourneyStop {
  stationId: string;
  code: string;
  name: string;
  timeZone: string;
  seq: number;
}

export interface Journey {
  serviceId: string;
  status: "SCHEDULED" | "DELAYED" | "CANCELLED";
  delayMinutes: number;
  /** Origin departure and when the chart was prepared: the waiting list closes then (lib/booking/waitlist/queue.ts). */
  serviceDepartsAt: Date;
  chartPreparedAt: Date | null;
  train: { number: string; name: string };
  from: JourneyStop;
  to: JourneyStop;
  distanceKm: number;
  /** Timetable departure from `from` (refund rules count hours to this). */
  departureAt: Date;
  arrivalAt: Date;
}

/** The service's own facts a journey is built from (read by resolveJourney() or a hold batch's context). */
export interface ServiceOfJourney {
  serviceId: string;
  status: Journey["status"];
  delayMinutes: number;
  departsAt: Date;
  chartPreparedAt: Date | null;
  trainNumber: string;
  trainName: string;
}

/** A stop of the service's train, with the station's code. */
export interface StopOfJourney {
  stationId: string;
  code: string;
  name: string;
  timeZone: string;
  seq: number;
  departureOffsetMinutes: number | null;
  arrivalOffsetMinutes: number | null;
  distanceKm: number;
}

/** A row of resolveJourney()'s query: the service, and one of the two stops (null when the train does not call there). */
type JourneyRow = ServiceOfJourney & { [K in keyof StopOfJourney]: StopOfJourney[K] | null };

/** One statement (it runs inside the booking transaction, where every round trip holds the seat locks longer). */
export async function resolveJourney(client: Db | Tx, serviceId: string, fromCode: string, toCode: string): Promise<Journey> {
  const rows = await client.$queryRaw<JourneyRow[]>`
    SELECT s.id AS "serviceId", s.status::text AS status, s."delayMinutes", s."departsAt", s."chartPreparedAt",
           t.number AS "trainNumber", t.name AS "trainName",
           st.id AS "stationId", st.code, st.name, st."timeZone", ts.sequence AS seq,
           ts."departureOffsetMinutes", ts."arrivalOffsetMinutes", ts."distanceKm"
    FROM "Service" s
    JOIN "Train" t ON t.id = s."trainId"
    LEFT JOIN ("TrainStop" ts JOIN "Station" st ON st.id = ts."stationId" AND st.code IN (${fromCode}, ${toCode}))
      ON ts."trainId" = s."trainId"
    WHERE s.id = ${serviceId}`;
  const service = rows[0];
  if (!service) throw new AppError("NOT_FOUND", "We could not find that train service.");
  const stops = rows.filter((r): r is JourneyRow & StopOfJourney => r.code !== null);
  return journeyOf(service, stops, fromCode, toCode);
}

/** The journey between two station codes on a service; refuses (VALIDATION_FAILED) a pair the train does not run between. */
export function journeyOf(service: ServiceOfJourney, stops: StopOfJourney[], fromCode: string, toCode: string): Journey {
  const from = stops.find((r) => r.code === fromCode);
  const to = stops.find((r) => r.code === toCode);
  const fieldErrors: Record<string, string[]> = {};
  if (!from || from.departureOffsetMinutes === null) fieldErrors.from = [`This train does not depart from ${fromCode}.`];
  if (!to || to.arrivalOffsetMinutes === null) fieldErrors.to = [`This train does not arrive at ${toCode}.`];
  else if (from && from.seq >= to.seq) fieldErrors.to = [`This train calls at ${toCode} before ${fromCode}.`];
  if (!from || !to || Object.keys(fieldErrors).length > 0) throw validationError(fieldErrors, "The train does not run between these stations.");

  const at = (offset: number | null) => new Date(service.departsAt.getTime() + (offset ?? 0) * 60_000);
  const stop = (r: StopOfJourney): JourneyStop => ({ stationId: r.stationId, code: r.code, name: r.name, timeZone: r.timeZone, seq: r.seq });
  return {
    serviceId: service.serviceId,
    status: service.status,
    delayMinutes: service.delayMinutes,
    serviceDepartsAt: service.departsAt,
    chartPreparedAt: service.chartPreparedAt,
    train: { number: service.trainNumber, name: service.trainName },
    from: stop(from),
    to: stop(to),
    distanceKm: to.distanceKm - from.distanceKm,
    departureAt: at(from.departureOffsetMinutes),
    arrivalAt: at(to.arrivalOffsetMinutes),
  };
}

/**
 * Refuses a cancelled service or one that has left the boarding station. A delayed train can still
 * be booked until it actually leaves, so the cut-off is the timetable departure plus the delay.
 */
export function assertBookable(journey: Journey, now: Date): void {
  const refusal = notBookable(journey, now);
  if (refusal) throw refusal;
}

/** The refusal assertBookable() throws, as a value (null when the journey can be booked). */
export function notBookable(journey: Journey, now: Date): AppError | null {
  if (journey.status === "CANCELLED") {
    return new AppError("SERVICE_NOT_BOOKABLE", "This train service has been cancelled and cannot be booked.", { reason: "CANCELLED" });
  }
  if (hasLeft(journey, now)) {
    return new AppError("SERVICE_NOT_BOOKABLE", `This train has already left ${journey.from.name}.`, { reason: "DEPARTED" });
  }
  return null;
}

/** Whether the train has left the boarding station: the timetable departure plus the delay has passed. */
export function hasLeft(journey: Pick<Journey, "departureAt" | "delayMinutes">, now: Date): boolean {
  return journey.departureAt.getTime() + journey.delayMinutes * 60_000 <= now.getTime();
}

// Services that call at `from` and later at `to`, departing `from` on a local date and not yet
// gone from it, with seats free for the whole segment per class and the fare. Two set-based
// queries, no N+1.
import "server-only";
import { db } from "@/lib/db";
import { AppError, validationError } from "@/lib/errors";
import type { SearchQuery } from "@/lib/schemas/search";
import { dayBoundsInZone, isoInZone } from "@/lib/time/zoned";
import { currentFareRates, fareFor } from "@/lib/fares/fare";
import { countFreeSeatsPerSegment, type Segment } from "@/lib/search/free-seats";

export interface StationRef {
  code: string;
  name: string;
  timeZone: string;
}

export interface ClassOffer {
  class: string;
  className: string;
  available: number;
  fare: { amount: number; currency: string };
}

export interface ServiceOffer {
  serviceId: string;
  trainNumber: string;
  trainName: string;
  trainType: string;
  date: string;
  status: "SCHEDULED" | "DELAYED" | "CANCELLED";
  delayMinutes: number;
  departure: string;
  arrival: string;
  departureAt: Date;
  arrivalAt: Date;
  durationMinutes: number;
  distanceKm: number;
  fromSeq: number;
  toSeq: number;
  platform: string | null;
  classes: ClassOffer[];
}

export interface SearchResult {
  from: StationRef;
  to: StationRef;
  date: string;
  services: ServiceOffer[];
}

export async function resolveStations(fromCode: string, toCode: string): Promise<{ from: StationRef & { id: string }; to: StationRef & { id: string } }> {
  const rows = await db().station.findMany({
    where: { code: { in: [fromCode, toCode] } },
    select: { id: true, code: true, name: true, timeZone: true },
  });
  const from = rows.find((s) => s.code === fromCode);
  const to = rows.find((s) => s.code === toCode);
  if (!from || !to) {
    const fieldErrors: Record<string, string[]> = {};
    if (!from) fieldErrors.from = [`There is no station with code ${fromCode}.`];
    if (!to) fieldErrors.to = [`There is no station with code ${toCode}.`];
    throw validationError(fieldErrors, "Unknown station.");
  }
  return { from, to };
}

export async function searchServices(query: SearchQuery): Promise<SearchResult> {
  if (query.from === query.to) throw new AppError("VALIDATION_FAILED", "Departure and arrival stations must differ.");
  const { from, to } = await resolveStations(query.from, query.to);
  const { start, end } = dayBoundsInZone(query.date, from.timeZone);

  // Scheduled departure at `from` within the local day. serviceDate (the origin's date) is at most
  // two days earlier for a long overnight run, which lets the query use the serviceDate index.
  const matches = await db().$queryRaw<ServiceMatch[]>`
    SELECT s.id AS "serviceId", t.number AS "trainNumber", t.name AS "trainName", t.type::text AS "trainType",
           s."serviceDate", s.status::text AS status, s."delayMinutes",
           s."departsAt" + fs."departureOffsetMinutes" * INTERVAL '1 minute' AS "departureAt",
           s."departsAt" + ts."arrivalOffsetMinutes" * INTERVAL '1 minute' AS "arrivalAt",
           fs.sequence AS "fromSeq", ts.sequence AS "toSeq",
           ts."distanceKm" - fs."distanceKm" AS "distanceKm",
           COALESCE(sp.platform, fs.platform) AS platform
    FROM "Service" s
    JOIN "Train" t ON t.id = s."trainId"
    JOIN "TrainStop" fs ON fs."trainId" = s."trainId" AND fs."stationId" = ${from.id}
    JOIN "TrainStop" ts ON ts."trainId" = s."trainId" AND ts."stationId" = ${to.id}
    LEFT JOIN "ServicePlatform" sp ON sp."serviceId" = s.id AND sp."stationId" = ${from.id}
    WHERE fs.sequence < ts.sequence
      AND fs."departureOffsetMinutes" IS NOT NULL
      AND ts."arrivalOffsetMinutes" IS NOT NULL
      AND s."serviceDate" BETWEEN (${query.date}::date - 2) AND ${query.date}::date
      AND s."departsAt" + fs."departureOffsetMinutes" * INTERVAL '1 minute' >= ${start}
      AND s."departsAt" + fs."departureOffsetMinutes" * INTERVAL '1 minute' < ${end}
      -- A train that has left the boarding station cannot be booked (assertBookable), so it is not
      -- offered; a delayed one stays on sale until it actually leaves.
      AND s."departsAt" + (fs."departureOffsetMinutes" + s."delayMinutes") * INTERVAL '1 minute' > now()
    ORDER BY "departureAt", t.number`;

  const offers = await classOffersFor(matches);
  const services = matches.map((m, i) => serviceOffer(m, from.timeZone, to.timeZone, offers[i]!));
  return { from: pick(from), to: pick(to), date: query.date, services };
}

/** The fields a service's offer is made of, before times are put on the stations' clocks. */
export type ServiceMatch = Omit<ServiceOffer, "date" | "departure" | "arrival" | "durationMinutes" | "classes"> & { serviceDate: Date };

export function serviceOffer(m: ServiceMatch, fromTimeZone: string, toTimeZone: string, classes: ClassOffer[]): ServiceOffer {
  return {
    serviceId: m.serviceId,
    trainNumber: m.trainNumber,
    trainName: m.trainName,
    trainType: m.trainType,
    status: m.status,
    delayMinutes: m.delayMinutes,
    departureAt: m.departureAt,
    arrivalAt: m.arrivalAt,
    distanceKm: m.distanceKm,
    fromSeq: m.fromSeq,
    toSeq: m.toSeq,
    platform: m.platform,
    date: m.serviceDate.toISOString().slice(0, 10),
    departure: isoInZone(m.departureAt, fromTimeZone),
    arrival: isoInZone(m.arrivalAt, toTimeZone),
    durationMinutes: Math.round((m.arrivalAt.getTime() - m.departureAt.getTime()) / 60_000),
    classes,
  };
}

/**
 * The classes on sale for each segment, in the order given: seats free for the whole segment and
 * the fare for its distance, in the classes' display order. Three reads side by side on the pool,
 * however many segments (a journey search prices every leg of every journey at once).
 */
export async function classOffersFor(segments: (Segment & { distanceKm: number })[]): Promise<ClassOffer[][]> {
  if (segments.length === 0) return [];
  const [free, rates, classes] = await Promise.all([countFreeSeatsPerSegment(segments), currentFareRates(db(), new Date()), db().travelClass.findMany()]);
  const classNames = new Map(classes.map((c) => [c.code, { name: c.name, order: c.sortOrder }]));
  return segments.map((segment, i) =>
    free[i]!
      .map((c): ClassOffer | null => {
        const rate = rates.find((r) => r.classCode === c.classCode);
        if (!rate) return null; // a class with no fare on sale is not offered
        return {
          class: c.classCode,
          className: classNames.get(c.classCode)?.name ?? c.classCode,
          available: c.available,
          fare: { amount: fareFor(rate, segment.distanceKm), currency: rate.currency },
        };
      })
      .filter((c): c is ClassOffer => c !== null)
      .sort((a, b) => (classNames.get(a.class)?.order ?? 0) - (classNames.get(b.class)?.order ?? 0)),
  );
}

export function pick(s: StationRef): StationRef {
  return { code: s.code, name: s.name, timeZone: s.timeZone };
}

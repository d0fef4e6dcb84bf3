// Journeys from one station to another on a local date: direct trains and journeys with changes,
// each leg priced and counted like a search result (GET /api/v1/search `journeys[]`, the results
// page). The timetable is read in one statement (services running around the date, with every
// call), planned in memory (lib/search/connections.ts) and priced in one batch (classOffersFor).
import "server-only";
import { db } from "@/lib/db";
import type { SearchQuery } from "@/lib/schemas/search";
import { dayBoundsInZone, isoInZone } from "@/lib/time/zoned";
import { planJourneys, type PlannedJourney, type TimetableService } from "@/lib/search/connections";
import { classOffersFor, pick, resolveStations, serviceOffer, type ClassOffer, type ServiceOffer, type StationRef } from "@/lib/search/search-services";

export interface JourneyLeg extends ServiceOffer {
  from: StationRef;
  to: StationRef;
}

export interface JourneyConnection {
  station: StationRef;
  minutes: number;
  minimumMinutes: number;
  expectedMinutes: number;
  atRisk: boolean;
}

export interface JourneyOffer {
  /** Stable for the same legs: "serviceId:fromSeq-toSeq" per leg, joined by "+". */
  id: string;
  departure: string;
  arrival: string;
  departureAt: Date;
  arrivalAt: Date;
  durationMinutes: number;
  changes: number;
  /** A delay makes at least one change shorter than the station's minimum. */
  atRisk: boolean;
  legs: JourneyLeg[];
  connections: JourneyConnection[];
  /** Classes on sale on every leg: the fewest seats free on any leg, the legs' fares added up. */
  classes: ClassOffer[];
}

interface CallRow {
  serviceId: string;
  trainNumber: string;
  trainName: string;
  trainType: string;
  serviceDate: Date;
  status: ServiceOffer["status"];
  delayMinutes: number;
  stationId: string;
  seq: number;
  arrivalAt: Date | null;
  departureAt: Date | null;
  distanceKm: number;
  platform: string | null;
}

type Service = TimetableService & Omit<CallRow, "stationId" | "seq" | "arrivalAt" | "departureAt" | "distanceKm" | "platform"> & { platforms: Map<number, string | null> };

/** Direct trains and journeys with changes, sorted by arrival; cancelled trains are never a leg. */
export async function searchJourneys(query: SearchQuery, now = new Date()): Promise<JourneyOffer[]> {
  const { from, to } = await resolveStations(query.from, query.to);
  const { start, end } = dayBoundsInZone(query.date, from.timeZone);

  // Journeys with at most one change only ride trains that call at `from` or `to`: read those
  // first, and the whole network only when they give nothing (two changes).
  let timetable = await readTimetable(query.date, [from.id, to.id]);
  const plan = (maxChanges: 1 | 2) =>
    planJourneys([...timetable.services.values()], {
      fromId: from.id, toId: to.id, departFrom: start, departBefore: end, now, maxChanges,
      minChangeMinutes: (id) => timetable.stations.get(id)?.minChangeMinutes ?? 8,
    });
  let planned = plan(1);
  if (planned.length === 0) {
    timetable = await readTimetable(query.date, null);
    planned = plan(2);
  }
  return priceJourneys(planned, timetable.services, timetable.stations);
}

/**
 * Every call of every service running from two days before `date` (a long overnight run that
 * reaches `from` on the date) to the day after (the second leg of an evening journey), with its
 * station; only trains calling at one of `calling` when given. One statement.
 */
async function readTimetable(date: string, calling: string[] | null) {
  const rows = await db().$queryRaw<(CallRow & { code: string; name: string; timeZone: string; minChangeMinutes: number })[]>`
    SELECT s.id AS "serviceId", t.number AS "trainNumber", t.name AS "trainName", t.type::text AS "trainType",
           s."serviceDate", s.status::text AS status, s."delayMinutes",
           st."stationId", st.sequence AS seq,
           s."departsAt" + st."arrivalOffsetMinutes" * INTERVAL '1 minute' AS "arrivalAt",
           s."departsAt" + st."departureOffsetMinutes" * INTERVAL '1 minute' AS "departureAt",
           st."distanceKm", COALESCE(sp.platform, st.platform) AS platform,
           stn.code, stn.name, stn."timeZone", stn."minChangeMinutes"
    FROM "Service" s
    JOIN "Train" t ON t.id = s."trainId"
    JOIN "TrainStop" st ON st."trainId" = s."trainId"
    JOIN "Station" stn ON stn.id = st."stationId"
    LEFT JOIN "ServicePlatform" sp ON sp."serviceId" = s.id AND sp."stationId" = st."stationId"
    WHERE s."serviceDate" BETWEEN (${date}::date - 2) AND (${date}::date + 1)
      AND s.status <> 'CANCELLED'
      AND (${calling === null} OR EXISTS (
        SELECT 1 FROM "TrainStop" c WHERE c."trainId" = s."trainId" AND c."stationId" = ANY(${calling ?? []}::text[])))
    ORDER BY s.id, st.sequence`;
  const stations = new Map<string, StationRef & { id: string; minChangeMinutes: number }>();
  const services = new Map<string, Service>();
  for (const r of rows) {
    let service = services.get(r.serviceId);
    if (!service) {
      const { serviceId, trainNumber, trainName, trainType, serviceDate, status, delayMinutes } = r;
      service = { serviceId, trainNumber, trainName, trainType, serviceDate, status, delayMinutes, calls: [], platforms: new Map() };
      services.set(r.serviceId, service);
    }
    service.calls.push({ stationId: r.stationId, seq: r.seq, arrivalAt: r.arrivalAt, departureAt: r.departureAt, distanceKm: r.distanceKm });
    service.platforms.set(r.seq, r.platform);
    if (!stations.has(r.stationId)) stations.set(r.stationId, { id: r.stationId, code: r.code, name: r.name, timeZone: r.timeZone, minChangeMinutes: r.minChangeMinutes });
  }

  return { services, stations };
}

async function priceJourneys(
  planned: PlannedJourney[],
  services: Map<string, Service>,
  stations: Map<string, StationRef & { id: string; minChangeMinutes: number }>,
): Promise<JourneyOffer[]> {
  // Each distinct leg priced once, however many journeys share it.
  const legKeys = new Map<string, number>();
  const segments: { serviceId: string; fromSeq: number; toSeq: number; distanceKm: number }[] = [];
  const keyOf = (l: PlannedJourney["legs"][number]) => `${l.service.serviceId}:${l.board.seq}-${l.alight.seq}`;
  for (const j of planned) {
    for (const l of j.legs) {
      const key = keyOf(l);
      if (legKeys.has(key)) continue;
      legKeys.set(key, segments.length);
      segments.push({ serviceId: l.service.serviceId, fromSeq: l.board.seq, toSeq: l.alight.seq, distanceKm: l.alight.distanceKm - l.board.distanceKm });
    }
  }
  const offers = await classOffersFor(segments);
  const station = (id: string) => pick(stations.get(id)!);

  return planned.map((j): JourneyOffer => {
    const legs = j.legs.map((l): JourneyLeg => {
      const s = services.get(l.service.serviceId)!;
      const from = station(l.board.stationId);
      const to = station(l.alight.stationId);
      const offer = serviceOffer(
        {
          serviceId: s.serviceId, trainNumber: s.trainNumber, trainName: s.trainName, trainType: s.trainType, serviceDate: s.serviceDate,
          status: s.status, delayMinutes: s.delayMinutes, departureAt: l.board.departureAt!, arrivalAt: l.alight.arrivalAt!,
          fromSeq: l.board.seq, toSeq: l.alight.seq, distanceKm: l.alight.distanceKm - l.board.distanceKm, platform: s.platforms.get(l.board.seq) ?? null,
        },
        from.timeZone,
        to.timeZone,
        offers[legKeys.get(keyOf(l))!]!,
      );
      return { ...offer, from, to };
    });
    const first = legs[0]!;
    const last = legs.at(-1)!;
    return {
      id: j.legs.map(keyOf).join("+"),
      departure: isoInZone(j.departureAt, first.from.timeZone),
      arrival: isoInZone(j.arrivalAt, last.to.timeZone),
      departureAt: j.departureAt,
      arrivalAt: j.arrivalAt,
      durationMinutes: Math.round((j.arrivalAt.getTime() - j.departureAt.getTime()) / 60_000),
      changes: legs.length - 1,
      atRisk: j.connections.some((c) => c.atRisk),
      legs,
      connections: j.connections.map((c) => ({ station: station(c.stationId), minutes: c.minutes, minimumMinutes: c.minimumMinutes, expectedMinutes: c.expectedMinutes, atRisk: c.atRisk })),
      classes: commonClasses(legs),
    };
  });
}

/** The classes every leg sells, in the first leg's order: fewest seats free, fares added up. */
function commonClasses(legs: JourneyLeg[]): ClassOffer[] {
  return legs[0]!.classes.flatMap((first): ClassOffer[] => {
    const same = legs.map((l) => l.classes.find((c) => c.class === first.class));
    if (same.some((c) => !c || c.fare.currency !== first.fare.currency)) return [];
    return [{
      class: first.class,
      className: first.className,
      available: Math.min(...same.map((c) => c!.available)),
      fare: { amount: same.reduce((sum, c) => sum + c!.fare.amount, 0), currency: first.fare.currency },
    }];
  });
}

// Reading trains for the operator: the list (route ends, counts) and one train as its edit form
// shows it, with stop times turned back into each station's clock (train-timetable.ts).
import "server-only";
import { db } from "@/lib/db";
import { todayInZone } from "@/lib/time/zoned";
import { clockTimesFromOffsets } from "./train-timetable";
import { bookedFutureServices, type BookedService } from "./train-bookings";

export interface TrainListRow {
  id: string;
  number: string;
  name: string;
  type: string;
  active: boolean;
  origin: string | null;
  destination: string | null;
  stops: number;
  coaches: number;
  seats: number;
  upcomingServices: number;
}

/** Every train with its route ends and sizes, counted in one statement. */
export async function listTrains(now = new Date()): Promise<TrainListRow[]> {
  return db().$queryRaw<TrainListRow[]>`
    SELECT t.id, t.number, t.name, t.type::text AS type, t.active,
      (SELECT st.name FROM "TrainStop" ts JOIN "Station" st ON st.id = ts."stationId"
        WHERE ts."trainId" = t.id ORDER BY ts.sequence ASC LIMIT 1) AS origin,
      (SELECT st.name FROM "TrainStop" ts JOIN "Station" st ON st.id = ts."stationId"
        WHERE ts."trainId" = t.id ORDER BY ts.sequence DESC LIMIT 1) AS destination,
      (SELECT COUNT(*)::int FROM "TrainStop" ts WHERE ts."trainId" = t.id) AS stops,
      (SELECT COUNT(*)::int FROM "TrainCoach" tc WHERE tc."trainId" = t.id) AS coaches,
      (SELECT COUNT(*)::int FROM "TrainCoach" tc JOIN "CoachTypeSeat" cts ON cts."coachTypeId" = tc."coachTypeId"
        WHERE tc."trainId" = t.id) AS seats,
      (SELECT COUNT(*)::int FROM "Service" s WHERE s."trainId" = t.id AND s."departsAt" >= ${now}) AS "upcomingServices"
    FROM "Train" t
    ORDER BY t.number`;
}

export interface TrainFormOptions {
  stations: { id: string; code: string; name: string; timeZone: string }[];
  coachTypes: { id: string; code: string; name: string; classCode: string; seats: number }[];
}

export async function trainFormOptions(): Promise<TrainFormOptions> {
  const [stations, coachTypes] = await Promise.all([
    db().station.findMany({ select: { id: true, code: true, name: true, timeZone: true }, orderBy: { name: "asc" } }),
    db().coachType.findMany({
      select: { id: true, code: true, name: true, classCode: true, _count: { select: { seats: true } } },
      orderBy: [{ classCode: "asc" }, { code: "asc" }],
    }),
  ]);
  return {
    stations: stations.sort((a, b) => a.name.localeCompare(b.name, "pl")),
    coachTypes: coachTypes.map(({ _count, ...c }) => ({ ...c, seats: _count.seats })),
  };
}

/** The flat field values the train form starts from ("stops.0.stationId", ...), as strings. */
export type TrainFormValues = Record<string, string>;

export interface TrainForEdit {
  id: string;
  number: string;
  values: TrainFormValues;
  stopCount: number;
  coachCount: number;
  /** Coming services with passengers: while any exist, route and coaches are locked. */
  bookedServices: BookedService[];
  /** Coming services (with or without passengers): they keep their coaches if the composition changes. */
  upcomingServices: number;
  /** The date of the first coming service: "already generated from <date>" in the editor. */
  firstUpcomingDate: string | null;
}

export async function trainForEdit(trainId: string, now = new Date()): Promise<TrainForEdit | null> {
  const train = await db().train.findUnique({
    where: { id: trainId },
    include: {
      stops: { orderBy: { sequence: "asc" }, include: { station: { select: { timeZone: true } } } },
      coaches: { orderBy: { position: "asc" } },
    },
  });
  if (!train) return null;
  const zones = train.stops.map((s) => s.station.timeZone);
  const clocks = clockTimesFromOffsets(
    { originDepartureMinutes: train.originDepartureMinutes, stops: train.stops },
    zones,
    todayInZone(zones[0] ?? "UTC", now),
  );
  const values: TrainFormValues = { number: train.number, name: train.name, type: train.type, active: train.active ? "on" : "" };
  train.stops.forEach((stop, i) => {
    const clock = clocks[i]!;
    Object.assign(values, {
      [`stops.${i}.stationId`]: stop.stationId,
      [`stops.${i}.arrivalTime`]: clock.arrivalTime,
      [`stops.${i}.arrivalDay`]: String(clock.arrivalDay),
      [`stops.${i}.departureTime`]: clock.departureTime,
      [`stops.${i}.departureDay`]: String(clock.departureDay),
      [`stops.${i}.distanceKm`]: String(stop.distanceKm),
      [`stops.${i}.platform`]: stop.platform ?? "",
    });
  });
  train.coaches.forEach((coach, i) => {
    values[`coaches.${i}.coachTypeId`] = coach.coachTypeId;
    values[`coaches.${i}.label`] = coach.label;
  });
  const [bookedServices, upcomingServices, first] = await Promise.all([
    bookedFutureServices(db(), trainId, now),
    db().service.count({ where: { trainId, departsAt: { gte: now } } }),
    db().service.findFirst({ where: { trainId, departsAt: { gte: now } }, orderBy: { departsAt: "asc" }, select: { serviceDate: true } }),
  ]);
  const firstUpcomingDate = first ? first.serviceDate.toISOString().slice(0, 10) : null;
  return { id: train.id, number: train.number, values, stopCount: train.stops.length, coachCount: train.coaches.length, bookedServices, upcomingServices, firstUpcomingDate };
}

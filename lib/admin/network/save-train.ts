// Creating and editing a train: details, route and composition in one SERIALIZABLE transaction.
// A change of route or coaches is refused while coming services carry passengers (train-bookings.ts),
// and the check and the write share the transaction, so a booking made meanwhile makes one of the
// two retry rather than slip between them. Details (name, type, active) and platforms are free to
// change at any time. What changes reaches services as docs/decisions/009 describes: the route is
// shared by every service of the train (unbooked coming services are re-timed to a new departure
// time); the composition is copied into seats when services are generated, so it applies to
// services generated afterwards. New stop times with the same stations and distances are the
// operator's choice (docs/decisions/037): "apply" reaches the services already generated, booked
// ones included, and tells their passengers; "keep" leaves them on their times, which is possible
// only for a new departure time alone (services read the stops' offsets from the train).
import "server-only";
import { db, type Tx } from "@/lib/db";
import { serializable } from "@/lib/db/serializable";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError, validationError, type FieldErrors } from "@/lib/errors";
import type { TrainFormInput } from "@/lib/schemas/admin-train";
import type { TrainType } from "@/lib/generated/prisma/enums";
import { todayInZone } from "@/lib/time/zoned";
import { offsetsFromClockTimes } from "./train-timetable";
import { assertNoBookedFutureServices, bookedFutureServices } from "./train-bookings";
import { retimeGeneratedServices } from "./retime-services";
import type { Actor } from "@/lib/auth/actor";
import type { ExistingServicesChoice } from "@/lib/schemas/admin-train";
import { longDateLabel } from "@/lib/time/zoned";

export interface SaveTrainResult {
  trainId: string;
  created: boolean;
  routeChanged: boolean;
  compositionChanged: boolean;
  /** Coming services moved to the new origin departure time. */
  retimedServices: number;
  /** Stop times changed (stations and distances did not). */
  timesChanged: boolean;
  /** What the new times did to services already generated; null when no time changed or none exist. */
  existingServices: { choice: ExistingServicesChoice; services: number; from: string; notifiedBookings: number } | null;
}

export interface SaveTrainOptions {
  trainId?: string;
  now?: Date;
  /**
   * The editor's answer to "do the new times reach services already generated?". Absent, a time
   * change behaves as before this choice existed: it reaches unbooked coming services and is
   * refused while any is booked.
   */
  existingServices?: ExistingServicesChoice;
  /** Refuse a time change without an answer (the editor always asks when services exist). */
  requireChoice?: boolean;
  /** Who made the change: the actor of the passengers' events. */
  actor?: Actor;
}

interface StopRow {
  stationId: string;
  sequence: number;
  arrivalOffsetMinutes: number | null;
  departureOffsetMinutes: number | null;
  distanceKm: number;
  platform: string | null;
}

const stationsKey = (stops: StopRow[]) => JSON.stringify(stops.map((s) => [s.stationId, s.sequence, s.distanceKm]));
const offsetsKey = (stops: StopRow[]) => JSON.stringify(stops.map((s) => [s.arrivalOffsetMinutes, s.departureOffsetMinutes]));
const coachKey = (coaches: { coachTypeId: string; label: string; position: number }[]) =>
  JSON.stringify(coaches.map((c) => [c.coachTypeId, c.label, c.position]));

/** Station zones in route order; unknown ids and coach types become field errors. */
async function resolveReferences(input: TrainFormInput): Promise<string[]> {
  const [stations, coachTypes] = await Promise.all([
    db().station.findMany({ where: { id: { in: input.stops.map((s) => s.stationId) } }, select: { id: true, timeZone: true } }),
    db().coachType.findMany({ where: { id: { in: input.coaches.map((c) => c.coachTypeId) } }, select: { id: true } }),
  ]);
  const zones = new Map(stations.map((s) => [s.id, s.timeZone]));
  const types = new Set(coachTypes.map((c) => c.id));
  const errors: FieldErrors = {};
  input.stops.forEach((s, i) => {
    if (!zones.has(s.stationId)) errors[`stops.${i}.stationId`] = ["That station no longer exists. Choose another."];
  });
  input.coaches.forEach((c, i) => {
    if (!types.has(c.coachTypeId)) errors[`coaches.${i}.coachTypeId`] = ["That coach type no longer exists. Choose another."];
  });
  if (Object.keys(errors).length > 0) throw validationError(errors);
  return input.stops.map((s) => zones.get(s.stationId)!);
}

export async function saveTrain(input: TrainFormInput, options: SaveTrainOptions = {}): Promise<SaveTrainResult> {
  const now = options.now ?? new Date();
  const zones = await resolveReferences(input);
  const timetable = offsetsFromClockTimes(input.stops, zones, todayInZone(zones[0]!, now));
  const stops: StopRow[] = input.stops.map((s, sequence) => ({
    stationId: s.stationId,
    sequence,
    ...timetable.stops[sequence]!,
    distanceKm: s.distanceKm,
    platform: s.platform ?? null,
  }));
  const coaches = input.coaches.map((c, i) => ({ coachTypeId: c.coachTypeId, label: c.label, position: i + 1 }));
  const details = { number: input.number, name: input.name, type: input.type as TrainType, active: input.active };

  try {
    return await serializable(async (tx) => {
      const existing = options.trainId
        ? await tx.train.findUnique({
            where: { id: options.trainId },
            include: { stops: { orderBy: { sequence: "asc" } }, coaches: { orderBy: { position: "asc" } } },
          })
        : null;
      if (options.trainId && !existing) throw new AppError("NOT_FOUND", "That train no longer exists.");

      const stationsChanged = !existing || stationsKey(existing.stops) !== stationsKey(stops);
      const offsetsChanged = !existing || offsetsKey(existing.stops) !== offsetsKey(stops);
      const departureChanged = !existing || existing.originDepartureMinutes !== timetable.originDepartureMinutes;
      const routeChanged = stationsChanged || offsetsChanged || departureChanged;
      const timesOnly = Boolean(existing) && !stationsChanged && (offsetsChanged || departureChanged);
      const compositionChanged = !existing || coachKey(existing.coaches) !== coachKey(coaches);
      const choice = timesOnly ? await checkChoice(tx, existing!.id, { offsetsChanged, now, choice: options.existingServices, required: options.requireChoice }) : null;
      if (existing && (compositionChanged || (routeChanged && !choice))) {
        // Stations and distances: bookings keep stop numbers, so they stay locked while sold. Times
        // alone with an answer from the operator: handled below, with the passengers told.
        const route = stationsChanged || (routeChanged && !choice);
        const what = route && compositionChanged ? "route and coaches" : route ? "route" : "coaches";
        if (route || compositionChanged) await assertNoBookedFutureServices(tx, existing.id, now, what);
      }

      const train = existing
        ? await tx.train.update({ where: { id: existing.id }, data: { ...details, originDepartureMinutes: timetable.originDepartureMinutes } })
        : await tx.train.create({ data: { ...details, originDepartureMinutes: timetable.originDepartureMinutes } });

      if (stationsChanged) {
        await tx.trainStop.deleteMany({ where: { trainId: train.id } });
        await tx.trainStop.createMany({ data: stops.map((s) => ({ ...s, trainId: train.id })) });
      } else {
        await updateStopsInPlace(tx, train.id, existing!.stops, stops);
      }
      if (compositionChanged) {
        await tx.trainCoach.deleteMany({ where: { trainId: train.id } });
        await tx.trainCoach.createMany({ data: coaches.map((c) => ({ ...c, trainId: train.id })) });
      }
      let retimedServices = 0;
      let existingServices: SaveTrainResult["existingServices"] = null;
      if (existing && routeChanged && choice?.choice !== "keep") {
        const stations = await tx.station.findMany({ where: { id: { in: stops.map((s) => s.stationId) } }, select: { id: true, name: true, timeZone: true } });
        const byId = new Map(stations.map((st) => [st.id, st]));
        const result = await retimeGeneratedServices(tx, {
          trainId: train.id, trainNumber: train.number, trainName: train.name, originDepartureMinutes: timetable.originDepartureMinutes, originZone: zones[0]!,
          before: existing.stops, after: stops, stations: stops.map((s) => byId.get(s.stationId)!), actor: options.actor ?? "SYSTEM", now,
        });
        retimedServices = result.movedServices;
        if (choice) existingServices = { ...choice, notifiedBookings: result.notifiedBookings };
      } else if (choice) existingServices = { ...choice, notifiedBookings: 0 };
      return {
        trainId: train.id, created: !existing, routeChanged: Boolean(existing) && routeChanged, compositionChanged: Boolean(existing) && compositionChanged,
        retimedServices, timesChanged: timesOnly, existingServices,
      };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw validationError({ number: ["Another train already has this number."] });
    throw error;
  }
}

/** Same stations: times and platforms change row by row, so the stops keep their identity. */
async function updateStopsInPlace(tx: Tx, trainId: string, before: StopRow[], after: StopRow[]): Promise<void> {
  for (const stop of after) {
    const was = before[stop.sequence];
    if (was?.platform === stop.platform && was.arrivalOffsetMinutes === stop.arrivalOffsetMinutes && was.departureOffsetMinutes === stop.departureOffsetMinutes) continue;
    await tx.trainStop.update({
      where: { trainId_sequence: { trainId, sequence: stop.sequence } },
      data: { platform: stop.platform, arrivalOffsetMinutes: stop.arrivalOffsetMinutes, departureOffsetMinutes: stop.departureOffsetMinutes },
    });
  }
}

/**
 * The operator's answer for services already generated, checked against what can be done. With no
 * coming service there is nothing to choose. "keep" needs every stop to move together (only the
 * departure time changed): the services keep their departure instant and read the same offsets.
 * A service under way with passengers keeps its times: changing them mid-journey is a delay.
 */
async function checkChoice(
  tx: Tx,
  trainId: string,
  o: { offsetsChanged: boolean; now: Date; choice?: ExistingServicesChoice; required?: boolean },
): Promise<{ choice: ExistingServicesChoice; services: number; from: string } | null> {
  const coming = await tx.service.findMany({ where: { trainId, status: { not: "CANCELLED" }, departsAt: { gt: o.now } }, orderBy: { departsAt: "asc" }, select: { serviceDate: true } });
  if (coming.length === 0) return null;
  const from = coming[0]!.serviceDate.toISOString().slice(0, 10);
  if (!o.choice) {
    if (o.required) throw validationError({ existingServices: [`Choose whether the new times reach the ${coming.length} services already generated (from ${longDateLabel(from)}) or only services generated from now on.`] });
    return null;
  }
  if (o.choice === "keep" && o.offsetsChanged) {
    throw validationError({
      existingServices: [
        `Services already generated read their stop times from the train, so times that change between stops reach them too. Only a new departure time, with every stop moving by the same minutes, can leave them as they are. Choose "Apply" to give them the new times (booked passengers are told).`,
      ],
    });
  }
  if (o.choice === "apply") {
    const underWay = (await bookedFutureServices(tx, trainId, o.now)).filter((s) => s.departsAt <= o.now);
    if (underWay.length > 0) {
      throw new AppError("CONFLICT", `The train of ${underWay[0]!.serviceDate} is on its way with passengers: change the times once it has arrived, or announce a delay for it.`);
    }
  }
  return { choice: o.choice, services: coming.length, from };
}

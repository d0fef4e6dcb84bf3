// Creating and editing a train: details, route and composition in one SERIALIZABLE transaction.
// A change of route or coaches is refused while coming services carry passengers (train-bookings.ts),
// and the check and the write share the transaction, so a booking made meanwhile makes one of the
// two retry rather than slip between them. Details (name, type, active) and platforms are free to
// change at any time. What changes reaches services as docs/decisions/009 describes: the route is
// shared by every service of the train (unbooked coming services are re-timed to a new departure
// time); the composition is copied into seats when services are generated, so it applies to
// services generated afterwards.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { serializable } from "@/lib/db/serializable";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError, validationError, type FieldErrors } from "@/lib/errors";
import type { TrainFormInput } from "@/lib/schemas/admin-train";
import type { TrainType } from "@/lib/generated/prisma/enums";
import { departureInstant } from "@/lib/services/service-calendar";
import { todayInZone } from "@/lib/time/zoned";
import { offsetsFromClockTimes } from "./train-timetable";
import { assertNoBookedFutureServices } from "./train-bookings";

export interface SaveTrainResult {
  trainId: string;
  created: boolean;
  routeChanged: boolean;
  compositionChanged: boolean;
  /** Coming services (none booked) moved to the new origin departure time. */
  retimedServices: number;
}

interface StopRow {
  stationId: string;
  sequence: number;
  arrivalOffsetMinutes: number | null;
  departureOffsetMinutes: number | null;
  distanceKm: number;
  platform: string | null;
}

const routeKey = (origin: number, stops: StopRow[]) =>
  JSON.stringify([origin, stops.map((s) => [s.stationId, s.sequence, s.arrivalOffsetMinutes, s.departureOffsetMinutes, s.distanceKm])]);
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

export async function saveTrain(input: TrainFormInput, options: { trainId?: string; now?: Date } = {}): Promise<SaveTrainResult> {
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

      const routeChanged = !existing || routeKey(existing.originDepartureMinutes, existing.stops) !== routeKey(timetable.originDepartureMinutes, stops);
      const compositionChanged = !existing || coachKey(existing.coaches) !== coachKey(coaches);
      if (existing && (routeChanged || compositionChanged)) {
        const what = routeChanged && compositionChanged ? "route and coaches" : routeChanged ? "route" : "coaches";
        await assertNoBookedFutureServices(tx, existing.id, now, what);
      }

      const train = existing
        ? await tx.train.update({ where: { id: existing.id }, data: { ...details, originDepartureMinutes: timetable.originDepartureMinutes } })
        : await tx.train.create({ data: { ...details, originDepartureMinutes: timetable.originDepartureMinutes } });

      if (routeChanged) {
        await tx.trainStop.deleteMany({ where: { trainId: train.id } });
        await tx.trainStop.createMany({ data: stops.map((s) => ({ ...s, trainId: train.id })) });
      } else {
        await updatePlatforms(tx, train.id, existing!.stops, stops);
      }
      if (compositionChanged) {
        await tx.trainCoach.deleteMany({ where: { trainId: train.id } });
        await tx.trainCoach.createMany({ data: coaches.map((c) => ({ ...c, trainId: train.id })) });
      }
      const retimedServices = existing && routeChanged ? await retimeComingServices(tx, train.id, timetable.originDepartureMinutes, zones[0]!, now) : 0;
      return { trainId: train.id, created: !existing, routeChanged: Boolean(existing) && routeChanged, compositionChanged: Boolean(existing) && compositionChanged, retimedServices };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw validationError({ number: ["Another train already has this number."] });
    throw error;
  }
}

/** Platforms are information for passengers, not part of what was sold: they change in place. */
async function updatePlatforms(tx: Tx, trainId: string, before: StopRow[], after: StopRow[]): Promise<void> {
  for (const stop of after) {
    if (before[stop.sequence]?.platform === stop.platform) continue;
    await tx.trainStop.update({ where: { trainId_sequence: { trainId, sequence: stop.sequence } }, data: { platform: stop.platform } });
  }
}

/**
 * Services store their origin departure instant (computed at generation). After a new departure
 * time, coming services (none booked: the guard ran first) move with it, so their stop times and
 * the timetable agree. departureInstant keeps the DST rules in one place.
 */
async function retimeComingServices(tx: Tx, trainId: string, minutes: number, originZone: string, now: Date): Promise<number> {
  const coming = await tx.service.findMany({ where: { trainId, departsAt: { gt: now } }, select: { id: true, serviceDate: true, departsAt: true } });
  const moves = coming
    .map((s) => ({ id: s.id, at: departureInstant(s.serviceDate.toISOString().slice(0, 10), minutes, originZone) }))
    .filter((m, i) => m.at.getTime() !== coming[i]!.departsAt.getTime());
  if (moves.length === 0) return 0;
  return tx.$executeRaw`
    UPDATE "Service" s SET "departsAt" = x.t::timestamptz, "updatedAt" = CURRENT_TIMESTAMP
    FROM unnest(${moves.map((m) => m.id)}::text[], ${moves.map((m) => m.at.toISOString())}::text[]) AS x(id, t)
    WHERE s.id = x.id`;
}

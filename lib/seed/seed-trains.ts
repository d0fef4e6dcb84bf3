// Seeds coach types (with their seat layouts) and trains (with route, composition and quota pools).
// A coach type or train is written whole, in one transaction, only when its code or number is new:
// its inventory (ServiceSeat rows) is copied from these rows, so rewriting an existing train's
// composition under services already sold would break them. Editing is the admin's job.
import type { Db } from "@/lib/db";
import { buildFromTemplate } from "@/lib/network/coach-templates";
import { COACH_TYPES, STATIONS, TRAINS, type SeedCoachType, type SeedTrain } from "@/prisma/seed";

async function ensureCoachType(client: Db, type: SeedCoachType): Promise<boolean> {
  const layout = buildFromTemplate(type.template, type.size);
  return client.$transaction(async (tx) => {
    // skipDuplicates + RETURNING: only the seeder that actually inserted the row adds its seats.
    const [created] = await tx.coachType.createManyAndReturn({
      data: [{ code: type.code, name: type.name, kind: type.kind, classCode: type.classCode, rows: layout.rows, columns: layout.columns }],
      skipDuplicates: true,
      select: { id: true },
    });
    if (!created) return false;
    await tx.coachTypeSeat.createMany({ data: layout.seats.map((seat) => ({ ...seat, coachTypeId: created.id })) });
    return true;
  });
}

async function idsByCode(client: Db): Promise<{ stations: Map<string, string>; coachTypes: Map<string, string> }> {
  const stations = await client.station.findMany({ where: { code: { in: STATIONS.map((s) => s.code) } }, select: { id: true, code: true } });
  const coachTypes = await client.coachType.findMany({ where: { code: { in: COACH_TYPES.map((c) => c.code) } }, select: { id: true, code: true } });
  return {
    stations: new Map(stations.map((s) => [s.code, s.id])),
    coachTypes: new Map(coachTypes.map((c) => [c.code, c.id])),
  };
}

function lookup(map: Map<string, string>, code: string, what: string, train: string): string {
  const id = map.get(code);
  if (!id) throw new Error(`seed data: train ${train} refers to unknown ${what} "${code}"`);
  return id;
}

async function ensureTrain(client: Db, train: SeedTrain, ids: Awaited<ReturnType<typeof idsByCode>>): Promise<boolean> {
  return client.$transaction(async (tx) => {
    const [created] = await tx.train.createManyAndReturn({
      data: [{ number: train.number, name: train.name, type: train.type, originDepartureMinutes: train.originDepartureMinutes }],
      skipDuplicates: true,
      select: { id: true },
    });
    if (!created) return false;
    await tx.trainStop.createMany({
      data: train.stops.map((s, sequence) => ({
        trainId: created.id,
        stationId: lookup(ids.stations, s.station, "station", train.number),
        sequence,
        arrivalOffsetMinutes: s.arrivalOffsetMinutes,
        departureOffsetMinutes: s.departureOffsetMinutes,
        distanceKm: s.distanceKm,
        platform: s.platform,
      })),
    });
    await tx.trainCoach.createMany({
      data: train.coaches.map((c, index) => ({
        trainId: created.id,
        coachTypeId: lookup(ids.coachTypes, c.coachType, "coach type", train.number),
        label: c.label,
        position: index + 1,
      })),
    });
    if (train.quotas.length > 0) {
      await tx.trainQuota.createMany({ data: train.quotas.map((q) => ({ ...q, trainId: created.id })) });
    }
    return true;
  });
}

export interface TrainSeedResult {
  coachTypes: number;
  trains: number;
}

/** Counts are rows created by this run (0 on a re-seed). */
export async function seedTrains(client: Db): Promise<TrainSeedResult> {
  let coachTypes = 0;
  for (const type of COACH_TYPES) if (await ensureCoachType(client, type)) coachTypes++;
  const ids = await idsByCode(client);
  let trains = 0;
  for (const train of TRAINS) if (await ensureTrain(client, train, ids)) trains++;
  return { coachTypes, trains };
}

// A train of the test's own (unique station codes, coach type codes and number), built from the
// same layout templates the seed uses, so generate-services tests share nothing with other files.
import { db } from "@/lib/db";
import type { CoachLayout } from "@/lib/network/coach-layouts";
import { uniqueSuffix } from "../helpers/factories";

export interface FixtureCoach {
  label: string;
  layout: CoachLayout;
  classCode: "FIRST" | "SECOND" | "SLEEPER";
}

export interface FixtureTrain {
  trainId: string;
  coaches: FixtureCoach[];
  seatCount: number;
}

/** Classes and quotas are shared reference rows: create them if this database lacks them. */
export async function ensureReferenceRows(): Promise<void> {
  await db().travelClass.createMany({
    data: [
      { code: "FIRST", name: "First class", sortOrder: 1 },
      { code: "SECOND", name: "Second class", sortOrder: 2 },
      { code: "SLEEPER", name: "Sleeper", sortOrder: 3 },
    ],
    skipDuplicates: true,
  });
  await db().quota.createMany({
    data: [{ code: "GENERAL", name: "General" }, { code: "SENIOR", name: "Senior (60+)" }, { code: "LADIES", name: "Ladies" }],
    skipDuplicates: true,
  });
}

export async function createFixtureTrain(options: {
  timeZone: string;
  originDepartureMinutes: number;
  coaches: FixtureCoach[];
  quotas?: { classCode: string; quotaCode: string; seatCount: number }[];
}): Promise<FixtureTrain> {
  const client = db();
  const s = uniqueSuffix().toUpperCase();
  const from = await client.station.create({ data: { code: `O${s}`, name: `Origin ${s}`, city: "Test", timeZone: options.timeZone } });
  const to = await client.station.create({ data: { code: `T${s}`, name: `Terminus ${s}`, city: "Test", timeZone: options.timeZone } });

  const coachTypeIds: string[] = [];
  for (const [index, coach] of options.coaches.entries()) {
    const isSleeper = coach.layout.seats[0]?.berth !== null;
    const type = await client.coachType.create({
      data: {
        code: `CT-${s}-${index}`,
        name: `Test coach ${index}`,
        kind: isSleeper ? "SLEEPER" : "SEATED",
        classCode: coach.classCode,
        rows: coach.layout.rows,
        columns: coach.layout.columns,
        seats: { createMany: { data: coach.layout.seats } },
      },
    });
    coachTypeIds.push(type.id);
  }

  const train = await client.train.create({
    data: {
      number: `TEST ${s}`,
      name: "Fixture",
      type: "INTERCITY",
      originDepartureMinutes: options.originDepartureMinutes,
      stops: {
        create: [
          { stationId: from.id, sequence: 0, arrivalOffsetMinutes: null, departureOffsetMinutes: 0, distanceKm: 0 },
          { stationId: to.id, sequence: 1, arrivalOffsetMinutes: 120, departureOffsetMinutes: null, distanceKm: 200 },
        ],
      },
      coaches: { create: options.coaches.map((c, i) => ({ label: c.label, position: i + 1, coachTypeId: coachTypeIds[i]! })) },
      quotas: { create: options.quotas ?? [] },
    },
  });
  return { trainId: train.id, coaches: options.coaches, seatCount: options.coaches.reduce((n, c) => n + c.layout.seats.length, 0) };
}

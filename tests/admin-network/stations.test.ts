import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { stationFormSchema } from "@/lib/schemas/admin-network";
import { createStation, deleteStation, searchStations, updateStation } from "@/lib/admin/network/stations";
import { saveTrain } from "@/lib/admin/network/save-train";
import { uniqueSuffix } from "../helpers/factories";
import { ensureReferenceRows, makeCoachType, makeStations, stop, trainInput } from "./fixtures";

beforeAll(ensureReferenceRows);

async function rejection(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!isAppError(error)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe("station form", () => {
  it("upper-cases the code and canonicalises the time zone", () => {
    const parsed = stationFormSchema.parse({ code: " krk2 ", name: "Kraków Płaszów", city: "Kraków", timeZone: "europe/warsaw" });
    expect(parsed).toEqual({ code: "KRK2", name: "Kraków Płaszów", city: "Kraków", timeZone: "Europe/Warsaw", minChangeMinutes: 8 });
  });

  it("takes the minimum change time in whole minutes from 0 to 120, 8 when left empty", () => {
    const base = { code: "KRK2", name: "K", city: "K", timeZone: "Europe/Warsaw" };
    const parse = (minChangeMinutes: string) => stationFormSchema.safeParse({ ...base, minChangeMinutes });
    expect(parse("").data?.minChangeMinutes).toBe(8);
    expect(parse(" 12 ").data?.minChangeMinutes).toBe(12);
    for (const bad of ["121", "-1", "1.5", "soon"]) expect(parse(bad).error?.issues.map((i) => i.path.join(".")), bad).toEqual(["minChangeMinutes"]);
  });

  it("refuses a zone Intl does not know and a code the public API could not use", () => {
    const result = stationFormSchema.safeParse({ code: "K-1", name: "X", city: "Y", timeZone: "Europe/Atlantis" });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["code", "timeZone"]));
  });
});

describe("stations", () => {
  it("finds stations by name, city or code without caring about diacritics", async () => {
    const s = uniqueSuffix().slice(0, 5).toUpperCase();
    const station = await createStation({ code: `Q${s}`, name: `Łódź Żabieniec ${s}`, city: `Zgierz${s}`, timeZone: "Europe/Warsaw", minChangeMinutes: 8 });

    for (const q of [`lodz zabieniec ${s}`, `ŁÓDŹ ŻABIENIEC ${s}`, `zgierz${s.toLowerCase()}`, `q${s.toLowerCase()}`]) {
      const page = await searchStations({ q, page: 1 });
      expect(page.rows.map((r) => r.id), q).toEqual([station.id]);
    }
    expect((await searchStations({ q: `Warszawa ${s}`, page: 1 })).total).toBe(0);
  });

  it("reports a taken code as an error on the code field", async () => {
    const [a, b] = await makeStations(2);
    const error = await rejection(updateStation(b!.id, { code: a!.code, name: b!.name, city: b!.city, timeZone: b!.timeZone, minChangeMinutes: 8 }));
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.details).toEqual({ fieldErrors: { code: ["Another station already has this code."] } });
  });

  it("refuses to delete a station a train calls at, naming the train, and deletes it once unused", async () => {
    const [a, b, c] = await makeStations(3);
    const coachType = await makeCoachType();
    const input = trainInput([stop(a!.id, undefined, "08:00", 0), stop(b!.id, "09:00", "09:02", 100), stop(c!.id, "10:00", undefined, 200)], [coachType]);
    const { trainId } = await saveTrain(input);

    const error = await rejection(deleteStation(b!.id));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toContain(input.number);
    expect(error.details).toEqual({ trains: [{ trainId, number: input.number, name: input.name }] });
    expect(await db().station.findUnique({ where: { id: b!.id } })).not.toBeNull();

    // Take B off the route; now nothing refers to it.
    await saveTrain({ ...input, stops: [input.stops[0]!, { ...input.stops[2]!, distanceKm: 200 }] }, { trainId });
    await deleteStation(b!.id);
    expect(await db().station.findUnique({ where: { id: b!.id } })).toBeNull();
  });
});

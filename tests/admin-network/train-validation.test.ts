import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { trainFormSchema } from "@/lib/schemas/admin-train";
import { fieldErrorsFrom } from "@/lib/validation";
import { clockTimesFromOffsets, offsetsFromClockTimes } from "@/lib/admin/network/train-timetable";
import { saveTrain } from "@/lib/admin/network/save-train";
import { ensureReferenceRows, makeCoachType, makeStations, stop, trainInput } from "./fixtures";

beforeAll(ensureReferenceRows);

/** The flat fields a browser would post for a train. */
function formFields(stops: [string, string, string, string][], coaches: [string, string][] = [["ct", "A1"]]): Record<string, string> {
  const fields: Record<string, string> = { number: "ic 1234", name: "Test", type: "INTERCITY", active: "on" };
  stops.forEach(([stationId, arrival, departure, km], i) => {
    Object.assign(fields, {
      [`stops.${i}.stationId`]: stationId,
      [`stops.${i}.arrivalTime`]: arrival,
      [`stops.${i}.arrivalDay`]: "0",
      [`stops.${i}.departureTime`]: departure,
      [`stops.${i}.departureDay`]: "0",
      [`stops.${i}.distanceKm`]: km,
    });
  });
  coaches.forEach(([coachTypeId, label], i) => Object.assign(fields, { [`coaches.${i}.coachTypeId`]: coachTypeId, [`coaches.${i}.label`]: label }));
  return fields;
}

function errorsOf(fields: Record<string, string>) {
  const result = trainFormSchema.safeParse(fields);
  return result.success ? {} : fieldErrorsFrom(result.error);
}

describe("train form rules", () => {
  it("accepts a sound route and nests the rows", () => {
    const parsed = trainFormSchema.parse(formFields([["a", "", "08:00", "0"], ["b", "09:00", "09:05", "100"], ["c", "10:30", "", "180"]]));
    expect(parsed.number).toBe("IC 1234");
    expect(parsed.stops.map((s) => s.stationId)).toEqual(["a", "b", "c"]);
    expect(parsed.stops[0]).toMatchObject({ arrivalTime: undefined, departureTime: "08:00", distanceKm: 0 });
    expect(parsed.coaches).toEqual([{ coachTypeId: "ct", label: "A1" }]);
  });

  it("the first stop has only a departure and the last only an arrival", () => {
    const errors = errorsOf(formFields([["a", "07:55", "08:00", "0"], ["b", "", "09:05", "100"], ["c", "10:30", "10:35", "180"]]));
    expect(errors["stops.0.arrivalTime"]).toEqual(["The first stop has only a departure."]);
    expect(errors["stops.1.arrivalTime"]).toEqual(["Enter the arrival time."]);
    expect(errors["stops.2.departureTime"]).toEqual(["The last stop has only an arrival."]);
  });

  it("distances start at 0 and increase; no station twice; at least 2 stops; coach labels unique", () => {
    const errors = errorsOf(formFields([["a", "", "08:00", "5"], ["b", "09:00", "09:05", "100"], ["a", "10:00", "10:05", "100"], ["c", "11:00", "", "90"]], [["ct", "A1"], ["ct", "a1"]]));
    expect(errors["stops.0.distanceKm"]).toEqual(["The first stop is at 0 km."]);
    expect(errors["stops.2.distanceKm"]).toEqual(["Must be more than the previous stop's 100 km."]);
    expect(errors["stops.3.distanceKm"]).toEqual(["Must be more than the previous stop's 100 km."]);
    expect(errors["stops.2.stationId"]?.[0]).toMatch(/already stop 1/);
    expect(errors["coaches.1.label"]).toEqual(["Coach 1 already has label A1."]);
    expect(errorsOf(formFields([["a", "", "08:00", "0"]]))["stops"]).toEqual(["A train needs at least 2 stops."]);
  });
});

describe("clock times to offsets", () => {
  it("refuses times that do not increase along the route, pointing at the field", () => {
    const stops = [stop("a", undefined, "08:00", 0), stop("b", "07:50", "07:55", 100), stop("c", "09:00", undefined, 200)];
    const error = (() => {
      try {
        offsetsFromClockTimes(stops, ["Europe/Warsaw", "Europe/Warsaw", "Europe/Warsaw"], "2026-06-01");
      } catch (e) {
        return e;
      }
    })();
    expect(isAppError(error) && error.code).toBe("VALIDATION_FAILED");
    const fieldErrors = (error as { details: { fieldErrors: Record<string, string[]> } }).details.fieldErrors;
    expect(Object.keys(fieldErrors)).toEqual(["stops.1.arrivalTime"]);
    expect(fieldErrors["stops.1.arrivalTime"]![0]).toMatch(/after the previous departure \(08:00 at stop 1\).*next day/);
  });

  it("refuses a departure before the arrival at the same stop", () => {
    const stops = [stop("a", undefined, "08:00", 0), stop("b", "09:00", "08:58", 100), stop("c", "10:00", undefined, 200)];
    expect(() => offsetsFromClockTimes(stops, ["UTC", "UTC", "UTC"], "2026-06-01")).toThrow(/do not run forward/);
  });

  it("runs past midnight when the next day is chosen, and reads foreign clocks in their own zone", () => {
    // A night train Warszawa 22:30 -> Vilnius 07:10 next day (Vilnius is an hour ahead of Warsaw).
    const stops = [stop("w", undefined, "22:30", 0), stop("b", "23:55", "00:05", 180, { departureDay: 1 }), stop("v", "07:10", undefined, 600, { arrivalDay: 1 })];
    const zones = ["Europe/Warsaw", "Europe/Warsaw", "Europe/Vilnius"];
    const timetable = offsetsFromClockTimes(stops, zones, "2026-01-15");
    expect(timetable.originDepartureMinutes).toBe(22 * 60 + 30);
    expect(timetable.stops).toEqual([
      { arrivalOffsetMinutes: null, departureOffsetMinutes: 0 },
      { arrivalOffsetMinutes: 85, departureOffsetMinutes: 95 },
      // 07:10 Vilnius = 06:10 Warsaw next day: 7 h 40 min after 22:30.
      { arrivalOffsetMinutes: 460, departureOffsetMinutes: null },
    ]);
    // ...and the edit form shows the same clock times back.
    expect(clockTimesFromOffsets(timetable, zones, "2026-01-15")).toEqual([
      { arrivalTime: "", arrivalDay: 0, departureTime: "22:30", departureDay: 0 },
      { arrivalTime: "23:55", arrivalDay: 0, departureTime: "00:05", departureDay: 1 },
      { arrivalTime: "07:10", arrivalDay: 1, departureTime: "", departureDay: 0 },
    ]);
  });
});

describe("saveTrain", () => {
  it("stores the route as offsets and the composition in order", async () => {
    const [a, b, c] = await makeStations(3, ["Europe/Warsaw", "Europe/Warsaw", "Europe/Kyiv"]);
    const [ct1, ct2] = [await makeCoachType("SECOND"), await makeCoachType("FIRST")];
    const input = trainInput([stop(a!.id, undefined, "06:15", 0), stop(b!.id, "08:00", "08:10", 150), stop(c!.id, "12:40", undefined, 320)], [ct1, ct2]);
    const { trainId, created } = await saveTrain(input, { now: new Date("2026-03-01T12:00:00Z") });
    expect(created).toBe(true);

    const train = await db().train.findUniqueOrThrow({ where: { id: trainId }, include: { stops: { orderBy: { sequence: "asc" } }, coaches: { orderBy: { position: "asc" } } } });
    expect(train.originDepartureMinutes).toBe(375);
    // Kyiv runs an hour ahead of Warsaw: 12:40 there is 11:40 on the origin's clock.
    expect(train.stops.map((s) => [s.stationId, s.arrivalOffsetMinutes, s.departureOffsetMinutes, s.distanceKm])).toEqual([
      [a!.id, null, 0, 0],
      [b!.id, 105, 115, 150],
      [c!.id, 325, null, 320],
    ]);
    expect(train.coaches.map((c) => [c.coachTypeId, c.label, c.position])).toEqual([[ct1, "C1", 1], [ct2, "C2", 2]]);
  });

  it("reports a train number in use on the number field", async () => {
    const [a, b] = await makeStations(2);
    const ct = await makeCoachType();
    const input = trainInput([stop(a!.id, undefined, "06:15", 0), stop(b!.id, "08:00", undefined, 150)], [ct]);
    await saveTrain(input);
    const error = await saveTrain({ ...input }).catch((e: unknown) => e);
    expect(isAppError(error) && error.details).toEqual({ fieldErrors: { number: ["Another train already has this number."] } });
  });
});

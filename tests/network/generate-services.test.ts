import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { seated2plus1, seated2plus2, sleeperBays } from "@/lib/network/coach-layouts";
import { generateServices } from "@/lib/services/generate-services";
import { isoWeekday } from "@/lib/services/service-calendar";
import { createFixtureTrain, ensureReferenceRows } from "./train-fixture";

beforeAll(ensureReferenceRows);

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

async function servicesOf(trainId: string) {
  return db().service.findMany({ where: { trainId }, orderBy: { serviceDate: "asc" } });
}

describe("generateServices: departure instants", () => {
  it("keeps a 23:30 Warsaw departure at 23:30 local across the last Sunday of October", async () => {
    const { trainId } = await createFixtureTrain({
      timeZone: "Europe/Warsaw", originDepartureMinutes: 23 * 60 + 30,
      coaches: [{ label: "1", layout: seated2plus2({ rows: 2 }), classCode: "SECOND" }],
    });
    expect(await generateServices(db(), { trainId, from: "2026-10-24", to: "2026-10-26" })).toEqual({ created: 3, skipped: 0, seats: 24 });

    const services = await servicesOf(trainId);
    expect(services.map((s) => [isoDay(s.serviceDate), s.departsAt.toISOString()])).toEqual([
      ["2026-10-24", "2026-10-24T21:30:00.000Z"], // CEST, UTC+2
      ["2026-10-25", "2026-10-25T22:30:00.000Z"], // CET from 03:00 that morning
      ["2026-10-26", "2026-10-26T22:30:00.000Z"],
    ]);
    // Seats per class written with the seats, for analytics (docs/decisions/049): 8 per service.
    const counts = await db().serviceClassSeats.findMany({ where: { serviceId: { in: services.map((s) => s.id) } } });
    expect(counts.map((c) => [c.classCode, c.seats])).toEqual([["SECOND", 8], ["SECOND", 8], ["SECOND", 8]]);
  });

  it("uses the origin station's zone (Vilnius) and late departures past midnight", async () => {
    const vilnius = await createFixtureTrain({
      timeZone: "Europe/Vilnius", originDepartureMinutes: 7 * 60,
      coaches: [{ label: "1", layout: seated2plus2({ rows: 1 }), classCode: "SECOND" }],
    });
    await generateServices(db(), { trainId: vilnius.trainId, from: "2027-03-27", to: "2027-03-28" });
    expect((await servicesOf(vilnius.trainId)).map((s) => s.departsAt.toISOString())).toEqual([
      "2027-03-27T05:00:00.000Z", // EET, UTC+2
      "2027-03-28T04:00:00.000Z", // EEST, UTC+3 from that night
    ]);

    const afterMidnight = await createFixtureTrain({
      timeZone: "Europe/Warsaw", originDepartureMinutes: 24 * 60 + 15,
      coaches: [{ label: "1", layout: seated2plus2({ rows: 1 }), classCode: "SECOND" }],
    });
    await generateServices(db(), { trainId: afterMidnight.trainId, from: "2026-12-31", to: "2026-12-31" });
    const [service] = await servicesOf(afterMidnight.trainId);
    expect(isoDay(service!.serviceDate)).toBe("2026-12-31"); // dated by its timetable day
    expect(service!.departsAt.toISOString()).toBe("2026-12-31T23:15:00.000Z"); // 00:15 on 1 January
  });
});

describe("generateServices: inventory", () => {
  it("is idempotent and extends a window without duplicating dates or seats", async () => {
    const train = await createFixtureTrain({
      timeZone: "Europe/Warsaw", originDepartureMinutes: 6 * 60,
      coaches: [
        { label: "1", layout: seated2plus1({ rows: 3 }), classCode: "FIRST" },
        { label: "2", layout: seated2plus2({ rows: 4 }), classCode: "SECOND" },
      ],
    });
    const input = { trainId: train.trainId, from: "2027-02-01", to: "2027-02-10" };
    expect(await generateServices(db(), input)).toEqual({ created: 10, skipped: 0, seats: 10 * 25 });
    expect(await generateServices(db(), input)).toEqual({ created: 0, skipped: 10, seats: 0 });
    expect(await generateServices(db(), { ...input, from: "2027-02-06", to: "2027-02-15" })).toEqual({ created: 5, skipped: 5, seats: 5 * 25 });

    const services = await servicesOf(train.trainId);
    expect(services).toHaveLength(15);
    const perService = await db().serviceSeat.groupBy({ by: ["serviceId"], where: { service: { trainId: train.trainId } }, _count: true });
    expect(perService).toHaveLength(15);
    expect(perService.every((row) => row._count === train.seatCount)).toBe(true);
  });

  it("copies coach label, position, number, berth and class from the composition", async () => {
    const train = await createFixtureTrain({
      timeZone: "Europe/Warsaw", originDepartureMinutes: 21 * 60,
      coaches: [
        { label: "S1", layout: sleeperBays({ bays: 2, berthsPerSide: 3 }), classCode: "SLEEPER" },
        { label: "WL2", layout: sleeperBays({ bays: 2, berthsPerSide: 2 }), classCode: "SLEEPER" },
        { label: "B3", layout: seated2plus2({ rows: 2 }), classCode: "SECOND" },
      ],
    });
    await generateServices(db(), { trainId: train.trainId, from: "2027-01-05", to: "2027-01-05" });
    const seats = await db().serviceSeat.findMany({
      where: { service: { trainId: train.trainId } },
      orderBy: [{ coachPosition: "asc" }, { number: "asc" }],
      include: { coachTypeSeat: true },
    });
    expect(seats).toHaveLength(16 + 8 + 8);
    expect(seats.filter((s) => s.coachLabel === "S1").map((s) => s.berth)).toEqual([
      "LOWER", "MIDDLE", "UPPER", "LOWER", "MIDDLE", "UPPER", "SIDE_LOWER", "SIDE_UPPER",
      "LOWER", "MIDDLE", "UPPER", "LOWER", "MIDDLE", "UPPER", "SIDE_LOWER", "SIDE_UPPER",
    ]);
    expect(new Set(seats.filter((s) => s.coachLabel === "WL2").map((s) => s.coachPosition))).toEqual(new Set([2]));
    expect(seats.filter((s) => s.coachLabel === "B3").every((s) => s.classCode === "SECOND" && s.berth === null)).toBe(true);
    for (const seat of seats) {
      expect(seat.number).toBe(seat.coachTypeSeat.number);
      expect(seat.berth).toBe(seat.coachTypeSeat.berth);
      expect(seat.quotaCode).toBe("GENERAL");
    }
  });

  it("runs only on the requested weekdays", async () => {
    const train = await createFixtureTrain({
      timeZone: "Europe/Warsaw", originDepartureMinutes: 8 * 60,
      coaches: [{ label: "1", layout: seated2plus2({ rows: 1 }), classCode: "SECOND" }],
    });
    const result = await generateServices(db(), { trainId: train.trainId, from: "2026-11-23", to: "2026-12-06", weekdays: [1, 2, 3, 4, 5] });
    expect(result.created).toBe(10);
    const days = (await servicesOf(train.trainId)).map((s) => isoWeekday(isoDay(s.serviceDate)));
    expect(days.every((d) => d <= 5)).toBe(true);
  });
});

describe("generateServices: quota pools", () => {
  it("reserves pool sizes from the back of the train, without overlap, the same seats every day", async () => {
    const train = await createFixtureTrain({
      timeZone: "Europe/Warsaw", originDepartureMinutes: 10 * 60,
      coaches: [
        { label: "1", layout: seated2plus1({ rows: 4 }), classCode: "FIRST" },
        { label: "2", layout: seated2plus2({ rows: 4 }), classCode: "SECOND" },
        { label: "3", layout: seated2plus2({ rows: 4 }), classCode: "SECOND" },
      ],
      quotas: [
        { classCode: "SECOND", quotaCode: "SENIOR", seatCount: 20 }, // more than coach 3 holds
        { classCode: "SECOND", quotaCode: "LADIES", seatCount: 6 },
        { classCode: "SECOND", quotaCode: "GENERAL", seatCount: 3 }, // GENERAL is never a pool
      ],
    });
    await generateServices(db(), { trainId: train.trainId, from: "2027-01-10", to: "2027-01-11" });
    const seats = await db().serviceSeat.findMany({ where: { service: { trainId: train.trainId } } });

    const byService = new Map<string, typeof seats>();
    for (const seat of seats) byService.set(seat.serviceId, [...(byService.get(seat.serviceId) ?? []), seat]);
    const layouts = [...byService.values()].map((list) => {
      const pool = (quota: string) =>
        list.filter((s) => s.quotaCode === quota).map((s) => `${s.coachLabel}/${s.number}`).sort();
      return { ladies: pool("LADIES"), senior: pool("SENIOR"), generalFirst: list.filter((s) => s.classCode === "FIRST" && s.quotaCode === "GENERAL").length };
    });
    expect(layouts).toHaveLength(2);
    const [first, second] = layouts;
    expect(first!.ladies).toHaveLength(6);
    expect(first!.senior).toHaveLength(20);
    expect(first!.generalFirst).toBe(12); // no pool on first class
    // LADIES sorts first, so it takes the last six seats of coach 3; SENIOR the next twenty, spilling into coach 2.
    expect(first!.ladies).toEqual(["3/11", "3/12", "3/13", "3/14", "3/15", "3/16"]);
    expect(first!.senior.filter((s) => s.startsWith("2/"))).toHaveLength(10);
    expect(second).toEqual(first);
  });
});

describe("generateServices: transactions and input", () => {
  it("joins a caller's transaction, so a rollback leaves no services and no seats", async () => {
    const train = await createFixtureTrain({
      timeZone: "Europe/Warsaw", originDepartureMinutes: 9 * 60,
      coaches: [{ label: "1", layout: seated2plus2({ rows: 2 }), classCode: "SECOND" }],
    });
    await expect(
      db().$transaction(async (tx) => {
        const result = await generateServices(tx, { trainId: train.trainId, from: "2027-01-01", to: "2027-01-03" });
        expect(result.created).toBe(3);
        throw new Error("operator cancelled");
      }),
    ).rejects.toThrow("operator cancelled");
    expect(await servicesOf(train.trainId)).toHaveLength(0);
  });

  it("creates each service once when two generators race over the same dates", async () => {
    const train = await createFixtureTrain({
      timeZone: "Europe/Warsaw", originDepartureMinutes: 12 * 60,
      coaches: [{ label: "1", layout: seated2plus2({ rows: 3 }), classCode: "SECOND" }],
    });
    const input = { trainId: train.trainId, from: "2027-04-01", to: "2027-04-20" };
    const results = await Promise.all([generateServices(db(), input), generateServices(db(), input)]);
    expect(results[0]!.created + results[1]!.created).toBe(20);
    expect(await db().serviceSeat.count({ where: { service: { trainId: train.trainId } } })).toBe(20 * 12);
  });

  it("rejects a backwards range, a bad date, bad weekdays and an unknown train", async () => {
    const code = async (input: Parameters<typeof generateServices>[1]) =>
      generateServices(db(), input).then(() => "ok", (e: unknown) => (e instanceof AppError ? e.code : String(e)));
    expect(await code({ trainId: "x", from: "2027-01-10", to: "2027-01-01" })).toBe("VALIDATION_FAILED");
    expect(await code({ trainId: "x", from: "2027-01-32", to: "2027-02-01" })).toBe("VALIDATION_FAILED");
    expect(await code({ trainId: "x", from: "2027-01-01", to: "2027-01-02", weekdays: [0] })).toBe("VALIDATION_FAILED");
    expect(await code({ trainId: "x", from: "2027-01-01", to: "2029-01-01" })).toBe("VALIDATION_FAILED");
    expect(await code({ trainId: "00000000-0000-4000-8000-000000000000", from: "2027-01-01", to: "2027-01-02" })).toBe("NOT_FOUND");
  });
});

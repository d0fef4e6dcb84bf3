// The operator home's "next days" panel against a week worked out by hand, in a database of its
// own (the figures count every service of a date). "Now" is 22:30 UTC on 9 June 2031: already
// 10 June in Warsaw, so the week is 10-16 June.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { nextDaysLoad } from "@/lib/admin/next-days-load";
import { withOwnDatabase } from "./own-database";

withOwnDatabase();

const at = (iso: string) => new Date(iso);
const NOW = at("2031-06-09T22:30:00Z");
let n = 0;

beforeAll(async () => {
  const c = db();
  await c.travelClass.create({ data: { code: "SECOND", name: "Second class", sortOrder: 2 } });
  await c.quota.create({ data: { code: "GENERAL", name: "General" } });
  const [a, b, cc] = await Promise.all(["A", "B", "C"].map((x) => c.station.create({ data: { code: `ND${x}`, name: `Stacja ${x}`, city: "M", timeZone: "Europe/Warsaw" } })));
  const user = await c.user.create({ data: { email: "next-days@example.test", name: "N", passwordHash: "!" } });
  const type = await c.coachType.create({ data: { code: "ND-CT", name: "Four", kind: "SEATED", classCode: "SECOND", rows: 1, columns: 4, seats: { create: Array.from({ length: 4 }, (_, i) => ({ number: i + 1, row: 0, col: i })) } }, include: { seats: true } });
  // ND 1 runs A-B-C (250 km), ND 2 only A-B (100 km); every service has 4 seats.
  const long = await c.train.create({
    data: { number: "ND 1", name: "Daleki", type: "INTERCITY", originDepartureMinutes: 480, stops: { create: [{ stationId: a!.id, sequence: 0, departureOffsetMinutes: 0, distanceKm: 0 }, { stationId: b!.id, sequence: 1, arrivalOffsetMinutes: 60, departureOffsetMinutes: 62, distanceKm: 100 }, { stationId: cc!.id, sequence: 2, arrivalOffsetMinutes: 150, distanceKm: 250 }] } },
  });
  const short = await c.train.create({
    data: { number: "ND 2", name: "Bliski", type: "REGIONAL", originDepartureMinutes: 600, stops: { create: [{ stationId: a!.id, sequence: 0, departureOffsetMinutes: 0, distanceKm: 0 }, { stationId: b!.id, sequence: 1, arrivalOffsetMinutes: 50, distanceKm: 100 }] } },
  });
  const service = async (trainId: string, date: string, hourUtc: string, status: "SCHEDULED" | "CANCELLED" = "SCHEDULED") => {
    const s = await c.service.create({ data: { trainId, serviceDate: at(`${date}T00:00:00Z`), departsAt: at(`${date}T${hourUtc}:00:00Z`), status } });
    for (const seat of type.seats) await c.serviceSeat.create({ data: { serviceId: s.id, coachTypeSeatId: seat.id, coachLabel: "1", coachPosition: 1, number: seat.number, classCode: "SECOND" } });
    return s.id;
  };
  const booking = (serviceId: string, from: number, to: number, status: "CONFIRMED" | "HELD" | "CANCELLED", pax: number) =>
    c.booking.create({
      data: {
        pnr: `NEXTDAY${String(n++).padStart(3, "0")}`, userId: user.id, serviceId, fromStationId: [a, b, cc][from]!.id, toStationId: [a, b, cc][to]!.id,
        fromSeq: from, toSeq: to, classCode: "SECOND", status, totalMinor: 1000 * pax, currency: "PLN",
        confirmedAt: status === "HELD" ? null : at("2031-06-01T10:00:00Z"), cancelledAt: status === "CANCELLED" ? at("2031-06-02T10:00:00Z") : null,
        holdExpiresAt: status === "HELD" ? at("2099-01-01T00:00:00Z") : null,
        passengers: { create: Array.from({ length: pax }, (_, i) => ({ position: i + 1, name: `P${i}`, age: 30, fareMinor: 1000, status: status === "CANCELLED" ? "CANCELLED" : "CONFIRMED" })) },
      },
    });

  const longToday = await service(long.id, "2031-06-10", "06");
  const shortToday = await service(short.id, "2031-06-10", "08");
  await service(long.id, "2031-06-11", "06", "CANCELLED");
  await service(long.id, "2031-06-12", "06");
  const outside = await service(long.id, "2031-06-17", "06");
  const yesterday = await service(long.id, "2031-06-09", "06");

  await booking(longToday, 0, 2, "CONFIRMED", 2); // 2 x 250 seat-km
  await booking(longToday, 1, 2, "HELD", 1); // not sold yet
  await booking(longToday, 0, 1, "CANCELLED", 1); // sold and given back
  await booking(shortToday, 0, 1, "CONFIRMED", 1); // 100 seat-km of 400
  await booking(outside, 0, 2, "CONFIRMED", 3);
  await booking(yesterday, 0, 2, "CONFIRMED", 4);
});

describe("next days' loading", () => {
  it("gives each of the next 7 Warsaw days its services, seats, passengers, occupancy and most loaded service", async () => {
    const load = await nextDaysLoad({ now: NOW });
    expect(load).toMatchObject({ from: "2031-06-10", to: "2031-06-16", timeZone: "Europe/Warsaw" });
    expect(load.days.map((d) => d.date)).toEqual(["2031-06-10", "2031-06-11", "2031-06-12", "2031-06-13", "2031-06-14", "2031-06-15", "2031-06-16"]);

    const [today, cancelledDay, quiet, ...rest] = load.days;
    // (2 x 250 + 1 x 100) seat-km sold of (4 x 250 + 4 x 100) offered.
    expect(today).toMatchObject({ services: 2, seats: 8, passengers: 3, seatKmOffered: 1400, seatKmSold: 600 });
    expect(today!.occupancy).toBeCloseTo(600 / 1400, 10);
    expect(today!.busiest).toMatchObject({ trainNumber: "ND 1", trainName: "Daleki", passengers: 2, seats: 4, occupancy: 0.5, departsAt: "2031-06-10T06:00:00.000Z" });
    // A cancelled service does not run: nothing is offered that day.
    expect(cancelledDay).toMatchObject({ services: 0, seats: 0, passengers: 0, occupancy: null, busiest: null });
    // A service with nothing sold runs empty: 0 %, and no "most loaded" service to name.
    expect(quiet).toMatchObject({ services: 1, seats: 4, passengers: 0, occupancy: 0, busiest: null });
    for (const day of rest) expect(day).toMatchObject({ services: 0, passengers: 0, occupancy: null, busiest: null });
  });

  it("counts N days when asked for another length, and nothing when no train runs", async () => {
    const three = await nextDaysLoad({ now: NOW, days: 3 });
    expect(three.days.map((d) => [d.date, d.services])).toEqual([["2031-06-10", 2], ["2031-06-11", 0], ["2031-06-12", 1]]);
    const empty = await nextDaysLoad({ now: at("2040-01-01T12:00:00Z") });
    expect(empty.days).toHaveLength(7);
    expect(empty.days.every((d) => d.services === 0 && d.occupancy === null)).toBe(true);
  });
});

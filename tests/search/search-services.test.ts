import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { searchServices } from "@/lib/search/search-services";
import { countFreeSeats } from "@/lib/search/free-seats";
import { nearestServiceDates } from "@/lib/search/nearest-dates";
import { serviceSummary } from "@/lib/services/service-summary";
import { dateInZone } from "@/lib/time/zoned";
import { createUser } from "../helpers/factories";
import { createMiniNetwork, occupySeat } from "../helpers/network-fixture";

beforeAll(async () => {
  // Fares the search prices with (the seed provides real ones; tests bring their own).
  await db().travelClass.createMany({ data: [{ code: "SECOND", name: "Second class", sortOrder: 2 }], skipDuplicates: true });
  if (!(await db().fareRate.findFirst({ where: { classCode: "SECOND", validTo: null } }))) {
    await db().fareRate.create({ data: { classCode: "SECOND", baseMinor: 1500, perKmMinor: 28, minMinor: 2500, currency: "PLN", validFrom: new Date("2020-01-01") } });
  }
});

const future = (days: number, hourUtc: number) => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  d.setUTCHours(hourUtc, 0, 0, 0);
  return d;
};

describe("searchServices", () => {
  it("finds a service calling at from before to, with local times, duration and fare", async () => {
    const departsAt = future(5, 7); // 08:00 in Warsaw in winter, 09:00 in summer
    const date = departsAt.toISOString().slice(0, 10);
    const net = await createMiniNetwork({ departsAt, serviceDate: date, seats: 4 });
    const [a, b, c] = net.stations;

    const result = await searchServices({ from: b!.code, to: c!.code, date, passengers: 1 });
    expect(result.services).toHaveLength(1);
    const s = result.services[0]!;
    expect(s.serviceId).toBe(net.serviceId);
    expect(s.departureAt.getTime()).toBe(departsAt.getTime() + 60 * 60_000);
    expect(s.durationMinutes).toBe(90);
    expect(s.departure).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\+0[12]:00$/);
    expect(s.classes).toEqual([expect.objectContaining({ class: "SECOND", available: 4, fare: { amount: 1500 + 28 * 150, currency: "PLN" } })]);

    // The reverse direction is not served by this train.
    expect((await searchServices({ from: c!.code, to: a!.code, date, passengers: 1 })).services).toHaveLength(0);
  });

  it("counts a seat as free for segments that do not overlap its allocations", async () => {
    const departsAt = future(6, 7);
    const date = departsAt.toISOString().slice(0, 10);
    const net = await createMiniNetwork({ departsAt, serviceDate: date, seats: 3 });
    const { user } = await createUser();
    await occupySeat(net, net.seatIds[0]!, 0, 1, { userId: user.id }); // A->B sold
    await occupySeat(net, net.seatIds[1]!, 0, 2, { userId: user.id, expiresAt: new Date(Date.now() - 1000) }); // expired hold
    await occupySeat(net, net.seatIds[2]!, 1, 2, { userId: user.id, releasedAt: new Date() }); // cancelled

    const free = async (fromSeq: number, toSeq: number) =>
      (await countFreeSeats([{ serviceId: net.serviceId, fromSeq, toSeq }])).get(net.serviceId)?.[0]?.available;
    expect(await free(0, 1)).toBe(2);
    expect(await free(1, 2)).toBe(3); // the A->B seat is for sale B->C
    expect(await free(0, 2)).toBe(2);

    await occupySeat(net, net.seatIds[1]!, 1, 2, { userId: user.id, expiresAt: new Date(Date.now() + 600_000) }); // live hold
    expect(await free(1, 2)).toBe(2);
    expect(await free(0, 1)).toBe(2);
  });

  it("filters by the local date at the departure station, across time zones", async () => {
    // Departs A (Warsaw) 23:30 local on day D; reaches C (Vilnius, one hour ahead) after midnight.
    const base = future(8, 0);
    const date = base.toISOString().slice(0, 10);
    const departsAt = new Date(`${date}T22:30:00Z`); // 23:30 CET
    const net = await createMiniNetwork({ departsAt, serviceDate: date, zones: ["Europe/Warsaw", "Europe/Warsaw", "Europe/Vilnius"], offsets: { b: 60, c: 120 } });
    const [a, b, c] = net.stations;
    const nextDay = new Date(departsAt.getTime() + 86_400_000).toISOString().slice(0, 10);

    expect((await searchServices({ from: a!.code, to: c!.code, date, passengers: 1 })).services).toHaveLength(1);
    // From B it leaves at 00:30 local the next day, so it is a next-day train there.
    expect((await searchServices({ from: b!.code, to: c!.code, date, passengers: 1 })).services).toHaveLength(0);
    const fromB = await searchServices({ from: b!.code, to: c!.code, date: nextDay, passengers: 1 });
    expect(fromB.services).toHaveLength(1);
    const arrival = fromB.services[0]!.arrival;
    const arrivalAt = new Date(departsAt.getTime() + 120 * 60_000);
    expect(new Date(arrival).getTime()).toBe(arrivalAt.getTime());
    // The arrival is written in Vilnius's offset (+02:00 in winter, +03:00 in summer), not Warsaw's.
    const vilniusOffset = new Intl.DateTimeFormat("en", { timeZone: "Europe/Vilnius", timeZoneName: "longOffset" })
      .formatToParts(arrivalAt).find((p) => p.type === "timeZoneName")!.value.replace("GMT", "");
    expect(arrival.endsWith(vilniusOffset)).toBe(true);
  });

  it("suggests the nearest dates with trains when a day has none", async () => {
    const departsAt = future(10, 7);
    const date = departsAt.toISOString().slice(0, 10);
    const net = await createMiniNetwork({ departsAt, serviceDate: date });
    const [a, , c] = net.stations;
    const dayBefore = new Date(departsAt.getTime() - 2 * 86_400_000).toISOString().slice(0, 10);
    expect((await searchServices({ from: a!.code, to: c!.code, date: dayBefore, passengers: 1 })).services).toHaveLength(0);
    const nearest = await nearestServiceDates({ fromId: a!.id, toId: c!.id, fromTimeZone: a!.timeZone }, dayBefore);
    expect(nearest).toEqual([date]);
  });

  it("leaves out a train that has left the boarding station, and keeps a late one on sale until it leaves", async () => {
    const departsAt = new Date(Date.now() - 2 * 3_600_000); // left A two hours ago, on time
    const date = dateInZone(departsAt, "Europe/Warsaw");
    const net = await createMiniNetwork({ departsAt, serviceDate: date });
    const [a, , c] = net.stations;
    const search = () => searchServices({ from: a!.code, to: c!.code, date, passengers: 1 });
    const departed = async () => (await serviceSummary(net.serviceId, a!.code, c!.code)).departed;
    expect((await search()).services).toHaveLength(0);
    expect(await departed()).toBe(true); // the seat-map page says so instead of offering seats

    // Three hours late: it has not left A yet, and booking it would be accepted (assertBookable).
    await db().service.update({ where: { id: net.serviceId }, data: { status: "DELAYED", delayMinutes: 180 } });
    expect((await search()).services.map((s) => s.serviceId)).toEqual([net.serviceId]);
    expect(await departed()).toBe(false);
  });

  it("rejects unknown stations with field errors", async () => {
    await expect(searchServices({ from: "NOPE1", to: "NOPE2", date: "2030-01-01", passengers: 1 })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      details: { fieldErrors: { from: [expect.any(String)], to: [expect.any(String)] } },
    });
  });
});

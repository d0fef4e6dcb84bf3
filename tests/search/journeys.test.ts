import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { searchJourneys } from "@/lib/search/journeys";
import { planJourneys, paretoFront, type TimetableService } from "@/lib/search/connections";
import { uniqueSuffix } from "../helpers/factories";

// A little network per test, on UTC clocks so times read as written: stations by letter, trains
// by their calls ("P 08:00, K 09:00"), each with one coach of four second-class seats.
beforeAll(async () => {
  await db().travelClass.createMany({ data: [{ code: "SECOND", name: "Second class", sortOrder: 2 }], skipDuplicates: true });
  await db().quota.createMany({ data: [{ code: "GENERAL", name: "General" }], skipDuplicates: true });
  if (!(await db().fareRate.findFirst({ where: { classCode: "SECOND", validTo: null } }))) {
    await db().fareRate.create({ data: { classCode: "SECOND", baseMinor: 1500, perKmMinor: 28, minMinor: 2500, currency: "PLN", validFrom: new Date("2020-01-01") } });
  }
});

const day = (offset: number) => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
};
const nextDate = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

async function network(letters: string, minChange: Record<string, number> = {}) {
  const s = uniqueSuffix().toUpperCase().slice(0, 6);
  const stations: Record<string, { id: string; code: string }> = {};
  for (const l of letters) {
    stations[l] = await db().station.create({
      data: { code: `${l}${s}`, name: `${l} ${s}`, city: `Miasto ${s}`, timeZone: "UTC", minChangeMinutes: minChange[l] ?? 8 },
    });
  }
  const coachType = await db().coachType.create({
    data: {
      code: `CT-${s}`, name: "Test 2+2", kind: "SEATED", classCode: "SECOND", rows: 1, columns: 5,
      seats: { create: [0, 1, 3, 4].map((col, i) => ({ number: i + 1, row: 0, col, position: i % 3 === 0 ? "WINDOW" : "AISLE" })) },
    },
    include: { seats: true },
  });
  let trains = 0;
  /** "P 08:00, K 09:00": calls with local (UTC) times on `date`; later times may roll past midnight. */
  const train = async (calls: string, date: string) => {
    const parsed = calls.split(",").map((c) => {
      const [letter, time] = c.trim().split(" ") as [string, string];
      const [h, m] = time.split(":").map(Number) as [number, number];
      return { letter, minutes: h * 60 + m };
    });
    for (let i = 1; i < parsed.length; i++) while (parsed[i]!.minutes < parsed[i - 1]!.minutes) parsed[i]!.minutes += 24 * 60;
    const origin = parsed[0]!.minutes;
    const t = await db().train.create({
      data: {
        number: `J${++trains} ${s}`, name: `Test ${s}`, type: "INTERCITY", originDepartureMinutes: origin,
        stops: {
          create: parsed.map((c, i) => ({
            stationId: stations[c.letter]!.id, sequence: i, distanceKm: i * 100,
            arrivalOffsetMinutes: i === 0 ? null : c.minutes - origin - (i < parsed.length - 1 ? 1 : 0),
            departureOffsetMinutes: i === parsed.length - 1 ? null : c.minutes - origin,
          })),
        },
        coaches: { create: [{ coachTypeId: coachType.id, label: "1", position: 1 }] },
      },
    });
    const service = await db().service.create({
      data: { trainId: t.id, serviceDate: new Date(`${date}T00:00:00Z`), departsAt: new Date(Date.parse(`${date}T00:00:00Z`) + origin * 60_000) },
    });
    await db().serviceSeat.createMany({
      data: coachType.seats.map((seat) => ({ serviceId: service.id, coachTypeSeatId: seat.id, coachLabel: "1", coachPosition: 1, number: seat.number, classCode: "SECOND" })),
    });
    return service.id;
  };
  const search = (from: string, to: string, date: string) => searchJourneys({ from: stations[from]!.code, to: stations[to]!.code, date, passengers: 1 });
  return { stations, train, search };
}

describe("searchJourneys", () => {
  it("offers a journey with one change when no train runs through, honouring the station's minimum change time", async () => {
    const date = day(9);
    const net = await network("PKW", { K: 8 });
    const first = await net.train("P 08:00, K 09:00", date);
    await net.train("K 09:05, W 10:00", date); // 5 minutes: too tight at K
    const second = await net.train("K 09:10, W 10:05", date); // 10 minutes
    await net.train("K 09:30, W 10:20", date); // possible, but arrives later than the one above

    const journeys = await net.search("P", "W", date);
    expect(journeys).toHaveLength(1);
    const j = journeys[0]!;
    expect(j.changes).toBe(1);
    expect(j.legs.map((l) => l.serviceId)).toEqual([first, second]);
    expect(j.legs.map((l) => [l.from.code, l.to.code])).toEqual([[net.stations.P!.code, net.stations.K!.code], [net.stations.K!.code, net.stations.W!.code]]);
    expect(j.connections).toEqual([expect.objectContaining({ station: expect.objectContaining({ code: net.stations.K!.code }), minutes: 10, minimumMinutes: 8, atRisk: false })]);
    expect(j.durationMinutes).toBe(125);
    expect(j.departure).toBe(`${date}T08:00:00Z`);
    // Priced per leg (100 km each) and added up; seats are the fewest free on any leg.
    expect(j.classes).toEqual([{ class: "SECOND", className: expect.any(String), available: 4, fare: { amount: 2 * (1500 + 28 * 100), currency: "PLN" } }]);

    // The operator lengthens the minimum change at K: the 09:10 is now too tight, the 09:30 is it.
    await db().station.update({ where: { id: net.stations.K!.id }, data: { minChangeMinutes: 15 } });
    const later = await net.search("P", "W", date);
    expect(later.map((x) => x.legs.at(-1)!.departure)).toEqual([`${date}T09:30:00Z`]);
  });

  it("flags a connection that a delay of the first train breaks, and keeps offering it", async () => {
    const date = day(10);
    const net = await network("PKW");
    const first = await net.train("P 08:00, K 09:00", date);
    await net.train("K 09:10, W 10:00", date);
    await db().service.update({ where: { id: first }, data: { status: "DELAYED", delayMinutes: 5 } });

    const [j] = await net.search("P", "W", date);
    expect(j!.atRisk).toBe(true);
    expect(j!.connections[0]).toMatchObject({ minutes: 10, expectedMinutes: 5, minimumMinutes: 8, atRisk: true });
  });

  it("changes overnight onto the next day's train", async () => {
    const date = day(11);
    const net = await network("PKW");
    await net.train("P 22:00, K 23:30", date);
    const morning = await net.train("K 00:20, W 02:00", nextDate(date));
    await net.train("K 00:20, W 02:00", date); // the same train the night before: already gone

    const journeys = await net.search("P", "W", date);
    expect(journeys).toHaveLength(1);
    expect(journeys[0]!.legs[1]!.serviceId).toBe(morning);
    expect(journeys[0]!.legs[1]!.date).toBe(nextDate(date));
    expect(journeys[0]!.connections[0]!.minutes).toBe(50);
    expect(journeys[0]!.arrival).toBe(`${nextDate(date)}T02:00:00Z`);
  });

  it("never plans a leg on a cancelled train", async () => {
    const date = day(12);
    const net = await network("PKW");
    await net.train("P 08:00, K 09:00", date);
    const cancelled = await net.train("K 09:15, W 10:00", date);
    const fallback = await net.train("K 11:00, W 12:00", date);
    await db().service.update({ where: { id: cancelled }, data: { status: "CANCELLED" } });

    const journeys = await net.search("P", "W", date);
    expect(journeys.flatMap((j) => j.legs.map((l) => l.serviceId))).not.toContain(cancelled);
    expect(journeys.map((j) => j.legs[1]!.serviceId)).toEqual([fallback]);
  });

  it("keeps only journeys nobody would pass over, direct trains first among equals, sorted by arrival", async () => {
    const date = day(13);
    const net = await network("PKW");
    const direct = await net.train("P 08:30, K 09:20, W 10:00", date);
    await net.train("P 08:00, K 08:40", date);
    await net.train("K 08:50, W 10:10", date); // leaves P earlier, arrives later than the direct: beaten
    await net.train("P 09:00, K 09:40", date);
    const late = await net.train("K 09:50, W 10:30", date); // leaves P later than the direct: kept

    const journeys = await net.search("P", "W", date);
    expect(journeys.map((j) => [j.changes, j.legs.at(-1)!.serviceId])).toEqual([[0, direct], [1, late]]);
  });

  it("looks for two changes only when nothing with fewer exists", async () => {
    const date = day(14);
    const net = await network("PKLW");
    await net.train("P 08:00, K 09:00", date);
    await net.train("K 09:15, L 10:00", date);
    await net.train("L 10:15, W 11:00", date);
    const two = await net.search("P", "W", date);
    expect(two.map((j) => j.changes)).toEqual([2]);
    expect(two[0]!.connections.map((c) => c.station.code)).toEqual([net.stations.K!.code, net.stations.L!.code]);

    await net.train("P 06:00, L 09:00", date);
    expect((await net.search("P", "W", date)).map((j) => j.changes)).toEqual([1]);
  });
});

describe("paretoFront", () => {
  const at = (h: number, m = 0) => new Date(Date.UTC(2030, 0, 1, h, m));
  const service = (id: string, calls: [string, Date | null, Date | null][]): TimetableService => ({
    serviceId: id, delayMinutes: 0, calls: calls.map(([stationId, arrivalAt, departureAt], seq) => ({ stationId, seq, arrivalAt, departureAt, distanceKm: seq * 10 })),
  });

  it("keeps, of two changes between the same trains, the station with more time to spare", () => {
    // Both trains call at X and Y: changing at Y gives 20 minutes, at X only 9.
    const a = service("a", [["P", null, at(8)], ["X", at(9), at(9, 1)], ["Y", at(9, 20), null]]);
    const b = service("b", [["X", null, at(9, 10)], ["Y", at(9, 39), at(9, 40)], ["W", at(10), null]]);
    const planned = planJourneys([a, b], { fromId: "P", toId: "W", departFrom: at(0), departBefore: at(23), now: at(0), minChangeMinutes: () => 8 });
    expect(planned).toHaveLength(1);
    expect(planned[0]!.connections[0]).toMatchObject({ stationId: "Y", minutes: 20 });
    expect(paretoFront([...planned, ...planned])).toHaveLength(1);
  });
});

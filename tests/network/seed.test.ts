import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { seed } from "@/lib/seed/seed";
import { stopTimes } from "@/lib/services/stop-times";
import { clockInZone, dateInZone } from "@/lib/time/zoned";
import { COACH_TYPES, DEMO_USERS, FARE_RATES, QUOTAS, REFUND_RULES, STATIONS, TRAINS, TRAVEL_CLASSES } from "@/prisma/seed";

// Friday 26 March 2027: a 4-day window runs over the night clocks go forward (28 March) and
// includes a weekend, when the Monday-to-Friday trains do not run.
const TODAY = new Date("2027-03-26T09:00:00Z");
const DAYS = 4;
const numbers = TRAINS.map((t) => t.number);

/** Rows the seed owns, with what identifies them, so rows other test files create do not count. */
async function seedRows() {
  const client = db();
  const ofSeedTrains = { train: { number: { in: numbers } } };
  const services = await client.service.findMany({
    where: ofSeedTrains,
    select: { id: true, serviceDate: true, departsAt: true, train: { select: { number: true } } },
    orderBy: [{ trainId: "asc" }, { serviceDate: "asc" }],
  });
  const users = await client.user.findMany({ where: { email: { in: DEMO_USERS.map((u) => u.email) } }, orderBy: { email: "asc" } });
  return {
    travelClasses: await client.travelClass.count({ where: { code: { in: TRAVEL_CLASSES.map((c) => c.code) } } }),
    quotas: await client.quota.count({ where: { code: { in: QUOTAS.map((q) => q.code) } } }),
    stations: await client.station.findMany({ where: { code: { in: STATIONS.map((s) => s.code) } }, select: { id: true }, orderBy: { id: "asc" } }),
    coachTypeSeats: await client.coachTypeSeat.count({ where: { coachType: { code: { in: COACH_TYPES.map((c) => c.code) } } } }),
    trains: await client.train.findMany({ where: { number: { in: numbers } }, select: { id: true }, orderBy: { id: "asc" } }),
    stops: await client.trainStop.count({ where: ofSeedTrains }),
    coaches: await client.trainCoach.count({ where: ofSeedTrains }),
    pools: await client.trainQuota.count({ where: ofSeedTrains }),
    fareRates: await client.fareRate.count({ where: { id: { in: FARE_RATES.map((r) => r.id) } } }),
    refundRules: await client.refundRule.count({ where: { id: { in: REFUND_RULES.map((r) => r.id) } } }),
    services: services.map((s) => `${s.train.number} ${s.serviceDate.toISOString().slice(0, 10)} ${s.departsAt.toISOString()} ${s.id}`),
    serviceSeats: await client.serviceSeat.count({ where: { service: ofSeedTrains } }),
    users: users.map((u) => `${u.email} ${u.role} ${u.passwordHash}`),
  };
}

beforeAll(async () => {
  await seed(db(), { days: DAYS, today: TODAY });
}, 120_000);

describe("seed", () => {
  it("creates the whole network once", async () => {
    const rows = await seedRows();
    expect(rows.stations).toHaveLength(STATIONS.length);
    expect(rows.trains).toHaveLength(TRAINS.length);
    expect(rows.stops).toBe(TRAINS.reduce((n, t) => n + t.stops.length, 0));
    expect(rows.coaches).toBe(TRAINS.reduce((n, t) => n + t.coaches.length, 0));
    expect(rows.fareRates).toBe(3);
    expect(rows.refundRules).toBe(4);
    // 26-29 March: daily trains 4 times, Monday-to-Friday trains on Friday and Monday only.
    const weekdayOnly = TRAINS.filter((t) => t.weekdays).length;
    expect(rows.services).toHaveLength((TRAINS.length - weekdayOnly) * 4 + weekdayOnly * 2);
  });

  it("leaves the same rows when run again", async () => {
    const before = await seedRows();
    const again = await seed(db(), { days: DAYS, today: TODAY });
    expect(again.services).toMatchObject({ created: 0, seats: 0 });
    expect(again.network).toEqual({ coachTypes: 0, trains: 0 });
    expect(again.accounts).toEqual({ created: 0, repaired: 0 });
    expect(await seedRows()).toEqual(before);
  });

  it("gives every service one inventory row per seat of its composition", async () => {
    const services = await db().service.findMany({
      where: { train: { number: { in: numbers } } },
      select: { id: true, train: { select: { coaches: { select: { coachType: { select: { _count: { select: { seats: true } } } } } } } } },
    });
    const counts = await db().serviceSeat.groupBy({ by: ["serviceId"], where: { serviceId: { in: services.map((s) => s.id) } }, _count: true });
    const bySeats = new Map(counts.map((c) => [c.serviceId, c._count]));
    for (const service of services) {
      const expected = service.train.coaches.reduce((n, c) => n + c.coachType._count.seats, 0);
      expect(bySeats.get(service.id)).toBe(expected);
    }
  });

  it("makes the demo accounts able to sign in, keeps a working hash and repairs a broken one", async () => {
    for (const demo of DEMO_USERS) {
      const user = await db().user.findUniqueOrThrow({ where: { email: demo.email } });
      expect(user).toMatchObject({ name: demo.name, role: demo.role });
      expect(await verifyPassword(user.passwordHash, demo.password)).toBe(true);
    }
    const admin = DEMO_USERS.find((u) => u.role === "ADMIN")!;
    await db().user.update({ where: { email: admin.email }, data: { passwordHash: await hashPassword("someone-changed-it"), role: "PASSENGER" } });
    const passengerHash = (await db().user.findUniqueOrThrow({ where: { email: DEMO_USERS[0].email } })).passwordHash;

    const result = await seed(db(), { days: DAYS, today: TODAY });
    expect(result.accounts).toEqual({ created: 0, repaired: 1 });
    const repaired = await db().user.findUniqueOrThrow({ where: { email: admin.email } });
    expect(repaired.role).toBe("ADMIN");
    expect(await verifyPassword(repaired.passwordHash, admin.password)).toBe(true);
    expect((await db().user.findUniqueOrThrow({ where: { email: DEMO_USERS[0].email } })).passwordHash).toBe(passengerHash);
  });

  it("runs Gdańsk Główny -> Kraków Główny through the day, with a night sleeper arriving the next morning", async () => {
    const date = "2027-03-26";
    const services = await db().service.findMany({
      where: { serviceDate: new Date(date), train: { number: { in: numbers } } },
      include: { train: { include: { stops: { include: { station: true } }, coaches: { include: { coachType: true } } } } },
    });
    const journeys = services.flatMap((service) => {
      const from = service.train.stops.find((s) => s.station.name === "Gdańsk Główny");
      const to = service.train.stops.find((s) => s.station.name === "Kraków Główny");
      if (!from || !to || from.sequence > to.sequence) return [];
      const departure = stopTimes(service.departsAt, from).departure!;
      const arrival = stopTimes(service.departsAt, to).arrival!;
      const sleeper = service.train.coaches.some((c) => c.coachType.classCode === "SLEEPER");
      return [{ departure, arrival, sleeper, number: service.train.number }];
    });
    const departures = journeys.map((j) => clockInZone(j.departure, "Europe/Warsaw")).sort();
    expect(departures).toEqual(["06:05", "10:05", "13:47", "22:18"]);
    expect(journeys.every((j) => dateInZone(j.departure, "Europe/Warsaw") === date)).toBe(true);

    const night = journeys.find((j) => j.sleeper)!;
    expect(night.number).toBe("TLK 53170");
    expect(dateInZone(night.arrival, "Europe/Warsaw")).toBe("2027-03-27");
    expect(clockInZone(night.arrival, "Europe/Warsaw")).toBe("06:50");
  });

  it("shows cross-border arrivals on the foreign clock, also across the DST change", async () => {
    const arrivalAt = async (number: string, date: string, stationCode: string) => {
      const service = await db().service.findFirstOrThrow({
        where: { serviceDate: new Date(date), train: { number } },
        include: { train: { include: { stops: { include: { station: true } } } } },
      });
      const stop = service.train.stops.find((s) => s.station.code === stationCode)!;
      const arrival = stopTimes(service.departsAt, stop).arrival!;
      return `${dateInZone(arrival, stop.station.timeZone)} ${clockInZone(arrival, stop.station.timeZone)}`;
    };
    // Kraków 21:55 -> Lviv 05:30 Kyiv time, on both sides of the change (both countries switch together).
    expect(await arrivalAt("IC 30171", "2027-03-26", "LVV")).toBe("2027-03-27 05:30");
    expect(await arrivalAt("IC 30171", "2027-03-28", "LVV")).toBe("2027-03-29 05:30");
    expect(await arrivalAt("IC 14103", "2027-03-29", "VIL")).toBe("2027-03-29 16:30");
  });

  it("extends the window when run on a later day", async () => {
    const later = new Date(TODAY.getTime() + 2 * 86_400_000); // Sunday 28 March
    const result = await seed(db(), { days: DAYS, today: later });
    const weekdayOnly = TRAINS.filter((t) => t.weekdays).length;
    // New dates: 30 and 31 March (Tuesday, Wednesday): every train runs both.
    expect(result.services.created).toBe(TRAINS.length * 2);
    expect(result.services.skipped).toBe((TRAINS.length - weekdayOnly) * 2 + weekdayOnly * 1);
  });
});

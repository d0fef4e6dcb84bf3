// The dashboard's SQL against a small week worked out by hand (in its own database, so nothing
// else is counted). Day boundaries are Europe/Warsaw's: 2031-03-10 23:30 UTC is 11 March there.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { analyticsFor, resolveRange } from "@/lib/admin/analytics";
import { analyticsRangeSchema } from "@/lib/schemas/admin-ops";
import { withOwnDatabase } from "./own-database";
import { lastClosedDay, rollUpSalesDays } from "@/lib/admin/sales-days";
import { dailyFigures } from "@/lib/admin/analytics-queries";

withOwnDatabase();

const at = (iso: string) => new Date(iso);
let n = 0;

beforeAll(async () => {
  const c = db();
  await c.travelClass.createMany({ data: [{ code: "FIRST", name: "First class", sortOrder: 1 }, { code: "SECOND", name: "Second class", sortOrder: 2 }] });
  await c.quota.create({ data: { code: "GENERAL", name: "General" } });
  const [a, b, cc] = await Promise.all(["A", "B", "C"].map((x) => c.station.create({ data: { code: `AN${x}`, name: `Stacja ${x}`, city: "M", timeZone: "Europe/Warsaw" } })));
  const user = await c.user.create({ data: { email: "analytics@example.test", name: "A", passwordHash: "!" } });
  const train = await c.train.create({
    data: {
      number: "AN 1", name: "Analityk", type: "INTERCITY", originDepartureMinutes: 480,
      stops: { create: [{ stationId: a!.id, sequence: 0, departureOffsetMinutes: 0, distanceKm: 0 }, { stationId: b!.id, sequence: 1, arrivalOffsetMinutes: 60, departureOffsetMinutes: 62, distanceKm: 100 }, { stationId: cc!.id, sequence: 2, arrivalOffsetMinutes: 150, distanceKm: 250 }] },
    },
  });
  const type = await c.coachType.create({ data: { code: "AN-CT", name: "Mixed", kind: "SEATED", classCode: "SECOND", rows: 1, columns: 6, seats: { create: Array.from({ length: 6 }, (_, i) => ({ number: i + 1, row: 0, col: i })) } }, include: { seats: true } });
  const stations = [a!.id, b!.id, cc!.id];

  // Four seats of SECOND and two of FIRST on every service; 12 March's service is cancelled, 20 April's is outside the range.
  const service = async (date: string, status: "SCHEDULED" | "CANCELLED" = "SCHEDULED") => {
    const s = await c.service.create({ data: { trainId: train.id, serviceDate: at(`${date}T00:00:00Z`), departsAt: at(`${date}T07:00:00Z`), status } });
    const seats: { id: string }[] = [];
    for (const seat of type.seats) {
      seats.push(await c.serviceSeat.create({ data: { serviceId: s.id, coachTypeSeatId: seat.id, coachLabel: "1", coachPosition: 1, number: seat.number, classCode: seat.number <= 4 ? "SECOND" : "FIRST" } }));
    }
    return { id: s.id, seat: (i: number) => seats[i - 1]!.id };
  };
  const d1 = await service("2031-03-10");
  const d2 = await service("2031-03-11");
  const cancelled = await service("2031-03-12", "CANCELLED");
  const later = await service("2031-04-20");

  interface Spec {
    svc: { id: string; seat: (i: number) => string };
    from: number; to: number; cls?: string; status: "CONFIRMED" | "HELD" | "CANCELLED" | "WAITLISTED";
    seats?: number[]; pax?: number; total: number; currency?: string;
    paidAt?: string; cancelledAt?: string; refund?: number; holdUntil?: string;
  }
  const booking = async (s: Spec) => {
    const paxCount = s.seats?.length || s.pax || 1;
    const b = await c.booking.create({
      data: {
        pnr: `ANALYTIC${String(n++).padStart(2, "0")}`, userId: user.id, serviceId: s.svc.id, fromStationId: stations[s.from]!, toStationId: stations[s.to]!,
        fromSeq: s.from, toSeq: s.to, classCode: s.cls ?? "SECOND", status: s.status, totalMinor: s.total, currency: s.currency ?? "PLN",
        holdExpiresAt: s.holdUntil ? at(s.holdUntil) : null, confirmedAt: s.paidAt ? at(s.paidAt) : null, cancelledAt: s.cancelledAt ? at(s.cancelledAt) : null,
        createdAt: at(s.paidAt ?? s.cancelledAt ?? "2031-03-01T00:00:00Z"),
        passengers: { create: Array.from({ length: paxCount }, (_, i) => ({ position: i + 1, name: `P${i}`, age: 30, fareMinor: s.total / paxCount, status: s.status === "CANCELLED" ? "CANCELLED" : s.status === "WAITLISTED" ? "WAITLISTED" : "CONFIRMED" })) },
      },
      include: { passengers: true },
    });
    for (const [i, seat] of (s.seats ?? []).entries()) {
      await c.seatAllocation.create({
        data: { serviceId: s.svc.id, serviceSeatId: s.svc.seat(seat), bookingPassengerId: b.passengers[i]!.id, fromSeq: s.from, toSeq: s.to, expiresAt: s.holdUntil ? at(s.holdUntil) : null, releasedAt: s.cancelledAt ? at(s.cancelledAt) : null },
      });
    }
    if (s.paidAt) {
      const payment = await c.payment.create({ data: { bookingId: b.id, provider: "sandbox", amountMinor: s.total, currency: s.currency ?? "PLN", status: "SUCCEEDED", idempotencyKey: `k${n}`, createdAt: at(s.paidAt) } });
      await c.payment.create({ data: { bookingId: b.id, provider: "sandbox", amountMinor: s.total, currency: "PLN", status: "DECLINED", idempotencyKey: `d${n}`, createdAt: at(s.paidAt) } });
      if (s.refund) await c.refund.create({ data: { bookingId: b.id, paymentId: payment.id, amountMinor: s.refund, currency: "PLN", reason: "PASSENGER_CANCELLED", createdAt: at(s.cancelledAt!) } });
    }
    return b;
  };

  await booking({ svc: d1, from: 0, to: 2, status: "CONFIRMED", seats: [1], total: 3500, paidAt: "2031-03-09T10:00:00Z" });
  await booking({ svc: d1, from: 0, to: 1, status: "CONFIRMED", seats: [2], total: 2000, paidAt: "2031-03-10T23:30:00Z" }); // 11 March in Warsaw
  await booking({ svc: d1, from: 1, to: 2, status: "HELD", seats: [3], total: 2500, holdUntil: "2099-01-01T00:00:00Z" });
  await booking({ svc: d1, from: 0, to: 2, status: "CANCELLED", seats: [4], total: 3500, paidAt: "2031-03-09T12:00:00Z", cancelledAt: "2031-03-12T09:00:00Z", refund: 2800 });
  await booking({ svc: d1, from: 0, to: 2, cls: "FIRST", status: "CONFIRMED", seats: [5, 6], total: 9000, paidAt: "2031-03-11T08:00:00Z" });
  await booking({ svc: d2, from: 0, to: 1, status: "CONFIRMED", seats: [1, 2], total: 4000, paidAt: "2031-03-11T09:00:00Z" });
  await booking({ svc: later, from: 0, to: 1, status: "CONFIRMED", seats: [1], total: 2000, paidAt: "2031-03-13T10:00:00Z" });
  await booking({ svc: d2, from: 1, to: 2, status: "CONFIRMED", seats: [3], total: 1000, currency: "EUR", paidAt: "2031-03-13T11:00:00Z" });
  await booking({ svc: d1, from: 0, to: 1, status: "CONFIRMED", seats: [3], total: 2000, paidAt: "2031-03-08T22:59:00Z" }); // 8 March in Warsaw
  await booking({ svc: d2, from: 0, to: 2, status: "CANCELLED", total: 3500, cancelledAt: "2031-03-12T10:00:00Z" }); // a hold given up: never a booking
  await booking({ svc: cancelled, from: 0, to: 2, status: "CONFIRMED", seats: [1], total: 3500, paidAt: "2031-03-01T10:00:00Z" });
  const waiting = await booking({ svc: d2, from: 0, to: 2, status: "WAITLISTED", pax: 3, total: 10500 });
  const promoted = await booking({ svc: d2, from: 0, to: 2, status: "WAITLISTED", total: 3500 });
  const outside = await booking({ svc: later, from: 0, to: 2, status: "WAITLISTED", total: 3500 });
  const entry = (bookingId: string, serviceId: string, partySize: number, status: "WAITING" | "PROMOTED") =>
    c.waitlistEntry.create({ data: { bookingId, serviceId, classCode: "SECOND", quotaCode: "GENERAL", fromSeq: 0, toSeq: 2, partySize, status } });
  await entry(waiting.id, d2.id, 3, "WAITING");
  await entry(promoted.id, d2.id, 1, "PROMOTED");
  await entry(outside.id, later.id, 2, "WAITING");
});

describe("analytics", () => {
  it("adds up a hand-worked week: per-day figures in Warsaw days, occupancy, busiest journeys and the waitlist", async () => {
    const view = await analyticsFor(resolveRange({ from: "2031-03-09", to: "2031-03-15" }));

    expect(view.daily).toEqual([
      { date: "2031-03-09", bookings: 2, revenueMinor: 7000, cancellations: 0, refundsMinor: 0 },
      { date: "2031-03-10", bookings: 0, revenueMinor: 0, cancellations: 0, refundsMinor: 0 },
      { date: "2031-03-11", bookings: 3, revenueMinor: 15000, cancellations: 0, refundsMinor: 0 },
      { date: "2031-03-12", bookings: 0, revenueMinor: 0, cancellations: 1, refundsMinor: 2800 },
      { date: "2031-03-13", bookings: 2, revenueMinor: 2000, cancellations: 0, refundsMinor: 0 }, // the EUR payment is not PLN revenue
      { date: "2031-03-14", bookings: 0, revenueMinor: 0, cancellations: 0, refundsMinor: 0 },
      { date: "2031-03-15", bookings: 0, revenueMinor: 0, cancellations: 0, refundsMinor: 0 },
    ]);
    expect(view.totals).toEqual({
      bookings: 7,
      revenue: { amount: 24000, currency: "PLN" },
      cancellations: 1,
      refunds: { amount: 2800, currency: "PLN" },
      occupancy: (800 + 500) / (2000 + 1000),
      waitlist: { entries: 1, passengers: 3 },
    });
    // Two services run (the cancelled one does not count): SECOND offers 2 x 4 seats x 250 km,
    // and sells 250 + 100 + 100 (10 March's service) + 2 x 100 + 150 (11 March's); FIRST sells 2 x 250 of 2 x 2 x 250.
    expect(view.occupancy).toEqual([
      { trainNumber: "AN 1", trainName: "Analityk", classCode: "FIRST", className: "First class", services: 2, seatKmOffered: 1000, seatKmSold: 500, occupancy: 0.5 },
      { trainNumber: "AN 1", trainName: "Analityk", classCode: "SECOND", className: "Second class", services: 2, seatKmOffered: 2000, seatKmSold: 800, occupancy: 0.4 },
    ]);
    expect(view.segments).toEqual([
      { from: { code: "ANA", name: "Stacja A" }, to: { code: "ANB", name: "Stacja B" }, passengers: 4 },
      { from: { code: "ANA", name: "Stacja A" }, to: { code: "ANC", name: "Stacja C" }, passengers: 3 },
      { from: { code: "ANB", name: "Stacja B" }, to: { code: "ANC", name: "Stacja C" }, passengers: 1 },
    ]);
    expect(view.range).toEqual({ from: "2031-03-09", to: "2031-03-15", days: 7, timeZone: "Europe/Warsaw", currency: "PLN" });
  });

  it("resolves presets to the last N days ending today in Warsaw, and an empty range to zeros", async () => {
    // 23:30 UTC on 31 March 2031 is already 1 April in Warsaw (summer time, UTC+2).
    expect(resolveRange({ days: 7 }, at("2031-03-31T23:30:00Z"))).toMatchObject({ from: "2031-03-26", to: "2031-04-01", days: 7 });
    expect(resolveRange({}, at("2031-03-31T12:00:00Z"))).toMatchObject({ from: "2031-03-02", to: "2031-03-31", days: 30 });

    const empty = await analyticsFor(resolveRange({ from: "2040-01-01", to: "2040-01-03" }));
    expect(empty.daily.map((d) => d.bookings)).toEqual([0, 0, 0]);
    expect(empty.totals).toMatchObject({ bookings: 0, occupancy: null, waitlist: { entries: 0, passengers: 0 } });
    expect(empty.occupancy).toEqual([]);
    expect(empty.segments).toEqual([]);
  });

  it("counts by travel date or by booking date when asked: a booking paid on 13 March for 20 April's train", async () => {
    const travelApril = await analyticsFor(resolveRange({ from: "2031-04-20", to: "2031-04-20", basis: "travel" }));
    expect(travelApril.basis).toBe("travel");
    expect(travelApril.totals).toMatchObject({ bookings: 1, revenue: { amount: 2000, currency: "PLN" } });
    const bookingApril = await analyticsFor(resolveRange({ from: "2031-04-20", to: "2031-04-20", basis: "booking" }));
    expect(bookingApril.totals).toMatchObject({ bookings: 0, revenue: { amount: 0, currency: "PLN" } });
    const bookingMarch13 = await analyticsFor(resolveRange({ from: "2031-03-13", to: "2031-03-13", basis: "booking" }));
    expect(bookingMarch13.totals).toMatchObject({ bookings: 2, revenue: { amount: 2000, currency: "PLN" } });
    const travelMarch13 = await analyticsFor(resolveRange({ from: "2031-03-13", to: "2031-03-13", basis: "travel" }));
    expect(travelMarch13.totals).toMatchObject({ bookings: 0, revenue: { amount: 0, currency: "PLN" } });

    // The week by travel date: every paid booking lands on its train's day, whenever it was paid
    // (8 March's and 1 March's too); the cancelled one and its refund on 10 March, its train's day.
    const week = await analyticsFor(resolveRange({ from: "2031-03-09", to: "2031-03-15", basis: "travel" }));
    expect(week.daily.slice(0, 4)).toEqual([
      { date: "2031-03-09", bookings: 0, revenueMinor: 0, cancellations: 0, refundsMinor: 0 },
      { date: "2031-03-10", bookings: 5, revenueMinor: 20000, cancellations: 1, refundsMinor: 2800 },
      { date: "2031-03-11", bookings: 2, revenueMinor: 4000, cancellations: 0, refundsMinor: 0 }, // the EUR one is a booking, not PLN revenue
      { date: "2031-03-12", bookings: 1, revenueMinor: 3500, cancellations: 0, refundsMinor: 0 },
    ]);
    expect(week.totals).toMatchObject({ bookings: 8, revenue: { amount: 27500, currency: "PLN" }, occupancy: (800 + 500) / (2000 + 1000) });
    // By booking date there is no occupancy (a seat is offered on a train's day, not a sale's).
    const sales = await analyticsFor(resolveRange({ from: "2031-03-09", to: "2031-03-15", basis: "booking" }));
    expect(sales.totals).toMatchObject({ bookings: 7, revenue: { amount: 24000, currency: "PLN" }, occupancy: null });
    expect(sales.occupancy).toEqual([]);
  });

  it("resolves the next N days from today in Warsaw, for travel dates only", () => {
    const next = analyticsRangeSchema.parse({ basis: "travel", next: "7" });
    expect(resolveRange(next, at("2031-03-31T23:30:00Z"))).toMatchObject({ from: "2031-04-01", to: "2031-04-07", days: 7, basis: "travel" });
    expect(analyticsRangeSchema.safeParse({ basis: "booking", next: "7" }).success).toBe(false);
    expect(analyticsRangeSchema.safeParse({ next: "30" }).success).toBe(false);
    expect(analyticsRangeSchema.safeParse({ basis: "sales" }).success).toBe(false);
    expect(analyticsRangeSchema.safeParse({ basis: "travel", next: "14" }).success).toBe(false);
  });
  // Runs last: it writes SalesDay and ServiceClassSeats rows in this file's own database.
  it("gives the same figures from the written sales days and seat counts as counted live, and counts open days live", async () => {
    const week = resolveRange({ from: "2031-03-09", to: "2031-03-15" });
    const live = await analyticsFor(week);
    // In the first hour of 14 March (Warsaw) the 13th may still gain a late commit: written up to the 12th.
    expect(lastClosedDay("Europe/Warsaw", at("2031-03-13T23:30:00Z"))).toBe("2031-03-12");
    const scope = { timeZone: "Europe/Warsaw", currency: "PLN" };
    const first = await rollUpSalesDays(db(), scope, at("2031-03-14T12:00:00Z"));
    // From the first sale (1 March) to 13 March; a second run has nothing left to write.
    expect(first).toEqual({ written: 13, through: "2031-03-13" });
    expect(await rollUpSalesDays(db(), scope, at("2031-03-14T12:30:00Z"))).toEqual({ written: 0, through: "2031-03-13" });
    const rows = await db().salesDay.findMany({ where: { day: { gte: at("2031-03-09T00:00:00Z"), lte: at("2031-03-13T00:00:00Z") } }, orderBy: { day: "asc" } });
    expect(rows.map((r) => r.bookings)).toEqual([2, 0, 3, 0, 2]);

    // A written day is read, not counted: a change to the written row shows (nothing real changes a closed day).
    await db().salesDay.update({ where: { timeZone_currency_day: { ...scope, day: at("2031-03-09T00:00:00Z") } }, data: { bookings: 99 } });
    expect((await dailyFigures(db(), week))[0]).toMatchObject({ date: "2031-03-09", bookings: 99 });
    await db().salesDay.update({ where: { timeZone_currency_day: { ...scope, day: at("2031-03-09T00:00:00Z") } }, data: { bookings: 2 } });
    expect((await analyticsFor(week)).daily).toEqual(live.daily);

    // Seat counts per class written for one service (as generateServices does) give the same offer as counting its seats.
    const d1 = await db().service.findFirstOrThrow({ where: { serviceDate: at("2031-03-10T00:00:00Z") } });
    await db().serviceClassSeats.createMany({ data: [{ serviceId: d1.id, classCode: "SECOND", seats: 4 }, { serviceId: d1.id, classCode: "FIRST", seats: 2 }] });
    expect((await analyticsFor(week)).occupancy).toEqual(live.occupancy);
    await db().serviceClassSeats.update({ where: { serviceId_classCode: { serviceId: d1.id, classCode: "FIRST" } }, data: { seats: 4 } });
    expect((await analyticsFor(week)).occupancy.find((o) => o.classCode === "FIRST")!.seatKmOffered).toBe(1000 + 500);
  });
});

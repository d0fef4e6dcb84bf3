// Cancelling: the refund the rules in force give (quoted before, paid on cancel), seats back on sale
// at once, and the booking's history. The tests price in EUR with their own class and rules, so
// rules other tests or the seed write for PLN cannot change these answers.
import { beforeAll, describe, expect, it } from "vitest";
import { POST as createBooking } from "@/app/api/v1/bookings/route";
import { POST as pay } from "@/app/api/v1/bookings/[pnr]/payment/route";
import { GET as quote, POST as cancel } from "@/app/api/v1/bookings/[pnr]/cancel/route";
import { db } from "@/lib/db";
import { apiUser, callRoute, daysAhead, ensureFare, eventsOf, newKey, type ApiUser } from "./helpers";
import { createNet, type Net } from "./network";

const CLASS = "EUROCLASS";
const FARE = { baseMinor: 1000, perKmMinor: 10, minMinor: 0 }; // 250 km: 3500
let rules: Record<string, string>;

beforeAll(async () => {
  await ensureFare(CLASS, FARE, "EUR");
  await db().refundRule.deleteMany({ where: { currency: "EUR" } });
  const make = (minHoursBefore: number, refundBasisPoints: number, feeMinor: number, validTo: Date | null = null) =>
    db().refundRule.create({ data: { minHoursBefore, refundBasisPoints, feeMinor, currency: "EUR", validFrom: new Date("2020-01-01"), validTo } });
  rules = {
    early: (await make(48, 9000, 200)).id,
    late: (await make(6, 5000, 100)).id,
    last: (await make(0, 0, 0)).id,
    // A rule that no longer applies: it would refund everything.
    retired: (await make(24, 10000, 0, new Date("2021-01-01"))).id,
  };
});

async function paidBooking(user: ApiUser, net: Net, passengers: number, payIt = true): Promise<string> {
  const held = await callRoute(createBooking, {
    method: "POST",
    path: "/api/v1/bookings",
    body: { serviceId: net.serviceId, from: net.codes[0], to: net.codes[2], class: CLASS, passengers: Array.from({ length: passengers }, (_, i) => ({ name: `P${i}`, age: 40 })) },
    headers: { ...user.auth, "idempotency-key": newKey() },
  });
  expect(held.status).toBe(201);
  const pnr = held.body.pnr as string;
  if (payIt) {
    const paid = await callRoute(pay, { method: "POST", path: "/x", params: { pnr }, body: { cardNumber: "4242424242424242" }, headers: { ...user.auth, "idempotency-key": newKey() } });
    expect(paid.status).toBe(200);
  }
  return pnr;
}

const quoteOf = (user: ApiUser, pnr: string) => callRoute(quote, { path: `/api/v1/bookings/${pnr}/cancel`, params: { pnr }, headers: user.auth });
const cancelOf = (user: ApiUser, pnr: string) => callRoute(cancel, { method: "POST", path: `/api/v1/bookings/${pnr}/cancel`, params: { pnr }, headers: user.auth });
const net = (departsAt: Date) => createNet({ departsAt, coaches: [{ label: "9", kind: "SEATED", classCode: CLASS, size: 4 }] });

describe("cancelling a booking", () => {
  it("refunds per passenger under the rule for the hours left, as quoted beforehand", async () => {
    const n = await net(daysAhead(5));
    const user = await apiUser();
    const pnr = await paidBooking(user, n, 2);

    const q = await quoteOf(user, pnr);
    expect(q.status).toBe(200);
    // 3500 each: floor(3500 * 0.9) - 200 = 2950, twice.
    expect(q.body).toMatchObject({ pnr, status: "CONFIRMED", cancellable: true, refund: { amount: 5900, currency: "EUR" }, reason: "PAID_FARE_RULE" });
    expect(q.body.rule).toEqual({ minHoursBefore: 48, refundBasisPoints: 9000, fee: { amount: 200, currency: "EUR" } });
    expect(q.body.hoursBeforeDeparture).toBeGreaterThan(48);

    const res = await cancelOf(user, pnr);
    expect(res.status).toBe(200);
    expect(res.body.refund).toEqual({ amount: 5900, currency: "EUR" });
    expect(res.body.booking).toMatchObject({ pnr, status: "CANCELLED" });
    expect(res.body.booking.passengers.map((p: { status: string }) => p.status)).toEqual(["CANCELLED", "CANCELLED"]);

    const refunds = await db().refund.findMany({ where: { booking: { pnr } } });
    expect(refunds).toEqual([expect.objectContaining({ amountMinor: 5900, currency: "EUR", ruleId: rules.early, reason: "PASSENGER_CANCELLED", createdById: user.id })]);
    expect(refunds[0]!.paymentId).not.toBeNull();
    expect((await eventsOf(pnr)).map((e) => [e.type, e.actorUserId])).toEqual([
      ["HELD", user.id],
      ["CONFIRMED", user.id],
      ["CANCELLED", user.id],
    ]);
    // One notice for the cancellation, carrying the refund (no separate refund notice: docs/decisions/014).
    const notices = await db().notification.findMany({ where: { booking: { pnr }, kind: { not: "BOOKING_CONFIRMED" } }, orderBy: { channel: "asc" } });
    expect(notices.map((n) => [n.kind, n.channel])).toEqual([["BOOKING_CANCELLED", "IN_APP"], ["BOOKING_CANCELLED", "EMAIL"]]);
    expect(notices[0]!.body).toBe("Your booking is cancelled and €59.00 is on its way back to your card.");
    expect(notices[0]!.data).toEqual({ pnr, refundMinor: 5900, currency: "EUR", refundId: refunds[0]!.id });
  });

  it("applies the late rule close to departure, and nothing at the very end", async () => {
    const user = await apiUser();
    const soon = await paidBooking(user, await net(new Date(Date.now() + 10 * 3_600_000)), 1);
    expect((await cancelOf(user, soon)).body.refund).toEqual({ amount: 1650, currency: "EUR" }); // floor(3500 * 0.5) - 100
    const imminent = await paidBooking(user, await net(new Date(Date.now() + 2 * 3_600_000)), 1);
    const q = await quoteOf(user, imminent);
    expect(q.body.refund.amount).toBe(0);
    expect(q.body.rule.minHoursBefore).toBe(0);
    expect((await cancelOf(user, imminent)).body.refund.amount).toBe(0);
    expect(await db().refund.count({ where: { booking: { pnr: imminent } } })).toBe(0);
  });

  it("cancels an unpaid hold with nothing to refund and puts its seats straight back on sale", async () => {
    const n = await net(daysAhead(5));
    const [user, next] = [await apiUser(), await apiUser()];
    const pnr = await paidBooking(user, n, 4, false); // every seat of the coach
    expect((await quoteOf(user, pnr)).body).toMatchObject({ refund: { amount: 0 }, reason: "NOT_PAID", cancellable: true });

    const res = await cancelOf(user, pnr);
    expect(res.status).toBe(200);
    expect(res.body.refund).toEqual({ amount: 0, currency: "EUR" });
    expect(await db().refund.count({ where: { booking: { pnr } } })).toBe(0);
    expect((await db().notification.findFirstOrThrow({ where: { booking: { pnr }, kind: "BOOKING_CANCELLED", channel: "IN_APP" } })).data).toEqual({
      pnr,
      refundMinor: 0,
      currency: "EUR",
      refundId: null,
    });
    // Released, not waiting for the hold to run out: the next passenger gets all four seats now.
    await paidBooking(next, n, 4, false);
  });

  it("refuses to cancel twice, and treats someone else's booking as not there", async () => {
    const n = await net(daysAhead(5));
    const [user, stranger] = [await apiUser(), await apiUser()];
    const pnr = await paidBooking(user, n, 1);
    expect((await cancelOf(stranger, pnr)).status).toBe(404);
    expect((await quoteOf(stranger, pnr)).status).toBe(404);
    expect((await cancelOf(user, pnr)).status).toBe(200);
    const again = await cancelOf(user, pnr);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("CONFLICT");
    expect(await db().refund.count({ where: { booking: { pnr } } })).toBe(1);
    expect((await quoteOf(user, pnr)).body).toMatchObject({ status: "CANCELLED", cancellable: false });
  });

  it("refunds everything paid when the operator has cancelled the train", async () => {
    const n = await net(new Date(Date.now() + 2 * 3_600_000));
    const user = await apiUser();
    const pnr = await paidBooking(user, n, 1);
    await db().service.update({ where: { id: n.serviceId }, data: { status: "CANCELLED" } });
    const res = await cancelOf(user, pnr);
    expect(res.body.refund).toEqual({ amount: 3500, currency: "EUR" });
    expect(await db().refund.findFirst({ where: { booking: { pnr } } })).toMatchObject({ reason: "SERVICE_CANCELLED", ruleId: null });
  });
});

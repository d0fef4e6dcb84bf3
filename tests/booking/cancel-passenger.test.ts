// Cancelling one passenger of a booking (issue 17): their fare refunded under the rules in force
// (per passenger, as a whole cancellation would), their seat back on sale at once, the others
// still travelling on the same PNR with the earlier tickets revoked; the last one left cancels the
// booking. Priced in SEK with its own class and rules, so other files' rules cannot change the answers.
import { beforeAll, describe, expect, it } from "vitest";
import { POST as createBooking } from "@/app/api/v1/bookings/route";
import { POST as pay } from "@/app/api/v1/bookings/[pnr]/payment/route";
import { GET as quote, POST as cancelOne } from "@/app/api/v1/bookings/[pnr]/passengers/[position]/cancel/route";
import { db } from "@/lib/db";
import { apiUser, callRoute, daysAhead, ensureFare, eventsOf, newKey, type ApiUser } from "./helpers";
import { createNet, type Net } from "./network";

const CURRENCY = "SEK";
const CLASS = "SEKCLASS"; // A -> C, 250 km: 1000 + 10 * 250 = 3500
const CARD = "4242424242424242";

beforeAll(async () => {
  await ensureFare(CLASS, { baseMinor: 1000, perKmMinor: 10, minMinor: 0 }, CURRENCY);
  await db().refundRule.deleteMany({ where: { currency: CURRENCY } });
  const from = new Date("2020-01-01");
  await db().refundRule.createMany({
    data: [
      { minHoursBefore: 48, refundBasisPoints: 9000, feeMinor: 200, currency: CURRENCY, validFrom: from },
      { minHoursBefore: 0, refundBasisPoints: 0, feeMinor: 0, currency: CURRENCY, validFrom: from },
    ],
  });
});

const net = () => createNet({ departsAt: daysAhead(5), coaches: [{ label: "7", kind: "SEATED", classCode: CLASS, size: 4 }] });

async function booking(user: ApiUser, n: Net, seats: number[], payIt = true): Promise<string> {
  const held = await callRoute(createBooking, {
    method: "POST",
    path: "/api/v1/bookings",
    body: { serviceId: n.serviceId, from: n.codes[0], to: n.codes[2], class: CLASS, passengers: seats.map((s, i) => ({ name: `Pasażer ${i + 1}`, age: 30, seatId: n.seat("7", s) })) },
    headers: { ...user.auth, "idempotency-key": newKey() },
  });
  expect(held.status).toBe(201);
  const pnr = held.body.pnr as string;
  if (payIt) {
    const paid = await callRoute(pay, { method: "POST", path: "/x", params: { pnr }, body: { cardNumber: CARD }, headers: { ...user.auth, "idempotency-key": newKey() } });
    expect(paid.status).toBe(200);
  }
  return pnr;
}

const path = (pnr: string, position: string | number) => `/api/v1/bookings/${pnr}/passengers/${position}/cancel`;
const quoteOf = (user: ApiUser, pnr: string, position: string | number) => callRoute(quote, { path: path(pnr, position), params: { pnr, position: String(position) }, headers: user.auth });
const cancelOf = (user: ApiUser, pnr: string, position: string | number) =>
  callRoute(cancelOne, { method: "POST", path: path(pnr, position), params: { pnr, position: String(position) }, headers: user.auth });

describe("cancelling one passenger", () => {
  it("refunds that passenger's fare under the rules, frees their seat and keeps the others travelling", async () => {
    const n = await net();
    const user = await apiUser();
    const pnr = await booking(user, n, [1, 2, 3]);

    const q = await quoteOf(user, pnr, 2);
    expect(q.status).toBe(200);
    // floor(3500 * 0.9) - 200 = 2950
    expect(q.body).toMatchObject({ pnr, position: 2, name: "Pasażer 2", cancellable: true, wholeBooking: false, refund: { amount: 2950, currency: CURRENCY }, fare: { amount: 3500 } });

    const res = await cancelOf(user, pnr, 2);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ passenger: { position: 2, name: "Pasażer 2" }, refund: { amount: 2950, currency: CURRENCY }, wholeBooking: false });
    expect(res.body.booking).toMatchObject({ pnr, status: "CONFIRMED", total: { amount: 7000 } });
    expect(res.body.booking.passengers.map((p: { status: string }) => p.status)).toEqual(["CONFIRMED", "CANCELLED", "CONFIRMED"]);

    const row = await db().booking.findUniqueOrThrow({ where: { pnr }, include: { passengers: { include: { allocations: { where: { releasedAt: null } } } } } });
    expect(row.ticketsRevokedAt).not.toBeNull();
    expect(row.passengers.map((p) => [p.position, p.allocations.length]).sort()).toEqual([[1, 1], [2, 0], [3, 1]]);
    expect(await db().refund.findMany({ where: { bookingId: row.id }, select: { amountMinor: true, reason: true } })).toEqual([{ amountMinor: 2950, reason: "PASSENGER_CANCELLED" }]);
    expect((await eventsOf(pnr)).map((e) => e.type)).toEqual(["HELD", "CONFIRMED", "PASSENGER_CANCELLED"]);
    expect(await db().notification.count({ where: { bookingId: row.id, kind: "PASSENGER_CANCELLED" } })).toBe(2); // in the app and by email

    // Their seat (and only theirs) is for sale again at once.
    const other = await apiUser();
    expect((await booking(other, n, [2], false)).length).toBe(10);
    const clash = await callRoute(createBooking, {
      method: "POST",
      path: "/api/v1/bookings",
      body: { serviceId: n.serviceId, from: n.codes[0], to: n.codes[2], class: CLASS, passengers: [{ name: "X", age: 30, seatId: n.seat("7", 3) }] },
      headers: { ...other.auth, "idempotency-key": newKey() },
    });
    expect(clash.status).toBe(409);
  });

  it("refuses twice, an unknown or malformed passenger number, and someone else's booking", async () => {
    const n = await net();
    const user = await apiUser();
    const pnr = await booking(user, n, [1, 2]);
    expect((await cancelOf(await apiUser(), pnr, 1)).status).toBe(404);
    expect((await cancelOf(user, pnr, 5)).status).toBe(404);
    const bad = await cancelOf(user, pnr, "x");
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("VALIDATION_FAILED");
    expect((await cancelOf(user, pnr, 9)).status).toBe(400);
    expect((await cancelOf(user, pnr, 1)).status).toBe(200);
    const again = await cancelOf(user, pnr, 1);
    expect(again.status).toBe(409);
    expect(await db().refund.count({ where: { booking: { pnr } } })).toBe(1);
  });

  it("cancels the whole booking with its last passenger", async () => {
    const n = await net();
    const user = await apiUser();
    const pnr = await booking(user, n, [1, 2]);
    expect((await cancelOf(user, pnr, 1)).body.wholeBooking).toBe(false);
    expect((await quoteOf(user, pnr, 2)).body.wholeBooking).toBe(true);
    const last = await cancelOf(user, pnr, 2);
    expect(last.status).toBe(200);
    expect(last.body).toMatchObject({ wholeBooking: true, refund: { amount: 2950 }, booking: { status: "CANCELLED" } });
    expect((await db().refund.findMany({ where: { booking: { pnr } } })).map((r) => r.amountMinor)).toEqual([2950, 2950]);
  });

  it("takes a passenger off an unpaid hold: nothing to refund, and the payment charges only the others", async () => {
    const n = await net();
    const user = await apiUser();
    const pnr = await booking(user, n, [1, 2], false);
    const res = await cancelOf(user, pnr, 1);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ refund: { amount: 0 }, booking: { status: "HELD", total: { amount: 3500 } } });
    const paid = await callRoute(pay, { method: "POST", path: "/x", params: { pnr }, body: { cardNumber: CARD }, headers: { ...user.auth, "idempotency-key": newKey() } });
    expect(paid.status).toBe(200);
    expect(paid.body.payment.amount).toBe(3500);
  });
});

// Exchanging a paid booking (issue 17, docs/decisions/027): the same PNR moves to another date,
// class or journey in one transaction; the difference is charged or refunded under the exchange
// rules in force; a full train, a declined card or a missing card change nothing; a race for the
// last seat of the new train leaves one exchange done and the other booking exactly as it was.
// Priced in DKK with its own classes and rules, so no other test file's rules change these answers.
import { beforeAll, describe, expect, it } from "vitest";
import { POST as createBooking } from "@/app/api/v1/bookings/route";
import { POST as pay } from "@/app/api/v1/bookings/[pnr]/payment/route";
import { POST as cancel } from "@/app/api/v1/bookings/[pnr]/cancel/route";
import { GET as quote, POST as exchange } from "@/app/api/v1/bookings/[pnr]/exchange/route";
import { db } from "@/lib/db";
import { priceExchange } from "@/lib/booking/exchange";
import { apiUser, callRoute, daysAhead, ensureFare, eventsOf, newKey, type ApiUser } from "./helpers";
import { anotherService, createNet, type Net } from "./network";

const CURRENCY = "DKK";
const SECOND = "XCHSECOND"; // A -> C, 250 km: 1000 + 10 * 250 = 3500; A -> B, 100 km: 2000
const FIRST = "XCHFIRST"; // A -> C: 2000 + 20 * 250 = 7000
const CARD = "4242424242424242";
const DECLINED = "4000000000000002";

beforeAll(async () => {
  await ensureFare(SECOND, { baseMinor: 1000, perKmMinor: 10, minMinor: 0 }, CURRENCY);
  await ensureFare(FIRST, { baseMinor: 2000, perKmMinor: 20, minMinor: 0 }, CURRENCY);
  await db().exchangeRule.deleteMany({ where: { currency: CURRENCY } });
  await db().refundRule.deleteMany({ where: { currency: CURRENCY } });
  const from = new Date("2020-01-01");
  await db().exchangeRule.createMany({
    data: [
      { minHoursBefore: 48, feeMinor: 0, currency: CURRENCY, validFrom: from },
      { minHoursBefore: 3, feeMinor: 300, currency: CURRENCY, validFrom: from },
      // Retired: it would make every change free.
      { minHoursBefore: 0, feeMinor: 0, currency: CURRENCY, validFrom: from, validTo: new Date("2021-01-01") },
    ],
  });
  await db().refundRule.create({ data: { minHoursBefore: 0, refundBasisPoints: 10_000, feeMinor: 0, currency: CURRENCY, validFrom: from } });
});

const coaches = (size = 4) => [
  { label: "2", kind: "SEATED" as const, classCode: SECOND, size },
  { label: "1", kind: "SEATED" as const, classCode: FIRST, size },
];

async function held(user: ApiUser, serviceId: string, codes: string[], passengers: number, klass = SECOND, to = codes[2]) {
  const res = await callRoute(createBooking, {
    method: "POST",
    path: "/api/v1/bookings",
    body: { serviceId, from: codes[0], to, class: klass, passengers: Array.from({ length: passengers }, (_, i) => ({ name: `P${i}`, age: 30 + i })) },
    headers: { ...user.auth, "idempotency-key": newKey() },
  });
  return res;
}

async function paidBooking(user: ApiUser, net: Net, passengers: number): Promise<string> {
  const res = await held(user, net.serviceId, net.codes, passengers);
  expect(res.status).toBe(201);
  const pnr = res.body.pnr as string;
  const paid = await callRoute(pay, { method: "POST", path: "/x", params: { pnr }, body: { cardNumber: CARD }, headers: { ...user.auth, "idempotency-key": newKey() } });
  expect(paid.status).toBe(200);
  return pnr;
}

const exchangeOf = (user: ApiUser, pnr: string, body: Record<string, unknown>, key = newKey()) =>
  callRoute(exchange, { method: "POST", path: `/api/v1/bookings/${pnr}/exchange`, params: { pnr }, body, headers: { ...user.auth, "idempotency-key": key } });

const quoteOf = (user: ApiUser, pnr: string, q: Record<string, string>) =>
  callRoute(quote, { path: `/api/v1/bookings/${pnr}/exchange?${new URLSearchParams(q)}`, params: { pnr }, headers: user.auth });

/** What the database says about a booking: where it is, its live seats, its money. */
async function stateOf(pnr: string) {
  const b = await db().booking.findUniqueOrThrow({
    where: { pnr },
    include: {
      passengers: { orderBy: { position: "asc" }, include: { allocations: { where: { releasedAt: null } } } },
      payments: { where: { status: "SUCCEEDED" }, orderBy: { createdAt: "asc" } },
      refunds: true,
    },
  });
  return {
    serviceId: b.serviceId,
    classCode: b.classCode,
    status: b.status,
    totalMinor: b.totalMinor,
    ticketsRevokedAt: b.ticketsRevokedAt,
    seats: b.passengers.flatMap((p) => p.allocations.map((a) => ({ serviceId: a.serviceId, seatId: a.serviceSeatId, expiresAt: a.expiresAt }))),
    fares: b.passengers.map((p) => p.fareMinor),
    paid: b.payments.map((p) => p.amountMinor),
    refunded: b.refunds.map((r) => [r.reason, r.amountMinor]),
  };
}

const liveOn = (serviceId: string) => db().seatAllocation.count({ where: { serviceId, releasedAt: null } });

describe("pricing an exchange", () => {
  it("credits the travelling passengers' fares as paid, adds the fee, and signs the difference", () => {
    expect(priceExchange({ paidMinor: 7000, fares: [3500, 3500], newFarePerPassenger: 7000, feePerPassenger: 300 })).toEqual({
      creditMinor: 7000, newFareMinor: 14_000, feeMinor: 600, differenceMinor: 7600,
    });
    expect(priceExchange({ paidMinor: 7000, fares: [3500, 3500], newFarePerPassenger: 2000, feePerPassenger: 0 }).differenceMinor).toBe(-3000);
    // A passenger cancelled earlier kept part of the money out of the booking: the credit never exceeds what is left paid.
    expect(priceExchange({ paidMinor: 3000, fares: [3500], newFarePerPassenger: 3500, feePerPassenger: 0 }).differenceMinor).toBe(500);
  });
});

describe("exchanging a booking", () => {
  it("moves the same PNR to another date: new seats taken, old ones on sale again, tickets revoked, nothing charged", async () => {
    const net = await createNet({ departsAt: daysAhead(5), coaches: coaches() });
    const later = await anotherService(net, daysAhead(6));
    const user = await apiUser();
    const pnr = await paidBooking(user, net, 2);
    const before = await stateOf(pnr);

    const q = await quoteOf(user, pnr, { serviceId: later.serviceId, from: net.codes[0], to: net.codes[2], class: SECOND });
    expect(q.status).toBe(200);
    expect(q.body).toMatchObject({ exchangeable: true, refusal: null, cardNeeded: false, rule: { minHoursBefore: 48, fee: { amount: 0 } } });
    expect(q.body.price.difference).toEqual({ amount: 0, currency: CURRENCY });

    const res = await exchangeOf(user, pnr, { serviceId: later.serviceId, from: net.codes[0], to: net.codes[2], class: SECOND });
    expect(res.status).toBe(200);
    expect(res.body.booking).toMatchObject({ pnr, status: "CONFIRMED", serviceId: later.serviceId });
    expect(res.body).toMatchObject({ payment: null, refund: null, price: { difference: { amount: 0 }, credit: { amount: 7000 }, newFare: { amount: 7000 } } });

    const after = await stateOf(pnr);
    expect(after.serviceId).toBe(later.serviceId);
    expect(after.seats).toHaveLength(2);
    expect(after.seats.every((s) => s.serviceId === later.serviceId && s.expiresAt === null)).toBe(true);
    expect(after.paid).toEqual(before.paid);
    expect(after.ticketsRevokedAt).not.toBeNull();
    expect(await liveOn(net.serviceId)).toBe(0);
    // The old train's seats are for sale again: someone else takes the whole coach.
    expect((await held(await apiUser(), net.serviceId, net.codes, 4)).status).toBe(201);

    const events = await eventsOf(pnr);
    expect(events.map((e) => e.type)).toEqual(["HELD", "CONFIRMED", "EXCHANGED"]);
    expect(events[2]!.data).toMatchObject({ differenceMinor: 0, feeMinor: 0, from: { serviceId: net.serviceId }, to: { serviceId: later.serviceId } });
    const notice = await db().notification.findFirstOrThrow({ where: { booking: { pnr }, kind: "BOOKING_EXCHANGED", channel: "IN_APP" } });
    expect(notice.title).toBe(`Booking ${pnr} changed`);
  });

  it("charges a dearer class's difference to the card, and changes nothing without one or when it is declined", async () => {
    const net = await createNet({ departsAt: daysAhead(5), coaches: coaches() });
    const user = await apiUser();
    const pnr = await paidBooking(user, net, 1);
    const before = await stateOf(pnr);
    const target = { serviceId: net.serviceId, from: net.codes[0], to: net.codes[2], class: FIRST };

    expect((await quoteOf(user, pnr, target)).body).toMatchObject({ cardNeeded: true, price: { difference: { amount: 3500 } } });
    const noCard = await exchangeOf(user, pnr, target);
    expect(noCard.status).toBe(400);
    expect(noCard.body.error.details.fieldErrors.cardNumber[0]).toMatch(/costs .*35\.00.* more/);
    const declined = await exchangeOf(user, pnr, { ...target, cardNumber: DECLINED });
    expect(declined.status).toBe(402);
    expect(await stateOf(pnr)).toEqual(before);

    const res = await exchangeOf(user, pnr, { ...target, cardNumber: CARD });
    expect(res.status).toBe(200);
    expect(res.body.payment).toMatchObject({ amount: 3500, currency: CURRENCY, cardLast4: "4242" });
    const after = await stateOf(pnr);
    expect(after).toMatchObject({ classCode: FIRST, totalMinor: 7000, fares: [7000], paid: [3500, 3500] });

    // Cancelling it now pays back both payments (the fare and the difference), each to its charge.
    const cancelled = await callRoute(cancel, { method: "POST", path: "/x", params: { pnr }, headers: user.auth });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.refund).toEqual({ amount: 7000, currency: CURRENCY });
    const refunds = await db().refund.findMany({ where: { booking: { pnr } }, orderBy: { amountMinor: "asc" } });
    expect(refunds.map((r) => r.amountMinor)).toEqual([3500, 3500]);
    expect(new Set(refunds.map((r) => r.paymentId)).size).toBe(2);
  });

  it("refunds a cheaper journey's difference, less the fee close to departure", async () => {
    const net = await createNet({ departsAt: new Date(Date.now() + 10 * 3_600_000), coaches: coaches() });
    const user = await apiUser();
    const pnr = await paidBooking(user, net, 2);
    // A -> B instead of A -> C: 2000 each; fee 300 each (3 to 48 hours ahead): 7000 - 4000 - 600 = 2400 back.
    const res = await exchangeOf(user, pnr, { serviceId: net.serviceId, from: net.codes[0], to: net.codes[1], class: SECOND });
    expect(res.status).toBe(200);
    expect(res.body.price).toMatchObject({ fee: { amount: 600 }, difference: { amount: -2400 } });
    expect(res.body.refund).toEqual({ amount: 2400, currency: CURRENCY });
    expect((await stateOf(pnr)).refunded).toEqual([["EXCHANGE_DIFFERENCE", 2400]]);
    expect(res.body.booking).toMatchObject({ to: net.codes[1], total: { amount: 4000 } });
  });

  it("refuses too close to departure, the journey already booked, someone else's booking and an unpaid one", async () => {
    const soon = await createNet({ departsAt: new Date(Date.now() + 2 * 3_600_000), coaches: coaches() });
    const user = await apiUser();
    const pnr = await paidBooking(user, soon, 1);
    const target = { serviceId: soon.serviceId, from: soon.codes[0], to: soon.codes[2], class: FIRST, cardNumber: CARD };
    const q = await quoteOf(user, pnr, { serviceId: soon.serviceId, from: soon.codes[0], to: soon.codes[2], class: FIRST });
    expect(q.body).toMatchObject({ exchangeable: false, refusal: { code: "NOT_EXCHANGEABLE" }, price: null });
    const late = await exchangeOf(user, pnr, target);
    expect(late.status).toBe(409);
    expect(late.body.error).toMatchObject({ code: "NOT_EXCHANGEABLE", details: { reason: "TOO_LATE" } });

    const net = await createNet({ departsAt: daysAhead(5), coaches: coaches() });
    const mine = await paidBooking(user, net, 1);
    const same = await exchangeOf(user, mine, { serviceId: net.serviceId, from: net.codes[0], to: net.codes[2], class: SECOND });
    expect(same.status).toBe(400);
    expect((await exchangeOf(await apiUser(), mine, { serviceId: net.serviceId, from: net.codes[0], to: net.codes[1], class: SECOND })).status).toBe(404);
    const unpaid = (await held(user, net.serviceId, net.codes, 1)).body.pnr as string;
    const refused = await exchangeOf(user, unpaid, { serviceId: net.serviceId, from: net.codes[0], to: net.codes[1], class: SECOND });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("CONFLICT");
    const noKey = await callRoute(exchange, { method: "POST", path: "/x", params: { pnr: mine }, body: { serviceId: net.serviceId, from: net.codes[0], to: net.codes[1], class: SECOND }, headers: user.auth });
    expect(noKey.status).toBe(400);
    expect(noKey.body.error.code).toBe("IDEMPOTENCY_KEY_REQUIRED");
  });

  it("replays a repeated request instead of exchanging twice, and refuses its key for another request", async () => {
    const net = await createNet({ departsAt: daysAhead(5), coaches: coaches() });
    const later = await anotherService(net, daysAhead(7));
    const user = await apiUser();
    const pnr = await paidBooking(user, net, 1);
    const key = newKey();
    const body = { serviceId: later.serviceId, from: net.codes[0], to: net.codes[2], class: FIRST, cardNumber: CARD };
    const first = await exchangeOf(user, pnr, body, key);
    expect(first.status).toBe(200);
    const again = await exchangeOf(user, pnr, body, key);
    expect(again.status).toBe(200);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body).toEqual(first.body);
    expect((await stateOf(pnr)).paid).toEqual([3500, 3500]);
    expect((await eventsOf(pnr)).filter((e) => e.type === "EXCHANGED")).toHaveLength(1);
    const other = await exchangeOf(user, pnr, { ...body, class: SECOND }, key);
    expect(other.status).toBe(422);
  });

  it("gives the last seat of the new train to one of two racing exchanges; the other booking stays exactly as it was", async () => {
    const net = await createNet({ departsAt: daysAhead(5), coaches: coaches() });
    const target = await anotherService(net, daysAhead(6));
    // Three of the target's four second-class seats are sold.
    const filler = await held(await apiUser(), target.serviceId, net.codes, 3);
    expect(filler.status).toBe(201);
    const [ala, olek] = [await apiUser(), await apiUser()];
    const pnrs = [await paidBooking(ala, net, 1), await paidBooking(olek, net, 1)];
    const before = await Promise.all(pnrs.map(stateOf));
    const body = { serviceId: target.serviceId, from: net.codes[0], to: net.codes[2], class: SECOND };

    const results = await Promise.all([exchangeOf(ala, pnrs[0]!, body), exchangeOf(olek, pnrs[1]!, body)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = results.findIndex((r) => r.status === 409);
    expect(results[loser]!.body.error.code).toBe("SOLD_OUT");
    // The loser still has its seat on the first train, paid as before, and nothing was charged or refunded.
    expect(await stateOf(pnrs[loser]!)).toEqual(before[loser]);
    expect((await eventsOf(pnrs[loser]!)).map((e) => e.type)).toEqual(["HELD", "CONFIRMED"]);
    // Four seats live on the target (no seat twice), one left on the first train.
    expect(await liveOn(target.serviceId)).toBe(4);
    expect(await liveOn(net.serviceId)).toBe(1);
    const taken = await db().seatAllocation.findMany({ where: { serviceId: target.serviceId, releasedAt: null }, select: { serviceSeatId: true } });
    expect(new Set(taken.map((t) => t.serviceSeatId)).size).toBe(4);
  });

  it("races an exchange against a new hold for the last seat: never both", async () => {
    for (let round = 0; round < 3; round++) {
      const net = await createNet({ departsAt: daysAhead(5), coaches: coaches(4) });
      const target = await anotherService(net, daysAhead(6));
      expect((await held(await apiUser(), target.serviceId, net.codes, 3)).status).toBe(201);
      const [mover, buyer] = [await apiUser(), await apiUser()];
      const pnr = await paidBooking(mover, net, 1);
      const [moved, bought] = await Promise.all([
        exchangeOf(mover, pnr, { serviceId: target.serviceId, from: net.codes[0], to: net.codes[2], class: SECOND }),
        held(buyer, target.serviceId, net.codes, 1),
      ]);
      // Exactly one of the two got the seat; the other was refused for want of it.
      expect([moved.status === 200, bought.status === 201].filter(Boolean)).toHaveLength(1);
      expect(moved.status === 200 ? bought.body.error.code : moved.body.error.code).toBe("SOLD_OUT");
      expect(await liveOn(target.serviceId)).toBe(4);
      expect((await stateOf(pnr)).seats).toHaveLength(1);
    }
  });
});

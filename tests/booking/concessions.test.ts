// Concession fares (issue 15 part 4, docs/decisions/041): each passenger priced on the server by the
// concession they travel on (chosen, or by age), stored as charged, refunded from what was charged.
// Priced in NOK with a class and refund rule of its own, and with concessions of this file's own
// codes, so other files' prices cannot change the answers. The age-band concession is for ages
// 103-104, which no other test books: an automatic one would reduce every matching passenger.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as createBooking, GET as listBookings } from "@/app/api/v1/bookings/route";
import { GET as getBooking } from "@/app/api/v1/bookings/[pnr]/route";
import { POST as pay } from "@/app/api/v1/bookings/[pnr]/payment/route";
import { POST as cancel } from "@/app/api/v1/bookings/[pnr]/cancel/route";
import { POST as verify } from "@/app/api/v1/tickets/verify/route";
import { POST as exchange } from "@/app/api/v1/bookings/[pnr]/exchange/route";
import { db } from "@/lib/db";
import { changeConcessionDiscount } from "@/lib/admin/network/concessions";
import { concessionFor, discountedFare, type ConcessionTerms } from "@/lib/fares/concession-terms";
import { concessionsOnSale } from "@/lib/fares/concessions";
import { priceExchange } from "@/lib/booking/exchange";
import { uniqueSuffix } from "../helpers/factories";
import { apiUser, callRoute, daysAhead, ensureFare, newKey, type ApiUser } from "./helpers";
import { createNet } from "./network";

const CURRENCY = "NOK";
const CLASS = "NOKCLASS"; // A -> C, 250 km: 1000 + 10 * 250 = 3500
const FULL = 3500;
const CARD = "4242424242424242";
const s = uniqueSuffix().slice(0, 6).toUpperCase();
const STUDENT = `STU_${s}`;
const BAND = `BAND_${s}`;
const INACTIVE = `OFF_${s}`;

beforeAll(async () => {
  await ensureFare(CLASS, { baseMinor: 1000, perKmMinor: 10, minMinor: 0 }, CURRENCY);
  await db().refundRule.deleteMany({ where: { currency: CURRENCY } });
  await db().refundRule.create({ data: { minHoursBefore: 0, refundBasisPoints: 10_000, feeMinor: 0, currency: CURRENCY, validFrom: new Date("2020-01-01") } });
  const from = new Date("2020-01-01");
  await db().exchangeRule.deleteMany({ where: { currency: CURRENCY } });
  await db().exchangeRule.create({ data: { minHoursBefore: 0, feeMinor: 0, currency: CURRENCY, validFrom: from } });
  await db().concession.createMany({
    data: [
      { code: STUDENT, name: "Test student", proof: "student ID (legitymacja studencka)", maxAge: 25 },
      { code: BAND, name: "Test age band", proof: "proof of age", automatic: true, minAge: 103, maxAge: 104 },
      { code: INACTIVE, name: "Withdrawn", active: false },
    ],
  });
  await db().concessionDiscount.createMany({
    data: [
      { concessionCode: STUDENT, discountBasisPoints: 5100, validFrom: from },
      { concessionCode: BAND, discountBasisPoints: 3700, validFrom: from },
      { concessionCode: INACTIVE, discountBasisPoints: 9000, validFrom: from },
    ],
  });
});

afterAll(async () => {
  await db().concession.updateMany({ where: { code: BAND }, data: { active: false } });
});

const net = () => createNet({ departsAt: daysAhead(6), coaches: [{ label: "7", kind: "SEATED", classCode: CLASS, size: 8 }] });

async function hold(user: ApiUser, passengers: { name: string; age: number; concession?: string }[], n?: Awaited<ReturnType<typeof net>>) {
  n ??= await net();
  return callRoute(createBooking, {
    method: "POST",
    path: "/api/v1/bookings",
    body: { serviceId: n.serviceId, from: n.codes[0], to: n.codes[2], class: CLASS, passengers },
    headers: { ...user.auth, "idempotency-key": newKey() },
  });
}

const family = [
  { name: "Anna Nowak", age: 40 },
  { name: "Piotr Nowak", age: 41 },
  { name: "Staś Nowak", age: 103 },
  { name: "Ola Nowak", age: 20, concession: STUDENT },
];

describe("concession pricing, pure", () => {
  it("takes the discount off in whole minor units, half up", () => {
    expect(discountedFare(3500, 5100)).toBe(1715);
    expect(discountedFare(3500, 3700)).toBe(2205);
    expect(discountedFare(1001, 5000)).toBe(500); // 500.5 off rounds to 501
    expect(discountedFare(3500, 10_000)).toBe(0);
    expect(() => discountedFare(3500, 10_001)).toThrow(RangeError);
  });

  it("uses the chosen concession, else the best automatic one for the age, never both", () => {
    const terms = (code: string, bp: number, extra: Partial<ConcessionTerms> = {}): ConcessionTerms => ({ code, name: code, proof: null, automatic: false, minAge: null, maxAge: null, discountBasisPoints: bp, ...extra });
    const list = [terms("CHILD", 3700, { automatic: true, maxAge: 15 }), terms("STUDENT", 5100, { maxAge: 25 }), terms("FAMILY", 3700)];
    expect(concessionFor(list, { age: 8 })).toEqual({ ok: true, concession: list[0] });
    expect(concessionFor(list, { age: 30 })).toEqual({ ok: true, concession: null });
    expect(concessionFor(list, { age: 8, concession: "FAMILY" })).toEqual({ ok: true, concession: list[2] });
    expect(concessionFor(list, { age: 30, concession: "STUDENT" })).toEqual({ ok: false, message: "STUDENT is for passengers aged under 26." });
    expect(concessionFor(list, { age: 30, concession: "NOPE" }).ok).toBe(false);
  });
});

describe("exchanging a booking with concessions", () => {
  it("prices the new journey with each passenger's discount as charged", () => {
    // An adult and a student (51 %) who paid 3500 + 1715 move to a 5000 journey: 5000 + 2450.
    const price = priceExchange({ paidMinor: 5215, fares: [3500, 1715], newFarePerPassenger: 5000, feePerPassenger: 0, discounts: [0, 5100] });
    expect(price).toEqual({ creditMinor: 5215, newFareMinor: 7450, feeMinor: 0, differenceMinor: 2235 });
  });
});

describe("exchanging a booking with concessions, over the API", () => {
  it("keeps each passenger's concession on the new journey and refunds the difference from what was charged", async () => {
    const user = await apiUser();
    const n = await net();
    const held = await hold(user, [{ name: "Jan", age: 40 }, { name: "Ola", age: 20, concession: STUDENT }], n);
    const pnr = held.body.pnr as string;
    await callRoute(pay, { method: "POST", path: "/x", params: { pnr }, body: { cardNumber: CARD }, headers: { ...user.auth, "idempotency-key": newKey() } });
    // A -> B is 100 km: 1000 + 10 * 100 = 2000 full, 980 for the student.
    const moved = await callRoute(exchange, {
      method: "POST", path: `/api/v1/bookings/${pnr}/exchange`, params: { pnr },
      body: { serviceId: n.serviceId, from: n.codes[0], to: n.codes[1], class: CLASS }, headers: { ...user.auth, "idempotency-key": newKey() },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.price.newFare.amount).toBe(2980);
    expect(moved.body.refund).toEqual({ amount: FULL + 1715 - 2980, currency: CURRENCY });
    expect(moved.body.booking.passengers.map((p: { fare: { amount: number }; concession: { code: string } | null }) => [p.fare.amount, p.concession?.code ?? null])).toEqual([
      [2000, null],
      [980, STUDENT],
    ]);
    expect(moved.body.booking.total.amount).toBe(2980);
  });
});

describe("booking with concessions", () => {
  it("prices two adults, a child by age band and a student each on the server, and stores what was charged", async () => {
    const user = await apiUser();
    const held = await hold(user, family);
    expect(held.status).toBe(201);
    const fares = held.body.passengers.map((p: { fare: { amount: number } }) => p.fare.amount);
    expect(fares).toEqual([FULL, FULL, 2205, 1715]);
    expect(held.body.total.amount).toBe(FULL * 2 + 2205 + 1715);
    expect(held.body.passengers.map((p: { concession: { code: string } | null }) => p.concession?.code ?? null)).toEqual([null, null, BAND, STUDENT]);
    expect(held.body.passengers[3].concession).toEqual({ code: STUDENT, name: "Test student", proof: "student ID (legitymacja studencka)", discountBasisPoints: 5100 });
    expect(held.body.passengers[3].fullFare.amount).toBe(FULL);

    // What the database holds agrees with the answer built from the transaction.
    const got = await callRoute(getBooking, { path: `/api/v1/bookings/${held.body.pnr}`, params: { pnr: held.body.pnr }, headers: user.auth });
    expect(got.body.passengers).toEqual(held.body.passengers);
    expect(got.body.total).toEqual(held.body.total);
    const rows = await db().bookingPassenger.findMany({ where: { booking: { pnr: held.body.pnr } }, orderBy: { position: "asc" } });
    expect(rows.map((r) => [r.fareMinor, r.fullFareMinor, r.concessionCode, r.discountBasisPoints])).toEqual([
      [FULL, FULL, null, 0],
      [FULL, FULL, null, 0],
      [2205, FULL, BAND, 3700],
      [1715, FULL, STUDENT, 5100],
    ]);
  });

  it("lists the concessions on sale with their discounts in force, not the withdrawn one", async () => {
    const list = await concessionsOnSale(db());
    expect(list.find((c) => c.code === STUDENT)?.discountBasisPoints).toBe(5100);
    expect(list.some((c) => c.code === INACTIVE)).toBe(false);
  });

  it.each([
    ["an unknown concession", { name: "Ewa", age: 30, concession: "NO_SUCH_ONE" }, "That concession is not offered. Choose one from the list, or none."],
    ["a withdrawn concession", { name: "Ewa", age: 30, concession: INACTIVE }, "That concession is not offered. Choose one from the list, or none."],
    ["a student concession for a 30-year-old", { name: "Ewa", age: 30, concession: STUDENT }, "Test student is for passengers aged under 26."],
  ])("refuses %s with a 400 next to that passenger and writes nothing", async (_, passenger, message) => {
    const user = await apiUser();
    const answer = await hold(user, [{ name: "Jan", age: 40 }, passenger]);
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe("VALIDATION_FAILED");
    expect(answer.body.error.details.fieldErrors).toEqual({ "passengers.1.concession": [message] });
    expect(await db().booking.count({ where: { userId: user.id } })).toBe(0);
    const listed = await callRoute(listBookings, { path: "/api/v1/bookings", headers: user.auth });
    expect(listed.body.bookings).toEqual([]);
  });

  it("keeps a sold booking's fares and refunds what was charged after the discount is edited", async () => {
    const user = await apiUser();
    const held = await hold(user, [{ name: "Ola", age: 20, concession: STUDENT }]);
    expect(held.status).toBe(201);
    const pnr = held.body.pnr as string;
    expect(held.body.total.amount).toBe(1715);
    const paid = await callRoute(pay, { method: "POST", path: "/x", params: { pnr }, body: { cardNumber: CARD }, headers: { ...user.auth, "idempotency-key": newKey() } });
    expect(paid.status).toBe(200);
    expect(paid.body.payment.amount).toBe(1715);

    const change = await changeConcessionDiscount({ concessionCode: STUDENT, discount: 2000 });
    expect(change.changed).toBe(true);
    try {
      const got = await callRoute(getBooking, { path: `/api/v1/bookings/${pnr}`, params: { pnr }, headers: user.auth });
      expect(got.body.total.amount).toBe(1715);
      expect(got.body.passengers[0].fare.amount).toBe(1715);
      expect(got.body.passengers[0].concession.discountBasisPoints).toBe(5100);

      // A new booking is priced by the new discount: 3500 - 700.
      const later = await hold(await apiUser(), [{ name: "Ala", age: 21, concession: STUDENT }]);
      expect(later.body.passengers[0].fare.amount).toBe(2800);

      const cancelled = await callRoute(cancel, { method: "POST", path: `/api/v1/bookings/${pnr}/cancel`, params: { pnr }, headers: user.auth });
      expect(cancelled.status).toBe(200);
      expect(cancelled.body.refund).toEqual({ amount: 1715, currency: CURRENCY });
      const refunds = await db().refund.findMany({ where: { booking: { pnr } } });
      expect(refunds.map((r) => r.amountMinor)).toEqual([1715]);
    } finally {
      await changeConcessionDiscount({ concessionCode: STUDENT, discount: 5100 });
    }
  });

  it("shows the conductor each passenger's concession and the proof to ask for, as sold", async () => {
    const user = await apiUser();
    const n = await net();
    const held = await hold(user, [{ name: "Jan", age: 40 }, { name: "Ola", age: 20, concession: STUDENT }], n);
    const pnr = held.body.pnr as string;
    await callRoute(pay, { method: "POST", path: "/x", params: { pnr }, body: { cardNumber: CARD }, headers: { ...user.auth, "idempotency-key": newKey() } });
    const conductor = await apiUser("CONDUCTOR");
    const checked = await callRoute(verify, { method: "POST", path: "/api/v1/tickets/verify", body: { serviceId: n.serviceId, pnr }, headers: { ...conductor.auth, "idempotency-key": newKey() } });
    expect(checked.status).toBe(200);
    expect(checked.body.outcome).toBe("ACCEPTED");
    expect(checked.body.ticket.passengers.map((p: { name: string; concession: unknown }) => [p.name, p.concession])).toEqual([
      ["Jan", null],
      ["Ola", { name: "Test student", proof: "student ID (legitymacja studencka)" }],
    ]);
  });
});

// The operator's bookings desk: finding a booking by PNR, e-mail or train and date, reading its
// whole story, and cancelling it for the passenger with the rules' refund or a full one, recorded
// as the admin's doing.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { adminBookingDetail, searchBookings } from "@/lib/admin/booking-lookup";
import { cancelOnBehalf, GOODWILL_REFUND } from "@/lib/admin/cancel-on-behalf";
import { apiUser } from "../booking/helpers";
import { adminActor, book, bookingByPnr, countingProvider, liveAllocations, opsNet, OPS_CURRENCY } from "./fixtures";

/** Each test books through the real API several times; the shared 2-core machine can be slow. */
const SLOW_TEST_MS = 120_000;

let earlyRule: string;

beforeAll(async () => {
  // Only this file writes CHF refund rules (each run has a fresh database, so they are not there
  // yet): 80% less 1.00 from 48 hours out, nothing later. Not deleted afterwards or before, since
  // refunds made by the other operations files may point at them.
  const make = (minHoursBefore: number, refundBasisPoints: number, feeMinor: number) =>
    db().refundRule.create({ data: { minHoursBefore, refundBasisPoints, feeMinor, currency: OPS_CURRENCY, validFrom: new Date("2020-01-01") } });
  earlyRule = (await make(48, 8000, 100)).id;
  await make(0, 0, 0);
});

describe("cancelling on a passenger's behalf", () => {
  it("refunds by the rules by default, recorded as the admin's act on the passenger's behalf", async () => {
    const net = await opsNet();
    const passenger = await apiUser();
    const pnr = await book(passenger, net);
    const admin = await adminActor();
    const id = (await bookingByPnr(pnr)).id;

    const before = await adminBookingDetail(pnr);
    expect(before?.cancelQuote).toMatchObject({ cancellable: true, byRules: { amount: 2700, currency: OPS_CURRENCY }, full: { amount: 3500 }, reason: "PAID_FARE_RULE" });

    const result = await cancelOnBehalf(admin, { pnr, fullRefund: false, reason: "Asked at the ticket office", expectedRefundMinor: 2700 }, countingProvider());
    expect(result).toMatchObject({ refund: { amount: 2700, currency: OPS_CURRENCY }, fullRefund: false, booking: { pnr, status: "CANCELLED" } });
    expect((await bookingByPnr(pnr)).refunds).toEqual([expect.objectContaining({ amountMinor: 2700, createdById: admin.userId, ruleId: earlyRule, reason: "PASSENGER_CANCELLED" })]);
    const cancelled = await db().bookingEvent.findFirstOrThrow({ where: { bookingId: id, type: "CANCELLED" } });
    expect(cancelled).toMatchObject({ actorRole: "ADMIN", actorUserId: admin.userId });
    expect(cancelled.data).toMatchObject({ onBehalfOf: passenger.id, operatorReason: "Asked at the ticket office", refundMinor: 2700 });
    const notice = await db().notification.findFirstOrThrow({ where: { bookingId: id, kind: "BOOKING_CANCELLED" } });
    expect(notice.userId).toBe(passenger.id);
    expect(notice.title).toContain("by RailBook staff");
    expect(await liveAllocations(net.serviceId)).toBe(0);

    const after = await adminBookingDetail(pnr);
    expect(after?.cancelQuote.cancellable).toBe(false);
    expect(after?.events.map((e) => [e.type, e.actor?.id ?? null])).toEqual([
      ["HELD", passenger.id],
      ["CONFIRMED", passenger.id],
      ["CANCELLED", admin.userId],
    ]);
    expect(after?.refunds).toEqual([expect.objectContaining({ amount: { amount: 2700, currency: OPS_CURRENCY }, createdBy: expect.objectContaining({ id: admin.userId }) })]);
    expect(after?.payments).toEqual([expect.objectContaining({ status: "SUCCEEDED", amount: { amount: 3500, currency: OPS_CURRENCY }, cardLast4: "4242" })]);
  }, SLOW_TEST_MS);

  it("gives everything back when the operator chooses a full refund, and says so in the event", async () => {
    const net = await opsNet();
    const passenger = await apiUser();
    const pnr = await book(passenger, net, { passengers: 2 });
    const admin = await adminActor();

    const result = await cancelOnBehalf(admin, { pnr, fullRefund: true, expectedRefundMinor: 7000 }, countingProvider());
    expect(result.refund).toEqual({ amount: 7000, currency: OPS_CURRENCY });
    expect((await bookingByPnr(pnr)).refunds).toEqual([expect.objectContaining({ amountMinor: 7000, reason: GOODWILL_REFUND, ruleId: null, createdById: admin.userId })]);
    const event = await db().bookingEvent.findFirstOrThrow({ where: { booking: { pnr }, type: "CANCELLED" } });
    expect(event.data).toMatchObject({ fullRefund: true, refundMinor: 7000, ruleRefundMinor: 5400 });
  }, SLOW_TEST_MS);

  it("changes nothing when the refund moved since it was shown, or the booking is already cancelled", async () => {
    const net = await opsNet();
    const passenger = await apiUser();
    const pnr = await book(passenger, net);
    const admin = await adminActor();

    const stale = await cancelOnBehalf(admin, { pnr, fullRefund: false, expectedRefundMinor: 3400 }, countingProvider()).catch((e: unknown) => e);
    expect(isAppError(stale) && stale.code).toBe("CONFLICT");
    expect(isAppError(stale) && stale.message).toMatch(/now CHF\s27\.00, not CHF\s34\.00/);
    expect((await bookingByPnr(pnr)).status).toBe("CONFIRMED");

    await cancelOnBehalf(admin, { pnr, fullRefund: false }, countingProvider());
    const twice = await cancelOnBehalf(admin, { pnr, fullRefund: true }, countingProvider()).catch((e: unknown) => e);
    expect(isAppError(twice) && twice.code).toBe("CONFLICT");
    expect((await bookingByPnr(pnr)).refunds).toHaveLength(1);
  }, SLOW_TEST_MS);
});

describe("finding bookings", () => {
  it("finds a booking by PNR, by the owner's e-mail and by train number and service date", async () => {
    const net = await opsNet();
    const [owner, other] = [await apiUser(), await apiUser()];
    const pnr = await book(owner, net, { passengers: 2 });
    const otherPnr = await book(other, net, { to: 1, pay: false });
    const email = (await db().user.findUniqueOrThrow({ where: { id: owner.id } })).email;
    const train = await db().train.findUniqueOrThrow({ where: { id: net.trainId } });
    const date = net.departsAt.toISOString().slice(0, 10);

    const byPnr = await searchBookings({ q: pnr.toLowerCase(), page: 1 });
    expect(byPnr.bookings).toEqual([
      expect.objectContaining({ pnr, status: "CONFIRMED", passengers: 2, owner: expect.objectContaining({ id: owner.id, email }), total: { amount: 7000, currency: OPS_CURRENCY } }),
    ]);
    expect((await searchBookings({ q: email.toUpperCase(), page: 1 })).bookings.map((b) => b.pnr)).toEqual([pnr]);
    const byTrain = await searchBookings({ train: train.number.toLowerCase(), date, page: 1 });
    expect(byTrain.bookings.map((b) => b.pnr).sort()).toEqual([pnr, otherPnr].sort());
    expect(byTrain.bookings.find((b) => b.pnr === otherPnr)).toMatchObject({ status: "HELD", train: { number: train.number }, serviceDate: date });
    expect((await searchBookings({ train: train.number, date: "2001-01-01", page: 1 })).total).toBe(0);
    expect(await adminBookingDetail("NOTAPNR")).toBeNull();
  }, SLOW_TEST_MS);
});

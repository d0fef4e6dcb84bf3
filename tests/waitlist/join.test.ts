// Joining the waiting list: only when sold out and asked to, a place in the queue by arrival, paid
// up front like a hold, expiring like a hold when left unpaid, and refunded in full when given up.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET as waitlistInfo } from "@/app/api/v1/services/[serviceId]/waitlist/route";
import { GET as refundQuote } from "@/app/api/v1/bookings/[pnr]/cancel/route";
import { db } from "@/lib/db";
import { apiUser, callRoute, daysAhead, eventsOf, lapseHold } from "../booking/helpers";
import { cancelOf, confirmed, ensureWaitlistPricing, payFor, post, runSweep, statusOf, touched, view, waiting, wlNet, WL_CLASS, WL_CURRENCY, DECLINED_CARD } from "./fixtures";
import { checkTouched } from "./invariants";
import type { Net } from "../booking/network";

beforeAll(async () => {
  await ensureWaitlistPricing();
  // A rule that would refund only half: a waiting-list place must be refunded in full anyway.
  await db().refundRule.deleteMany({ where: { currency: WL_CURRENCY } });
  await db().refundRule.create({ data: { minHoursBefore: 0, refundBasisPoints: 5000, feeMinor: 0, currency: WL_CURRENCY, validFrom: new Date("2020-01-01") } });
});
afterEach(() => checkTouched(touched));

const info = (net: Net) =>
  callRoute(waitlistInfo, {
    path: `/api/v1/services/${net.serviceId}/waitlist?${new URLSearchParams({ from: net.codes[0], to: net.codes[2], class: WL_CLASS })}`,
    params: { serviceId: net.serviceId },
  });

describe("joining the waiting list", () => {
  it("stays 409 SOLD_OUT without the flag (saying a waiting list is open), and joins in order with it", async () => {
    const net = await wlNet({ seats: 2 });
    await confirmed(net, { passengers: 2 });

    const late = await apiUser();
    const refused = await post(late, net);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: "SOLD_OUT", details: { available: 0, waitlistAvailable: true } });
    expect((await info(net)).body).toEqual({ waiting: 0, available: 0, open: true });

    const joined = await post(late, net, { passengers: 2, joinWaitlist: true });
    expect(joined.status).toBe(201);
    expect(joined.body).toMatchObject({ status: "WAITLISTED", waitlistPosition: 1, total: { amount: 7000, currency: WL_CURRENCY }, confirmedAt: null });
    expect(Date.parse(joined.body.holdExpiresAt)).toBeGreaterThan(Date.now() + 5 * 60_000); // the window to pay
    expect(joined.body.passengers.map((p: { status: string; seatId: string | null }) => [p.status, p.seatId])).toEqual([["WAITLISTED", null], ["WAITLISTED", null]]);

    const second = await waiting(net);
    expect(second.position).toBe(2);
    expect((await info(net)).body).toEqual({ waiting: 2, available: 0, open: true });
    expect((await view(late, joined.body.pnr)).body).toMatchObject({ status: "WAITLISTED", waitlistPosition: 1 });
    expect((await view(second.user, second.pnr)).body).toMatchObject({ status: "WAITLISTED", waitlistPosition: 2 });
    expect((await eventsOf(joined.body.pnr)).map((e) => e.type)).toEqual(["WAITLISTED"]);
  });

  it("holds seats as usual when they are free, and refuses to wait for chosen seats", async () => {
    const net = await wlNet({ seats: 2 });
    const user = await apiUser();
    const held = await post(user, net, { joinWaitlist: true });
    expect(held.status).toBe(201);
    expect(held.body).toMatchObject({ status: "HELD", waitlistPosition: null });
    const chosen = await post(user, net, { seats: [2], joinWaitlist: true });
    expect(chosen.status).toBe(400);
    expect(chosen.body.error.details.fieldErrors.joinWaitlist).toEqual(["The waiting list chooses seats for you: remove the chosen seats to join it."]);
  });

  it("is closed once the chart is due: SOLD_OUT says so and the flag does not help", async () => {
    const net = await wlNet({ seats: 1, departsAt: new Date(Date.now() + 3 * 3_600_000) }); // chart due 4 h before
    await confirmed(net);
    const user = await apiUser();
    for (const joinWaitlist of [false, true]) {
      const res = await post(user, net, { joinWaitlist });
      expect(res.status).toBe(409);
      expect(res.body.error.details).toEqual({ available: 0, waitlistAvailable: false });
    }
    expect((await info(net)).body).toEqual({ waiting: 0, available: 0, open: false });
  });
});

describe("paying for a waiting-list place", () => {
  it("records the payment, stays WAITLISTED and cannot be paid twice; a declined card changes nothing", async () => {
    const net = await wlNet({ seats: 1 });
    await confirmed(net);
    const place = await waiting(net, {}, { pay: false });

    const declined = await payFor(place.user, place.pnr, DECLINED_CARD);
    expect(declined.status).toBe(402);
    // Told in the app and by email, as a held booking's passenger is, in words that fit a waiting place.
    const notices = await db().notification.findMany({ where: { booking: { pnr: place.pnr } }, orderBy: { channel: "asc" } });
    expect(notices.map((n) => [n.kind, n.channel])).toEqual([["PAYMENT_FAILED", "IN_APP"], ["PAYMENT_FAILED", "EMAIL"]]);
    expect(notices[0]!.data).toMatchObject({ pnr: place.pnr, failureCode: "card_declined", waitlisted: true });
    expect(notices[0]!.body).toMatch(/nothing was charged.*waiting-list place.*payment deadline.*another card/i);
    expect(notices[0]!.body).not.toMatch(/seats stay held/);
    const paid = await payFor(place.user, place.pnr);
    expect(paid.status).toBe(200);
    expect(paid.body.payment).toMatchObject({ status: "SUCCEEDED", amount: 3500, currency: WL_CURRENCY });
    expect(paid.body.booking).toMatchObject({ status: "WAITLISTED", holdExpiresAt: null, waitlistPosition: 1 });
    expect((await eventsOf(place.pnr)).map((e) => e.type)).toEqual(["WAITLISTED", "PAYMENT_DECLINED", "WAITLIST_PAID"]);

    const again = await payFor(place.user, place.pnr);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("CONFLICT");
    expect(await db().payment.count({ where: { booking: { pnr: place.pnr }, status: "SUCCEEDED" } })).toBe(1);
  });

  it("expires an unpaid place when its window passes: EXPIRED at once, out of the queue, recorded by the sweeper", async () => {
    const net = await wlNet({ seats: 1 });
    await confirmed(net);
    const unpaid = await waiting(net, {}, { pay: false });
    const behind = await waiting(net);
    expect(behind.position).toBe(2);
    await lapseHold(unpaid.pnr);

    expect((await view(unpaid.user, unpaid.pnr)).body).toMatchObject({ status: "EXPIRED", waitlistPosition: null });
    expect((await view(behind.user, behind.pnr)).body.waitlistPosition).toBe(1); // before any sweep
    const late = await payFor(unpaid.user, unpaid.pnr);
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe("HOLD_EXPIRED");
    expect((await cancelOf(unpaid.user, unpaid.pnr)).body.error.code).toBe("HOLD_EXPIRED");

    await runSweep();
    expect(await statusOf(unpaid.pnr)).toEqual({ status: "EXPIRED", entry: "CANCELLED", seats: [] });
    expect((await eventsOf(unpaid.pnr)).map((e) => [e.type, e.actorRole])).toEqual([["WAITLISTED", "PASSENGER"], ["EXPIRED", "SYSTEM"]]);
    expect(await db().payment.count({ where: { booking: { pnr: unpaid.pnr } } })).toBe(0);
  });
});

describe("giving up a waiting-list place", () => {
  it("refunds everything paid, whatever the refund rules say, and moves everyone behind up", async () => {
    const net = await wlNet({ seats: 1, departsAt: daysAhead(3) });
    await confirmed(net);
    const first = await waiting(net, { passengers: 2 });
    const second = await waiting(net);

    const quote = await callRoute(refundQuote, { path: "/x", params: { pnr: first.pnr }, headers: first.user.auth });
    expect(quote.body).toMatchObject({ status: "WAITLISTED", cancellable: true, refund: { amount: 7000, currency: WL_CURRENCY }, reason: "WAITLISTED" });

    const res = await cancelOf(first.user, first.pnr);
    expect(res.status).toBe(200);
    expect(res.body.refund).toEqual({ amount: 7000, currency: WL_CURRENCY });
    expect(res.body.booking).toMatchObject({ status: "CANCELLED", waitlistPosition: null });
    expect(await statusOf(first.pnr)).toEqual({ status: "CANCELLED", entry: "CANCELLED", seats: [] });
    expect(await db().refund.findMany({ where: { booking: { pnr: first.pnr } }, select: { amountMinor: true, reason: true } })).toEqual([
      { amountMinor: 7000, reason: "WAITLIST_CANCELLED" },
    ]);
    expect((await view(second.user, second.pnr)).body.waitlistPosition).toBe(1);

    // An unpaid place gives up with nothing to refund.
    const unpaid = await waiting(net, {}, { pay: false });
    expect((await cancelOf(unpaid.user, unpaid.pnr)).body.refund).toEqual({ amount: 0, currency: WL_CURRENCY });
  });
});

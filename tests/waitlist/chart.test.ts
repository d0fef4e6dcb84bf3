// Chart preparation, CHART_HOURS_BEFORE (4) hours before departure: the waiting list closes, a last
// promotion serves seats that came free, and every booking still waiting is cancelled with a full
// refund and told so. The cron route may run as often and as concurrently as the scheduler likes.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as prepareChartsRoute } from "@/app/api/cron/prepare-charts/route";
import { db } from "@/lib/db";
import { chartDueAt, waitlistOpen } from "@/lib/booking/waitlist/queue";
import { apiUser, callRoute, eventsOf, lapseHold } from "../booking/helpers";
import type { Net } from "../booking/network";
import { confirmed, ensureWaitlistPricing, post, runCharts, statusOf, touched, waiting, wlNet, WL_CURRENCY } from "./fixtures";
import { checkTouched } from "./invariants";

beforeAll(ensureWaitlistPricing);
afterEach(() => {
  delete process.env.CRON_SECRET;
  delete process.env.CHART_HOURS_BEFORE;
  return checkTouched(touched);
});

/** Time passes: the train now leaves in `hours` hours. */
async function leavesIn(net: Net, hours: number): Promise<void> {
  await db().service.update({ where: { id: net.serviceId }, data: { departsAt: new Date(Date.now() + hours * 3_600_000) } });
}

const refundsOf = (pnr: string) => db().refund.findMany({ where: { booking: { pnr } }, select: { amountMinor: true, currency: true, reason: true, createdById: true } });
const noticesOf = (pnr: string) => db().notification.count({ where: { booking: { pnr }, kind: "WAITLIST_NOT_CONFIRMED", channel: "IN_APP" } });

describe("preparing the chart", () => {
  it("cancels whoever still waits with a full refund and a notice, once, and closes the list", async () => {
    const net = await wlNet({ seats: 1 });
    const booked = await confirmed(net);
    const paid = await waiting(net, { passengers: 2 });
    const unpaid = await waiting(net, {}, { pay: false });
    await leavesIn(net, 3);

    const run = await runCharts();
    expect(run.services).toBeGreaterThanOrEqual(1);
    const service = await db().service.findUniqueOrThrow({ where: { id: net.serviceId } });
    expect(service.chartPreparedAt).not.toBeNull();

    expect(await statusOf(paid.pnr)).toEqual({ status: "CANCELLED", entry: "CANCELLED", seats: [] });
    expect(await refundsOf(paid.pnr)).toEqual([{ amountMinor: 7000, currency: WL_CURRENCY, reason: "WAITLIST_NOT_CONFIRMED", createdById: null }]);
    expect(await noticesOf(paid.pnr)).toBe(1);
    // The refund is told in that notice, with its Refund row; nothing else is sent about it.
    const refund = await db().refund.findFirstOrThrow({ where: { booking: { pnr: paid.pnr } } });
    expect(await db().notification.findMany({ where: { booking: { pnr: paid.pnr } }, select: { kind: true, data: true } })).toEqual([
      { kind: "WAITLIST_NOT_CONFIRMED", data: { pnr: paid.pnr, refundMinor: 7000, currency: WL_CURRENCY, refundId: refund.id } },
      { kind: "WAITLIST_NOT_CONFIRMED", data: { pnr: paid.pnr, refundMinor: 7000, currency: WL_CURRENCY, refundId: refund.id } },
    ]);
    expect((await eventsOf(paid.pnr)).map((e) => [e.type, e.actorRole])).toEqual([
      ["WAITLISTED", "PASSENGER"],
      ["WAITLIST_PAID", "PASSENGER"],
      ["WAITLIST_NOT_CONFIRMED", "SYSTEM"],
      ["CANCELLED", "SYSTEM"],
    ]);
    expect(await statusOf(unpaid.pnr)).toMatchObject({ status: "CANCELLED", entry: "CANCELLED" });
    expect(await refundsOf(unpaid.pnr)).toEqual([]);
    expect(await noticesOf(unpaid.pnr)).toBe(1);
    expect((await statusOf(booked.pnr)).status).toBe("CONFIRMED");

    // Run again: nothing more happens to anyone.
    await runCharts();
    expect((await db().service.findUniqueOrThrow({ where: { id: net.serviceId } })).chartPreparedAt).toEqual(service.chartPreparedAt);
    expect(await refundsOf(paid.pnr)).toHaveLength(1);
    expect(await noticesOf(paid.pnr)).toBe(1);
    expect(await db().bookingEvent.count({ where: { booking: { pnr: paid.pnr } } })).toBe(4);

    // And the list is closed: a sold-out class can no longer be waited for.
    const late = await post(await apiUser(), net, { joinWaitlist: true });
    expect(late.status).toBe(409);
    expect(late.body.error.details).toEqual({ available: 0, waitlistAvailable: false });
  });

  it("first gives seats that came free to whoever waits for them", async () => {
    const net = await wlNet({ seats: 1 });
    const hold = await post(await apiUser(), net);
    const waiter = await waiting(net);
    const behind = await waiting(net);
    await lapseHold(hold.body.pnr);
    await leavesIn(net, 3);

    const run = await runCharts();
    expect(run.promoted).toBeGreaterThanOrEqual(1);
    expect(await statusOf(waiter.pnr)).toMatchObject({ status: "CONFIRMED", entry: "PROMOTED" });
    expect(await statusOf(behind.pnr)).toMatchObject({ status: "CANCELLED", entry: "CANCELLED" });
    expect(await refundsOf(waiter.pnr)).toEqual([]);
  });

  it("refunds each booking once when two runs race", async () => {
    const net = await wlNet({ seats: 1 });
    await confirmed(net);
    const waiters = [await waiting(net), await waiting(net), await waiting(net, { passengers: 3 })];
    await leavesIn(net, 2);

    await Promise.all([runCharts(), runCharts()]);
    for (const w of waiters) {
      expect((await statusOf(w.pnr)).status).toBe("CANCELLED");
      expect(await refundsOf(w.pnr)).toHaveLength(1);
      expect(await noticesOf(w.pnr)).toBe(1);
    }
    expect(await db().refund.aggregate({ where: { booking: { serviceId: net.serviceId } }, _sum: { amountMinor: true } })).toEqual({ _sum: { amountMinor: 3500 * 5 } });
  });

  it("leaves services whose chart is not yet due alone", async () => {
    const net = await wlNet({ seats: 1 });
    await confirmed(net);
    const waiter = await waiting(net);
    await leavesIn(net, 5);
    await runCharts();
    expect((await db().service.findUniqueOrThrow({ where: { id: net.serviceId } })).chartPreparedAt).toBeNull();
    expect((await statusOf(waiter.pnr)).status).toBe("WAITLISTED");
  });

  it("answers the scheduler's secret when CRON_SECRET is set, and nobody else", async () => {
    process.env.CRON_SECRET = "chart-secret-for-tests-0123456789";
    const call = (headers: Record<string, string>) => callRoute(prepareChartsRoute, { method: "POST", path: "/api/cron/prepare-charts", headers });
    const ok = await call({ authorization: "Bearer chart-secret-for-tests-0123456789" });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ services: expect.any(Number), promoted: expect.any(Number), notConfirmed: expect.any(Number), refunded: expect.any(Array) });
    expect((await call({ authorization: "Bearer nope" })).status).toBe(401);
    expect((await call((await apiUser("ADMIN")).auth)).status).toBe(401);
  });
});

describe("the chart time", () => {
  it("is CHART_HOURS_BEFORE hours before the origin departure, 4 unless configured", () => {
    const departsAt = new Date("2030-06-01T12:00:00Z");
    const service = { status: "SCHEDULED" as const, chartPreparedAt: null, departsAt };
    expect(chartDueAt(departsAt)).toEqual(new Date("2030-06-01T08:00:00Z"));
    expect(waitlistOpen(service, new Date("2030-06-01T07:59:59Z"))).toBe(true);
    expect(waitlistOpen(service, new Date("2030-06-01T08:00:00Z"))).toBe(false);
    process.env.CHART_HOURS_BEFORE = "6";
    expect(chartDueAt(departsAt)).toEqual(new Date("2030-06-01T06:00:00Z"));
    expect(waitlistOpen(service, new Date("2030-06-01T07:00:00Z"))).toBe(false);
    expect(waitlistOpen({ ...service, chartPreparedAt: new Date("2030-05-01T00:00:00Z") }, new Date("2030-05-02T00:00:00Z"))).toBe(false);
    expect(waitlistOpen({ ...service, status: "CANCELLED" }, new Date("2030-05-02T00:00:00Z"))).toBe(false);
  });
});

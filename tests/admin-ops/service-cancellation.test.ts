// Cancelling a service: every live booking is cancelled with a full refund by the admin, seats are
// released, passengers are told; running it again, or twice at once, refunds nothing twice; a run
// stopped half-way is finished by the next one; a departed train is refused.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { cancelService } from "@/lib/admin/schedule-cancellation";
import { apiUser, lapseHold } from "../booking/helpers";
import { adminActor, book, bookingByPnr, cancelAsPassenger, countingProvider, departNow, liveAllocations, opsNet, OPS_CURRENCY } from "./fixtures";

/** Each test books through the real API several times; the shared 2-core machine can be slow. */
const SLOW_TEST_MS = 120_000;

describe("cancelling a service", () => {
  it("cancels every live booking with a full refund recorded as the admin's, releases the seats and tells each passenger", async () => {
    const net = await opsNet();
    const [ala, bartek, celina, dawid, ewa] = await Promise.all([apiUser(), apiUser(), apiUser(), apiUser(), apiUser()]);
    const paid = [await book(ala, net, { passengers: 2 }), await book(bartek, net, { to: 1 }), await book(celina, net, { from: 1 })];
    const held = await book(dawid, net, { pay: false });
    const selfCancelled = await book(ewa, net);
    await cancelAsPassenger(ewa, selfCancelled);
    const refundedBefore = (await bookingByPnr(selfCancelled)).refunds;
    const lapsed = await book(dawid, net, { pay: false });
    await lapseHold(lapsed);
    const admin = await adminActor();
    const provider = countingProvider();

    const result = await cancelService(admin, { serviceId: net.serviceId, reason: "Storm damage to the line" }, provider, { batchSize: 2 });

    // 3500 * 2 + 2000 + 2500, all of it, whatever the refund rules would have kept.
    expect(result).toMatchObject({ alreadyCancelled: false, cancelledBookings: 4, refunded: [{ amountMinor: 11500, currency: OPS_CURRENCY }], batches: 3, complete: true });
    expect(await db().service.findUniqueOrThrow({ where: { id: net.serviceId } })).toMatchObject({ status: "CANCELLED" });
    const changes = await db().scheduleChange.findMany({ where: { serviceId: net.serviceId } });
    expect(changes).toEqual([expect.objectContaining({ kind: "CANCELLATION", reason: "Storm damage to the line", createdById: admin.userId })]);

    for (const pnr of paid) {
      const b = await bookingByPnr(pnr);
      expect(b.status).toBe("CANCELLED");
      expect(b.passengers.every((p) => p.status === "CANCELLED")).toBe(true);
      expect(b.refunds).toEqual([expect.objectContaining({ amountMinor: b.totalMinor, reason: "SERVICE_CANCELLED", createdById: admin.userId, ruleId: null })]);
      const events = await db().bookingEvent.findMany({ where: { bookingId: b.id, type: { in: ["SCHEDULE_CANCELLED", "CANCELLED"] } } });
      expect(events.map((e) => [e.type, e.actorRole, e.actorUserId]).sort()).toEqual([
        ["CANCELLED", "ADMIN", admin.userId],
        ["SCHEDULE_CANCELLED", "ADMIN", admin.userId],
      ]);
    }
    expect((await bookingByPnr(held)).status).toBe("CANCELLED");
    expect((await bookingByPnr(held)).refunds).toEqual([]);
    expect((await bookingByPnr(selfCancelled)).refunds).toEqual(refundedBefore);
    expect((await bookingByPnr(lapsed)).status).toBe("HELD"); // the sweeper's to expire; its seat is free already
    expect(await liveAllocations(net.serviceId)).toBe(0);

    const notices = await db().notification.findMany({ where: { kind: "SERVICE_CANCELLED", channel: "IN_APP", booking: { serviceId: net.serviceId } } });
    expect(notices.map((n) => n.userId).sort()).toEqual([ala.id, bartek.id, celina.id, dawid.id].sort());
    const alaNotice = notices.find((n) => n.userId === ala.id)!;
    expect(alaNotice.body).toMatch(/A full refund of CHF\s70\.00 is on its way/);
    expect(alaNotice.body).toContain("Storm damage");
    // One refund per paid booking; a retried transaction may ask again, but only with the booking's own key.
    const asked = new Map(provider.requests.map((r) => [r.idempotencyKey, r.amountMinor]));
    expect([...asked.values()].sort((a, b) => a - b)).toEqual([2000, 2500, 7000]);

  }, SLOW_TEST_MS);

  it("refunds nothing twice when run again", async () => {
    const net = await opsNet();
    const passenger = await apiUser();
    await book(passenger, net);
    await book(passenger, net, { to: 1 });
    const admin = await adminActor();
    const first = await cancelService(admin, { serviceId: net.serviceId, reason: "Strike" }, countingProvider());
    expect(first.cancelledBookings).toBe(2);

    const provider = countingProvider();
    const again = await cancelService(admin, { serviceId: net.serviceId, reason: "Strike" }, provider);
    expect(again).toMatchObject({ alreadyCancelled: true, scheduleChangeId: first.scheduleChangeId, cancelledBookings: 0, refunded: [], complete: true });
    expect(provider.requests).toEqual([]);
    expect(await db().refund.count({ where: { booking: { serviceId: net.serviceId } } })).toBe(2);
    expect(await db().scheduleChange.count({ where: { serviceId: net.serviceId } })).toBe(1);
  }, SLOW_TEST_MS);

  it("lets two simultaneous runs share the work: each booking is cancelled and refunded exactly once", async () => {
    const net = await opsNet({ seats: 16 });
    const passengers = await Promise.all(Array.from({ length: 7 }, () => apiUser()));
    const pnrs = [];
    for (const p of passengers) pnrs.push(await book(p, net));
    const [one, two] = [await adminActor(), await adminActor()];
    const provider = countingProvider();

    const runs = await Promise.all([
      cancelService(one, { serviceId: net.serviceId, reason: "Flooding" }, provider, { batchSize: 3 }),
      cancelService(two, { serviceId: net.serviceId, reason: "Flooding" }, provider, { batchSize: 3 }),
    ]);

    expect(runs.map((r) => r.cancelledBookings).reduce((a, b) => a + b)).toBe(7);
    expect(runs.filter((r) => r.alreadyCancelled)).toHaveLength(1);
    expect(runs.every((r) => r.complete)).toBe(true);
    expect(await db().scheduleChange.count({ where: { serviceId: net.serviceId } })).toBe(1);
    const refunds = await db().refund.findMany({ where: { booking: { serviceId: net.serviceId } } });
    expect(refunds).toHaveLength(7);
    expect(new Set(refunds.map((r) => r.bookingId)).size).toBe(7);
    expect(refunds.reduce((sum, r) => sum + r.amountMinor, 0)).toBe(7 * 3500);
    // A retried transaction may ask the provider again, but always with the booking's one key.
    expect(new Set(provider.requests.map((r) => r.idempotencyKey)).size).toBe(7);
    expect(await db().bookingEvent.count({ where: { type: "CANCELLED", booking: { serviceId: net.serviceId } } })).toBe(7);
    expect(await db().notification.count({ where: { kind: "SERVICE_CANCELLED", channel: "IN_APP", booking: { serviceId: net.serviceId } } })).toBe(7);
  }, SLOW_TEST_MS);

  it("finishes on the next run what a run stopped after its first batch left", async () => {
    const net = await opsNet();
    const passenger = await apiUser();
    for (let i = 0; i < 5; i++) await book(passenger, net, { to: 1 });
    const admin = await adminActor();

    const partial = await cancelService(admin, { serviceId: net.serviceId, reason: "Derailment" }, countingProvider(), { batchSize: 2, maxBatches: 1 });
    expect(partial).toMatchObject({ cancelledBookings: 2, complete: false });
    expect(await db().booking.count({ where: { serviceId: net.serviceId, status: "CONFIRMED" } })).toBe(3);

    const rest = await cancelService(admin, { serviceId: net.serviceId, reason: "Derailment" }, countingProvider(), { batchSize: 2 });
    expect(rest).toMatchObject({ alreadyCancelled: true, cancelledBookings: 3, complete: true, refunded: [{ amountMinor: 6000, currency: OPS_CURRENCY }] });
    expect(await db().booking.count({ where: { serviceId: net.serviceId, status: { not: "CANCELLED" } } })).toBe(0);
    expect(await db().refund.count({ where: { booking: { serviceId: net.serviceId } } })).toBe(5);
  }, SLOW_TEST_MS);

  it("leaves lapsed holds and lapsed waiting-list places to the sweeper, and still finishes", async () => {
    const net = await opsNet();
    const passenger = await apiUser();
    const live = await book(passenger, net, { pay: false });
    const lapsedHold = await book(passenger, net, { pay: false });
    await lapseHold(lapsedHold);
    const lapsedPlace = await book(passenger, net, { to: 1, pay: false });
    await lapseHold(lapsedPlace);
    await db().booking.update({ where: { pnr: lapsedPlace }, data: { status: "WAITLISTED" } });

    const result = await cancelService(await adminActor(), { serviceId: net.serviceId, reason: "Snow" }, countingProvider(), { batchSize: 1 });
    expect(result).toMatchObject({ cancelledBookings: 1, complete: true });
    expect((await bookingByPnr(live)).status).toBe("CANCELLED");
    expect((await bookingByPnr(lapsedHold)).status).toBe("HELD");
    expect((await bookingByPnr(lapsedPlace)).status).toBe("WAITLISTED");
  }, SLOW_TEST_MS);

  it("refuses a train that has already left", async () => {
    const net = await opsNet();
    const passenger = await apiUser();
    const pnr = await book(passenger, net);
    await departNow(net.serviceId);
    const error = await cancelService(await adminActor(), { serviceId: net.serviceId, reason: "Too late" }, countingProvider()).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe("CONFLICT");
    expect((await bookingByPnr(pnr)).status).toBe("CONFIRMED");
    expect((await db().service.findUniqueOrThrow({ where: { id: net.serviceId } })).status).toBe("SCHEDULED");
  }, SLOW_TEST_MS);
});

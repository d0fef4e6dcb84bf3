// Delays and platform changes: the service and its ScheduleChange are updated, and every affected
// live booking gets one event (the admin as actor) and its owner one in-app notice, in the same
// transaction. Cancelled bookings and lapsed holds are left alone; departed trains are refused.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { changePlatform, delayService } from "@/lib/admin/schedule-changes";
import { apiUser, lapseHold } from "../booking/helpers";
import { adminActor, book, cancelAsPassenger, departNow, opsNet } from "./fixtures";

/** Each test books through the real API several times; the shared 2-core machine can be slow. */
const SLOW_TEST_MS = 120_000;

async function rejection(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!isAppError(error)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

const notices = (serviceId: string, kind: string) =>
  db().notification.findMany({ where: { kind, channel: "IN_APP", booking: { serviceId } }, select: { userId: true, bookingId: true, channel: true, title: true, body: true } });

describe("delaying a service", () => {
  it("marks it delayed and tells each affected booking's owner once, leaving cancelled bookings and lapsed holds alone", async () => {
    const net = await opsNet();
    const [ola, piotr, zofia, lapsed] = await Promise.all([apiUser(), apiUser(), apiUser(), apiUser()]);
    const olaPaid = await book(ola, net);
    const olaHeld = await book(ola, net, { from: 1, pay: false });
    const piotrPaid = await book(piotr, net, { to: 1, passengers: 2 });
    const zofiaCancelled = await book(zofia, net);
    await cancelAsPassenger(zofia, zofiaCancelled);
    const lapsedHold = await book(lapsed, net, { pay: false });
    await lapseHold(lapsedHold);
    const admin = await adminActor();

    const result = await delayService(admin, { serviceId: net.serviceId, delayMinutes: 25, reason: "Signal failure near Stacja B" });

    expect(result).toMatchObject({ kind: "DELAY", affectedBookings: 3, service: { status: "DELAYED", delayMinutes: 25 } });
    expect(await db().service.findUniqueOrThrow({ where: { id: net.serviceId } })).toMatchObject({ status: "DELAYED", delayMinutes: 25 });
    const change = await db().scheduleChange.findUniqueOrThrow({ where: { id: result.scheduleChangeId } });
    expect(change).toMatchObject({ serviceId: net.serviceId, kind: "DELAY", delayMinutes: 25, reason: "Signal failure near Stacja B", createdById: admin.userId });

    const events = await db().bookingEvent.findMany({ where: { type: "SCHEDULE_DELAY", booking: { serviceId: net.serviceId } }, include: { booking: true } });
    expect(events.map((e) => e.booking.pnr).sort()).toEqual([olaPaid, olaHeld, piotrPaid].sort());
    for (const e of events) {
      expect(e).toMatchObject({ actorRole: "ADMIN", actorUserId: admin.userId });
      expect(e.data).toMatchObject({ scheduleChangeId: change.id, delayMinutes: 25, previousDelayMinutes: 0 });
    }

    const sent = await notices(net.serviceId, "SCHEDULE_DELAY");
    expect(sent).toHaveLength(3);
    expect(sent.filter((n) => n.userId === ola.id)).toHaveLength(2); // one per booking of hers
    expect(sent.filter((n) => n.userId === piotr.id)).toHaveLength(1);
    expect(sent.some((n) => n.userId === zofia.id || n.userId === lapsed.id)).toBe(false);
    expect(new Set(sent.map((n) => n.bookingId)).size).toBe(3);
    expect(sent.every((n) => n.channel === "IN_APP" && n.title.includes("25 min late") && n.body.includes("Signal failure"))).toBe(true);
    // The same notices wait in the outbox for the e-mail worker, written by the same transaction.
    const emails = await db().notification.findMany({ where: { kind: "SCHEDULE_DELAY", channel: "EMAIL", booking: { serviceId: net.serviceId } } });
    expect(emails.map((e) => [e.bookingId, e.status]).sort()).toEqual(sent.map((n) => [n.bookingId, "PENDING"]).sort());
  }, SLOW_TEST_MS);

  it("puts the train back on time with 0 minutes, and refuses to announce the same delay twice", async () => {
    const net = await opsNet();
    const passenger = await apiUser();
    await book(passenger, net);
    const admin = await adminActor();
    await delayService(admin, { serviceId: net.serviceId, delayMinutes: 10 });

    const again = await rejection(delayService(admin, { serviceId: net.serviceId, delayMinutes: 10 }));
    expect(again.code).toBe("VALIDATION_FAILED");
    expect(again.details).toEqual({ fieldErrors: { delayMinutes: ["The delay is already 10 minutes."] } });

    const back = await delayService(admin, { serviceId: net.serviceId, delayMinutes: 0, reason: undefined });
    expect(back.service).toEqual({ status: "SCHEDULED", delayMinutes: 0 });
    const titles = (await notices(net.serviceId, "SCHEDULE_DELAY")).map((n) => n.title).sort();
    expect(titles).toEqual([expect.stringContaining("back on time"), expect.stringContaining("10 min late")]);
    expect(await db().scheduleChange.count({ where: { serviceId: net.serviceId } })).toBe(2);
  }, SLOW_TEST_MS);

  it("refuses a train that has departed, and one that is cancelled, changing nothing", async () => {
    const gone = await opsNet();
    const passenger = await apiUser();
    await book(passenger, gone);
    await departNow(gone.serviceId);
    const admin = await adminActor();

    const departed = await rejection(delayService(admin, { serviceId: gone.serviceId, delayMinutes: 5 }));
    expect(departed.code).toBe("CONFLICT");
    expect(departed.message).toMatch(/left at \d\d:\d\d .*can no longer be changed/);
    expect(await db().scheduleChange.count({ where: { serviceId: gone.serviceId } })).toBe(0);
    expect(await db().bookingEvent.count({ where: { type: "SCHEDULE_DELAY", booking: { serviceId: gone.serviceId } } })).toBe(0);

    const cancelled = await opsNet();
    await db().service.update({ where: { id: cancelled.serviceId }, data: { status: "CANCELLED" } });
    const refused = await rejection(changePlatform(admin, { serviceId: cancelled.serviceId, stationId: "x", platform: "4" }));
    expect(refused.message).toMatch(/is cancelled/);
  }, SLOW_TEST_MS);
});

describe("changing a platform", () => {
  it("sets the service's platform and tells only bookings boarding or alighting at that station", async () => {
    const net = await opsNet();
    const stationB = await db().station.findUniqueOrThrow({ where: { code: net.codes[1] } });
    await db().trainStop.updateMany({ where: { trainId: net.trainId, stationId: stationB.id }, data: { platform: "2" } });
    const [alights, boards, through] = await Promise.all([apiUser(), apiUser(), apiUser()]);
    const toB = await book(alights, net, { to: 1 });
    const fromB = await book(boards, net, { from: 1 });
    await book(through, net);
    const admin = await adminActor();

    const first = await changePlatform(admin, { serviceId: net.serviceId, stationId: stationB.id, platform: "4", reason: "Track works" });
    expect(first).toMatchObject({ kind: "PLATFORM", affectedBookings: 2 });
    expect(await db().servicePlatform.findMany({ where: { serviceId: net.serviceId } })).toEqual([{ serviceId: net.serviceId, stationId: stationB.id, platform: "4" }]);
    const events = await db().bookingEvent.findMany({ where: { type: "PLATFORM_CHANGED", booking: { serviceId: net.serviceId } }, include: { booking: true } });
    expect(events.map((e) => e.booking.pnr).sort()).toEqual([toB, fromB].sort());
    expect(events[0]!.data).toMatchObject({ stationName: stationB.name, platform: "4", previousPlatform: "2" });
    expect(events.every((e) => e.actorUserId === admin.userId && e.actorRole === "ADMIN")).toBe(true);
    const sent = await notices(net.serviceId, "PLATFORM_CHANGE");
    expect(sent.map((n) => n.userId).sort()).toEqual([alights.id, boards.id].sort());
    expect(sent[0]!.body).toContain("instead of platform 2");

    // A second change updates the same row and remembers what it replaced.
    await changePlatform(admin, { serviceId: net.serviceId, stationId: stationB.id, platform: "5" });
    expect((await db().servicePlatform.findMany({ where: { serviceId: net.serviceId } })).map((p) => p.platform)).toEqual(["5"]);
    const latest = await db().bookingEvent.findFirstOrThrow({ where: { type: "PLATFORM_CHANGED", data: { path: ["platform"], equals: "5" }, booking: { pnr: toB } } });
    expect(latest.data).toMatchObject({ previousPlatform: "4" });
  }, SLOW_TEST_MS);

  it("refuses a station the train does not call at, and the platform it already uses", async () => {
    const net = await opsNet();
    const other = await opsNet();
    const admin = await adminActor();
    const elsewhere = await db().station.findUniqueOrThrow({ where: { code: other.codes[1] } });
    const notOnRoute = await rejection(changePlatform(admin, { serviceId: net.serviceId, stationId: elsewhere.id, platform: "1" }));
    expect(notOnRoute.details).toEqual({ fieldErrors: { stationId: ["This train does not call at that station."] } });

    const stationA = await db().station.findUniqueOrThrow({ where: { code: net.codes[0] } });
    await changePlatform(admin, { serviceId: net.serviceId, stationId: stationA.id, platform: "1" });
    const same = await rejection(changePlatform(admin, { serviceId: net.serviceId, stationId: stationA.id, platform: "1" }));
    expect(same.details).toEqual({ fieldErrors: { platform: ["The train already uses platform 1 there."] } });
  }, SLOW_TEST_MS);
});

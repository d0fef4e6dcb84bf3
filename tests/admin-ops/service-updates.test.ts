// The passenger's view of operator changes: each delay, platform change and the cancellation with
// its refund shows on their booking, newest first, and nobody else can read it.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { serviceUpdatesFor } from "@/lib/booking/service-updates";
import { changePlatform, delayService } from "@/lib/admin/schedule-changes";
import { cancelService } from "@/lib/admin/schedule-cancellation";
import { apiUser } from "../booking/helpers";
import { adminActor, book, countingProvider, opsNet } from "./fixtures";

/** Each test books through the real API several times; the shared 2-core machine can be slow. */
const SLOW_TEST_MS = 120_000;

describe("service updates on the booking page", () => {
  it("lists the operator's changes and the refund for the booking's owner only", async () => {
    const net = await opsNet();
    const passenger = await apiUser();
    const pnr = await book(passenger, net, { from: 1 });
    const admin = await adminActor();
    expect(await serviceUpdatesFor(db(), passenger.id, pnr)).toMatchObject({ status: "SCHEDULED", updates: [], platforms: [] });

    const stationB = await db().station.findUniqueOrThrow({ where: { code: net.codes[1] } });
    await delayService(admin, { serviceId: net.serviceId, delayMinutes: 15, reason: "Late crew" });
    await changePlatform(admin, { serviceId: net.serviceId, stationId: stationB.id, platform: "3b" });
    const delayed = await serviceUpdatesFor(db(), passenger.id, pnr);
    expect(delayed).toMatchObject({ status: "DELAYED", delayMinutes: 15, platforms: [{ station: stationB.name, platform: "3b" }] });
    expect(delayed!.updates.map((u) => u.kind).sort()).toEqual(["DELAY", "PLATFORM"]);
    expect(delayed!.updates.find((u) => u.kind === "DELAY")!.text).toBe("The train is running about 15 minutes late. Reason: Late crew");

    await cancelService(admin, { serviceId: net.serviceId, reason: "Flooded tracks" }, countingProvider());
    const cancelled = await serviceUpdatesFor(db(), passenger.id, pnr);
    expect(cancelled!.status).toBe("CANCELLED");
    expect(cancelled!.updates.map((u) => u.kind)).toContain("CANCELLED");
    const refund = cancelled!.updates.find((u) => u.kind === "REFUND")!;
    expect(refund.text).toMatch(/^Refund of CHF\s25\.00 because the train was cancelled sent to your card\.$/);
    expect(cancelled!.updates[0]!.at.getTime()).toBeGreaterThanOrEqual(cancelled!.updates.at(-1)!.at.getTime());

    const stranger = await apiUser();
    expect(await serviceUpdatesFor(db(), stranger.id, pnr)).toBeNull();
  }, SLOW_TEST_MS);
});

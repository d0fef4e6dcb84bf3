// The live channel end to end on real PostgreSQL: an event published inside a transaction reaches
// a subscriber of another connection's listener on COMMIT, never on ROLLBACK, and the listener
// finds its way back after its connection is killed, telling subscribers to resync.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { db } from "@/lib/db";
import { LiveListener } from "@/lib/live/listener";
import { publish, publishBookingChanges } from "@/lib/live/publish";
import type { AnyLiveEvent } from "@/lib/live/events";
import { createUser } from "../helpers/factories";
import { createMiniNetwork, occupySeat } from "../helpers/network-fixture";

let listener: LiveListener;
const heard: AnyLiveEvent[] = [];
const heardAt = new Map<AnyLiveEvent, number>();

function waitFor(predicate: (e: AnyLiveEvent) => boolean, timeoutMs = 3_000): Promise<AnyLiveEvent> {
  return new Promise((resolve, reject) => {
    const found = heard.find(predicate);
    if (found) return resolve(found);
    const timer = setTimeout(() => {
      stop();
      reject(new Error("event not heard in time"));
    }, timeoutMs);
    const stop = listener.subscribe((e) => {
      if (!predicate(e)) return;
      clearTimeout(timer);
      stop();
      resolve(e);
    });
  });
}

beforeAll(async () => {
  listener = new LiveListener(process.env.DATABASE_URL!, { probeMs: 300 });
  listener.subscribe((e) => {
    heard.push(e);
    heardAt.set(e, performance.now());
  });
  expect(await listener.ready(5_000)).toBe(true);
});

afterAll(async () => {
  await listener.stop();
});

describe("the live listener", () => {
  it("hears an event published in a transaction once it commits, and measures the delay", async () => {
    const serviceId = `svc-${Date.now()}`;
    const started = performance.now();
    await db().$transaction(async (tx) => {
      await publish(tx, [{ type: "seats", serviceId }]);
      // Still inside the transaction: nothing may have been delivered yet.
      await new Promise((r) => setTimeout(r, 200));
      expect(heard.some((e) => e.type === "seats" && (e as { serviceId: string }).serviceId === serviceId)).toBe(false);
    });
    const committed = performance.now();
    const event = await waitFor((e) => e.type === "seats" && (e as { serviceId: string }).serviceId === serviceId);
    // May be negative: the server can deliver the NOTIFY before the committer reads COMMIT's answer.
    const latency = heardAt.get(event)! - committed;
    console.log(`commit returned -> listener heard it: ${latency.toFixed(1)} ms (transaction took ${(committed - started).toFixed(0)} ms)`);
    expect(latency).toBeLessThan(500);
  });

  it("hears nothing from a transaction that rolls back", async () => {
    const serviceId = `rolled-back-${Date.now()}`;
    await db()
      .$transaction(async (tx) => {
        await publish(tx, [{ type: "seats", serviceId }]);
        throw new Error("roll back");
      })
      .catch(() => {});
    const marker = `after-${Date.now()}`;
    await publish(db(), [{ type: "service", serviceId: marker }]);
    await waitFor((e) => e.type === "service" && (e as { serviceId: string }).serviceId === marker);
    expect(heard.some((e) => (e as { serviceId?: string }).serviceId === serviceId)).toBe(false);
  });

  it("tells a booking's owner and the service's seat maps, from the rows as written", async () => {
    const net = await createMiniNetwork({ departsAt: new Date(Date.now() + 86_400_000), serviceDate: "2031-01-01" });
    const { user } = await createUser();
    const booking = await occupySeat(net, net.seatIds[0]!, 0, 2, { userId: user.id });
    await db().$transaction((tx) => publishBookingChanges(tx, [booking.id]));
    expect(await waitFor((e) => e.type === "booking" && (e as { pnr: string }).pnr === booking.pnr)).toEqual({
      type: "booking",
      pnr: booking.pnr,
      userId: user.id,
      serviceId: net.serviceId,
      status: "CONFIRMED",
    });
    await waitFor((e) => e.type === "seats" && (e as { serviceId: string }).serviceId === net.serviceId);
  });

  it("reconnects after its connection is killed and asks subscribers to resync", async () => {
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      const { rowCount } = await admin.query(
"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1", [`railbook-live-${listener.instance}`]);
      expect(rowCount).toBeGreaterThan(0);
    } finally {
      await admin.end();
    }
    await waitFor((e) => e.type === "refresh", 10_000);
    expect(listener.isHealthy).toBe(true);
    const serviceId = `after-reconnect-${Date.now()}`;
    await publish(db(), [{ type: "seats", serviceId }]);
    await waitFor((e) => (e as { serviceId?: string }).serviceId === serviceId);
  });
});

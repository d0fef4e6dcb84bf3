// The change feed where NOTIFY does not reach the app: one poll per instance of what every change
// writes, passed on once each, to every stream of the instance.
import { describe, expect, it } from "vitest";
import { POST as createBooking } from "@/app/api/v1/bookings/route";
import { LiveListener } from "@/lib/live/listener";
import { ChangeFeed } from "@/lib/live/change-feed";
import { eventStream } from "@/lib/live/sse";
import type { AnyLiveEvent } from "@/lib/live/events";
import { config } from "@/lib/config";
import { apiUser, callRoute, ensureFares, newKey } from "../booking/helpers";
import { createNet } from "../booking/network";

/** A listener that never connects (as on CockroachDB or with LIVE_EVENTS=off): the feed must poll. */
const deaf = () => new LiveListener(config().DATABASE_URL!, { enabled: false });

async function until<T>(read: () => T | undefined, ms: number): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("the change feed without NOTIFY", () => {
  it("passes a booking on to subscribers within two seconds, once", async () => {
    await ensureFares();
    const net = await createNet({ coaches: [{ label: "7", kind: "SEATED", classCode: "SECOND", size: 8 }] });
    const feed = new ChangeFeed(deaf(), { pollMs: 200 });
    const heard: AnyLiveEvent[] = [];
    const unsubscribe = feed.subscribe((e) => heard.push(e));
    try {
      expect(await feed.ready(3_000)).toBe(true);
      expect(feed.mode).toBe("poll");
      await new Promise((r) => setTimeout(r, 400)); // the first poll only learns where "now" is
      const user = await apiUser();
      const started = Date.now();
      const held = await callRoute(createBooking, {
        method: "POST",
        path: "/api/v1/bookings",
        body: { serviceId: net.serviceId, from: net.codes[0], to: net.codes[2], class: "SECOND", passengers: [{ name: "Ala", age: 30 }] },
        headers: { ...user.auth, "idempotency-key": newKey() },
      });
      expect(held.status).toBe(201);
      await until(() => heard.find((e) => e.type === "seats" && (e as { serviceId?: string }).serviceId === net.serviceId), 2_000);
      expect(Date.now() - started).toBeLessThan(2_000);
      const booking = heard.find((e) => e.type === "booking" && (e as { pnr?: string }).pnr === held.body.pnr);
      expect(booking).toMatchObject({ userId: user.id, serviceId: net.serviceId, status: "HELD" });
      // Read again by the polls that follow (their windows overlap), passed on no more.
      await new Promise((r) => setTimeout(r, 1_000));
      expect(heard.filter((e) => e.type === "booking" && (e as { pnr?: string }).pnr === held.body.pnr)).toHaveLength(1);
    } finally {
      unsubscribe();
      await feed.stop();
    }
  });

  it("serves a stream instead of refusing it, carrying the service's changes", async () => {
    const feed = new ChangeFeed(deaf(), { pollMs: 200 });
    const response = await eventStream(new Request("http://localhost/api/v1/live/services/x"), { accept: (e) => e.type === "seats", listener: feed });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toContain("retry:");
    await reader.cancel();
    await feed.stop();
  });

  it("tells subscribers to refetch when polling takes over after it had stopped", async () => {
    let fail = false;
    const feed = new ChangeFeed(deaf(), { pollMs: 100, poll: async () => { if (fail) throw new Error("down"); return { now: new Date(), changes: [] }; } });
    const heard: AnyLiveEvent[] = [];
    const unsubscribe = feed.subscribe((e) => heard.push(e));
    try {
      expect(await feed.ready(1_000)).toBe(true);
      fail = true;
      await until(() => (feed.isHealthy ? undefined : true), 1_000);
      fail = false;
      await until(() => heard.find((e) => e.type === "refresh"), 1_000);
    } finally {
      unsubscribe();
      await feed.stop();
    }
  });
});

// The waiting list under concurrent writes, through the real route handlers on real PostgreSQL,
// with no in-process queue (every request as if from its own app instance): cancellations at once,
// cancellations racing newcomers, and payments racing cancellations. The outcome must be what
// serving the queue one freed seat at a time gives, with nobody promoted twice and no seat left free
// while a paid booking it could serve waits (checked after each test by ./invariants.ts).
process.env.DATABASE_POOL_MAX = "20";
process.env.BOOKING_LOCK_WAIT_MS = "30000";

import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { apiUser } from "../booking/helpers";
import { cancelOf, confirmed, ensureWaitlistPricing, payFor, post, statusOf, touched, waiting, wlNet } from "./fixtures";
import { checkTouched } from "./invariants";

beforeAll(async () => {
  await ensureWaitlistPricing();
  process.env.BOOKING_LOCAL_QUEUE = "off";
});
afterAll(() => {
  delete process.env.BOOKING_LOCAL_QUEUE;
});
afterEach(() => checkTouched(touched));

type Booked = Awaited<ReturnType<typeof confirmed>>;
type Waiter = Awaited<ReturnType<typeof waiting>>;

/** Who the queue serves when `freed` seats (all for the whole journey) come free one at a time. */
function expectedPromotions(partySizes: number[], freed: number): Set<number> {
  const promoted = new Set<number>();
  let free = 0;
  for (let k = 0; k < freed; k++) {
    free++;
    partySizes.forEach((size, i) => {
      if (!promoted.has(i) && size <= free) {
        promoted.add(i);
        free -= size;
      }
    });
  }
  return promoted;
}

const timed = async <T>(work: () => Promise<T>) => {
  const started = performance.now();
  const result = await work();
  return { result, ms: Math.round(performance.now() - started) };
};

// Each test books a dozen or so through the API before the race: generous on a loaded 2-core machine.
const SLOW = { timeout: 180_000 };

describe("the waiting list under concurrency", () => {
  it("promotes exactly the first-come-first-served set when five passengers cancel at once", SLOW, async () => {
    const net = await wlNet({ seats: 8 });
    const booked: Booked[] = [];
    for (let i = 0; i < 8; i++) booked.push(await confirmed(net));
    const sizes = [2, 1, 3, 1, 2, 1, 1];
    const waiters: Waiter[] = [];
    for (const passengers of sizes) waiters.push(await waiting(net, { passengers }));

    const { result, ms } = await timed(() => Promise.all(booked.slice(0, 5).map((b) => cancelOf(b.user, b.pnr))));
    expect(result.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);

    const expected = expectedPromotions(sizes, 5);
    expect([...expected].sort()).toEqual([1, 3, 5, 6]); // the simulation itself, spelled out
    const statuses = await Promise.all(waiters.map(async (w) => (await statusOf(w.pnr)).status));
    expect(statuses).toEqual(sizes.map((_, i) => (expected.has(i) ? "CONFIRMED" : "WAITLISTED")));
    const promotedEvents = await db().bookingEvent.count({ where: { type: "WAITLIST_PROMOTED", booking: { serviceId: net.serviceId } } });
    expect(promotedEvents).toBe(expected.size);
    console.info(`[measure] 5 simultaneous cancellations, 7 waiting: ${expected.size} promoted in ${ms} ms`);
  });

  it("gives every freed seat to the queue while newcomers rush for it", SLOW, async () => {
    const net = await wlNet({ seats: 6 });
    const booked: Booked[] = [];
    for (let i = 0; i < 6; i++) booked.push(await confirmed(net));
    const waiters: Waiter[] = [];
    for (let i = 0; i < 6; i++) waiters.push(await waiting(net));
    const newcomers = await Promise.all(Array.from({ length: 8 }, () => apiUser()));

    const { result, ms } = await timed(() =>
      Promise.all([...booked.slice(0, 4).map((b) => cancelOf(b.user, b.pnr)), ...newcomers.map((u) => post(u, net))]),
    );
    expect(result.slice(0, 4).map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(result.slice(4).map((r) => r.body.error?.code ?? r.body.status)).toEqual(newcomers.map(() => "SOLD_OUT"));
    const statuses = await Promise.all(waiters.map(async (w) => (await statusOf(w.pnr)).status));
    expect(statuses).toEqual(["CONFIRMED", "CONFIRMED", "CONFIRMED", "CONFIRMED", "WAITLISTED", "WAITLISTED"]);
    console.info(`[measure] 4 cancellations + 8 newcomers at once: the 4 first waiters promoted, 8 SOLD_OUT in ${ms} ms`);
  });

  it("leaves no seat free when waiting places are paid while others cancel", SLOW, async () => {
    const net = await wlNet({ seats: 4 });
    const booked: Booked[] = [];
    for (let i = 0; i < 4; i++) booked.push(await confirmed(net));
    const waiters: Waiter[] = [];
    for (let i = 0; i < 4; i++) waiters.push(await waiting(net, {}, { pay: false }));

    const { result, ms } = await timed(() =>
      Promise.all([...waiters.map((w) => payFor(w.user, w.pnr)), ...booked.slice(0, 2).map((b) => cancelOf(b.user, b.pnr))]),
    );
    expect(result.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const statuses = await Promise.all(waiters.map(async (w) => (await statusOf(w.pnr)).status));
    // Which two depends on who paid before which seat came free; that exactly two did does not.
    expect(statuses.filter((s) => s === "CONFIRMED")).toHaveLength(2);
    expect(statuses.filter((s) => s === "WAITLISTED")).toHaveLength(2);
    console.info(`[measure] 4 payments + 2 cancellations at once: 2 promoted in ${ms} ms`);
  });
});

// Seat hoarding (issue 11, decision 028): one account may have at most HOLD_LIMIT_SEATS unpaid seats
// on one train (default 12) and HOLD_LIMIT_TOTAL over all trains (default 24), held or unpaid on a
// waiting list; past that, 409 HOLD_LIMIT and nothing written. Also the throttles on declined
// cards (per booking, account and address) and on holds per address. Real PostgreSQL, through lib's
// createBooking and requestPayment (what the route handlers and every other front end call).
process.env.BOOKING_PICTURE_MS = "0";
process.env.BOOKING_LOCK_WAIT_MS = "30000";

import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { createBooking } from "@/lib/booking/create-booking";
import { requestPayment } from "@/lib/booking/pay-request";
import { holdInTurn } from "@/lib/booking/inventory-turn";
import { inventoryOf } from "@/lib/booking/hold-batch";
import { requestHash } from "@/lib/idempotency/keys";
import { holdLimitRefusal } from "@/lib/booking/hold-limits";
import { SANDBOX_CARDS } from "@/lib/payments/sandbox";
import type { BookingOutcome, PaymentOutcome } from "@/lib/booking/outcomes";
import type { CreateBookingInput } from "@/lib/schemas/booking";
import { POST } from "@/app/api/v1/bookings/route";
import { apiUser, callRoute, ensureFares, lapseHold } from "./helpers";
import { createNet, type Net } from "./network";

vi.setConfig({ testTimeout: 60_000 });
beforeAll(ensureFares);
afterEach(() => vi.unstubAllEnvs());

const actor = (u: { id: string }) => ({ userId: u.id, role: "PASSENGER" as const });
const party = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `Passenger ${i + 1}`, age: 30 }));
const codeOf = (o: BookingOutcome | PaymentOutcome) => (o.kind === "refused" ? o.error.code : o.kind);

function trip(net: Net, passengers: number, extra: Partial<CreateBookingInput> = {}): CreateBookingInput {
  const [from, , to] = net.codes;
  return { serviceId: net.serviceId, from, to, class: "SECOND", passengers: party(passengers), ...extra };
}

const roomy = () => createNet({ coaches: [{ label: "1", kind: "SEATED", classCode: "SECOND", size: 60 }] });
const unpaidOn = (userId: string) =>
  db().bookingPassenger.count({ where: { booking: { userId, status: { in: ["HELD", "WAITLISTED"] } } } });

describe("unpaid seats per account", () => {
  it("refuses a 13th unpaid seat on one train with HOLD_LIMIT, saying how to go on, and writes nothing", async () => {
    const [net, user] = await Promise.all([roomy(), apiUser()]);
    expect(codeOf(await createBooking(actor(user), trip(net, 6), randomUUID()))).toBe("held");
    expect(codeOf(await createBooking(actor(user), trip(net, 6), randomUUID()))).toBe("held");
    const bookingsBefore = await db().booking.count({ where: { userId: user.id } });

    const over = await createBooking(actor(user), trip(net, 1), randomUUID());
    expect(over.kind).toBe("refused");
    if (over.kind !== "refused") return;
    expect(over.error.code).toBe("HOLD_LIMIT");
    expect(over.error.status).toBe(409);
    expect(over.error.details).toEqual({ scope: "SERVICE", limit: 12, unpaid: 12, requested: 1 });
    expect(over.error.message).toMatch(/12 unpaid seats on this train.*Pay for or cancel/);
    expect(await db().booking.count({ where: { userId: user.id } })).toBe(bookingsBefore);

    // Another account is not affected.
    expect(codeOf(await createBooking(actor(await apiUser()), trip(net, 6), randomUUID()))).toBe("held");
  });

  it("caps unpaid seats over all trains, counts unpaid waiting-list places, and frees what is paid", async () => {
    const nets = await Promise.all([roomy(), roomy(), roomy()]);
    const user = await apiUser();
    for (const net of nets.slice(0, 2)) {
      expect(codeOf(await createBooking(actor(user), trip(net, 6), randomUUID()))).toBe("held");
    }
    // A full train: the party joins its waiting list, unpaid; that counts too.
    const full = await createNet({ coaches: [{ label: "1", kind: "SEATED", classCode: "SECOND", size: 2 }] });
    const queued = await createBooking(actor(user), trip(full, 6, { joinWaitlist: true }), randomUUID());
    expect(codeOf(queued)).toBe("waitlisted");
    const held = await createBooking(actor(user), trip(nets[2]!, 6), randomUUID());
    expect(codeOf(held)).toBe("held");
    expect(await unpaidOn(user.id)).toBe(24);

    const over = await createBooking(actor(user), trip(nets[2]!, 1), randomUUID());
    expect(over.kind === "refused" && over.error.details).toEqual({ scope: "ACCOUNT", limit: 24, unpaid: 24, requested: 1 });

    // Paying for one booking frees its six seats for another hold.
    if (held.kind !== "held") throw new Error("no hold");
    const paid = await requestPayment(actor(user), held.booking.pnr, { cardNumber: SANDBOX_CARDS.succeeds }, randomUUID());
    expect(codeOf(paid)).toBe("paid");
    expect(codeOf(await createBooking(actor(user), trip(nets[2]!, 6), randomUUID()))).toBe("held");
  });

  it("a lapsed hold stops counting at once, before any sweep", async () => {
    const [net, user] = await Promise.all([roomy(), apiUser()]);
    vi.stubEnv("HOLD_LIMIT_SEATS", "6");
    const first = await createBooking(actor(user), trip(net, 6), randomUUID());
    expect(codeOf(await createBooking(actor(user), trip(net, 1), randomUUID()))).toBe("HOLD_LIMIT");
    if (first.kind !== "held") throw new Error("no hold");
    await lapseHold(first.booking.pnr);
    expect(codeOf(await createBooking(actor(user), trip(net, 6), randomUUID()))).toBe("held");
  });

  it("the turn itself refuses when the count read before it is missing or out of date", async () => {
    const [net, user] = await Promise.all([roomy(), apiUser()]);
    for (let i = 0; i < 2; i++) expect(codeOf(await createBooking(actor(user), trip(net, 6), randomUUID()))).toBe("held");
    const input = trip(net, 2);
    const ref = { userId: user.id, scope: "booking.create", key: randomUUID() };
    // No count from before the turn: the turn counts.
    const unread = await holdInTurn(inventoryOf(input), { actor: actor(user), input, ref, requestHash: requestHash(input) });
    expect(codeOf(unread)).toBe("HOLD_LIMIT");
    // A count from before both holds (version 0, no seats): the version tells the turn to count again.
    const stale = await holdInTurn(inventoryOf(input), {
      actor: actor(user),
      input,
      ref: { ...ref, key: randomUUID() },
      requestHash: requestHash(input),
      allowance: { version: 0, onService: 0, total: 0 },
    });
    expect(codeOf(stale)).toBe("HOLD_LIMIT");
    expect(await unpaidOn(user.id)).toBe(12);
  });

  it("concurrent holds of one account on two trains cannot slip past the limits together", async () => {
    const [a, b] = await Promise.all([roomy(), roomy()]);
    const user = await apiUser();
    // Eight parties of six at once, four per train: at most 12 per train and 24 in all may be held.
    const outcomes = await Promise.all(Array.from({ length: 8 }, (_, i) => createBooking(actor(user), trip(i % 2 ? a : b, 6), randomUUID())));
    const codes = outcomes.map(codeOf).sort();
    expect(codes).toEqual(["HOLD_LIMIT", "HOLD_LIMIT", "HOLD_LIMIT", "HOLD_LIMIT", "held", "held", "held", "held"]);
    for (const net of [a, b]) {
      expect(await db().bookingPassenger.count({ where: { booking: { userId: user.id, serviceId: net.serviceId, status: "HELD" } } })).toBe(12);
    }
  });

  it("answers 409 HOLD_LIMIT in the API's error shape", async () => {
    const [net, user] = await Promise.all([roomy(), apiUser()]);
    vi.stubEnv("HOLD_LIMIT_SEATS", "2");
    const post = (passengers: number) =>
      callRoute(POST, { method: "POST", path: "/api/v1/bookings", body: trip(net, passengers), headers: { ...user.auth, "idempotency-key": randomUUID() } });
    expect((await post(2)).status).toBe(201);
    const res = await post(1);
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: "HOLD_LIMIT", details: { scope: "SERVICE", limit: 2, unpaid: 2, requested: 1 } });
    expect(res.body.error.message).toContain("at most 2 per train");
  });

  it("the same limits are a pure rule the front ends can explain", () => {
    expect(holdLimitRefusal({ onService: 6, total: 6 }, 6, { perService: 12, total: 24 })).toBeNull();
    expect(holdLimitRefusal({ onService: 0, total: 20 }, 6, { perService: 12, total: 24 })?.details).toMatchObject({ scope: "ACCOUNT" });
  });
});

describe("throttles", () => {
  async function heldBooking(user: { id: string }) {
    const held = await createBooking(actor(user), trip(await roomy(), 1), randomUUID());
    if (held.kind !== "held") throw new Error(`no hold: ${codeOf(held)}`);
    return held.booking.pnr;
  }
  const decline = (user: { id: string }, pnr: string, address: string | null = null) =>
    requestPayment(actor(user), pnr, { cardNumber: SANDBOX_CARDS.declined }, randomUUID(), { address });

  it("after 5 declined cards on one booking, the next attempt is refused before any card is tried", async () => {
    const user = await apiUser();
    const pnr = await heldBooking(user);
    for (let i = 0; i < 5; i++) expect(codeOf(await decline(user, pnr))).toBe("declined");
    const payments = await db().payment.count({ where: { booking: { pnr } } });
    const refused = await requestPayment(actor(user), pnr, { cardNumber: SANDBOX_CARDS.succeeds }, randomUUID());
    expect(refused.kind === "refused" && refused.error.code).toBe("RATE_LIMITED");
    expect(refused.kind === "refused" && (refused.error.details as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(0);
    expect(await db().payment.count({ where: { booking: { pnr } } })).toBe(payments);
    // The account's other bookings can still be paid.
    expect(codeOf(await requestPayment(actor(user), await heldBooking(user), { cardNumber: SANDBOX_CARDS.succeeds }, randomUUID()))).toBe("paid");
  });

  it("declined cards are counted per account over bookings, and per address over accounts", async () => {
    const user = await apiUser();
    for (let i = 0; i < 5; i++) {
      const pnr = await heldBooking(user);
      expect(codeOf(await decline(user, pnr))).toBe("declined");
      expect(codeOf(await decline(user, pnr))).toBe("declined");
    }
    expect(codeOf(await decline(user, await heldBooking(user)))).toBe("RATE_LIMITED");

    const address = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
    for (let i = 0; i < 15; i++) {
      const other = await apiUser();
      expect(codeOf(await decline(other, await heldBooking(other), address))).toBe("declined");
    }
    const fresh = await apiUser();
    expect(codeOf(await decline(fresh, await heldBooking(fresh), address))).toBe("RATE_LIMITED");
    expect(codeOf(await decline(fresh, await heldBooking(fresh), null))).toBe("declined");
  });

  it("holds started from one address are throttled (HOLD_ADDRESS_LIMIT, 60 per 10 minutes by default)", async () => {
    const { LIMITS } = await import("@/lib/limits/limiter");
    expect(LIMITS.holdsPerAddress).toEqual({ points: 60, durationSeconds: 600 });
    const address = `203.0.113.${Math.floor(Math.random() * 250) + 1}`;
    const net = await createNet({ coaches: [{ label: "1", kind: "SEATED", classCode: "SECOND", size: 80 }] });
    for (let i = 0; i < 60; i++) {
      const user = await apiUser();
      expect(codeOf(await createBooking(actor(user), trip(net, 1), randomUUID(), { address }))).toBe("held");
    }
    const user = await apiUser();
    const over = await createBooking(actor(user), trip(net, 1), randomUUID(), { address });
    expect(over.kind === "refused" && over.error.code).toBe("RATE_LIMITED");
    expect(await db().booking.count({ where: { userId: user.id } })).toBe(0);
  });
});

// Batched turns (decision 018): requests queued for one inventory are served in ONE transaction,
// each answered with its own outcome. On real PostgreSQL, through lib's createBooking (what the
// route handler, and every other front end, calls).
process.env.BOOKING_LOCK_WAIT_MS = "30000";

import { beforeAll, describe, expect, it, vi } from "vitest";
import { inject } from "vitest";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { db } from "@/lib/db";
import { createBooking } from "@/lib/booking/create-booking";
import type { BookingOutcome } from "@/lib/booking/outcomes";
import { batching, queuedFor } from "@/lib/inventory/turns";
import { holdInTurn } from "@/lib/booking/inventory-turn";
import { inventoryOf } from "@/lib/booking/hold-batch";
import { requestHash } from "@/lib/idempotency/keys";
import { inventoryKey } from "@/lib/inventory/state";
import type { CreateBookingInput } from "@/lib/schemas/booking";
import { apiUser, ensureFare, SECOND_FARE } from "./helpers";
import { createNet, type Net } from "./network";

vi.setConfig({ testTimeout: 60_000 });

const QUOTA = "SNRBATCH";
beforeAll(async () => {
  await ensureFare("SECOND", SECOND_FARE);
  await db().quota.createMany({ data: [{ code: QUOTA, name: "Senior (batch test)", minAge: 60 }], skipDuplicates: true });
});

const actorOf = (u: { id: string }) => ({ userId: u.id, role: "PASSENGER" as const });

function body(net: Net, passengers: CreateBookingInput["passengers"], extra: Partial<CreateBookingInput> = {}): CreateBookingInput {
  const [from, , to] = net.codes;
  return { serviceId: net.serviceId, from, to, class: "SECOND", quota: QUOTA, passengers, ...extra };
}

const senior = (seatId?: string) => ({ name: "Halina", age: 70, ...(seatId ? { seatId } : {}) });
const codeOf = (o: BookingOutcome) => (o.kind === "refused" ? o.error.code : o.kind);

async function until(condition: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error("condition not reached");
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe("a batch of holds", () => {
  it("answers a mixed batch each on its own: a hold, a taken seat, a sold-out party, a waitlist join, a quota refusal; a replay never joins", async () => {
    // Four seats, all in the senior quota: one inventory.
    // Every request must reach the batch, so the refusals this instance could give from its last
    // picture (lib/booking/known-taken.ts, tested below) are turned off here.
    process.env.BOOKING_PICTURE_MS = "0";
    const net = await createNet({ coaches: [{ label: "7", kind: "SEATED", classCode: "SECOND", size: 4, quota: { code: QUOTA, count: 4 } }] });
    const users = await Promise.all(Array.from({ length: 7 }, () => apiUser()));
    const firstKey = randomUUID();
    const first = await createBooking(actorOf(users[0]!), body(net, [senior(net.seat("7", 1))]), firstKey);
    expect(codeOf(first)).toBe("held");

    // A blocker's turn is held up by a lock taken outside the app, so the requests below queue
    // behind it and are then served together.
    const side = new pg.Client({ connectionString: inject("databaseUrl") });
    await side.connect();
    await side.query("BEGIN");
    await side.query(`SELECT 1 FROM "ServiceSeat" WHERE id = $1 FOR UPDATE`, [net.seat("7", 4)]);
    const before = { ...batching };
    const blocker = createBooking(actorOf(users[1]!), body(net, [senior(net.seat("7", 4))]), randomUUID());
    const key = inventoryKey({ serviceId: net.serviceId, classCode: "SECOND", quotaCode: QUOTA });
    await new Promise((r) => setTimeout(r, 100));
    // Queued one after another, so the batch plans them in this order.
    const asks: [number, CreateBookingInput][] = [
      [2, body(net, [senior()])], // a hold
      [3, body(net, [senior(net.seat("7", 1))])], // seat already taken
      [4, body(net, Array.from({ length: 6 }, () => senior()))], // too few seats
      [5, body(net, Array.from({ length: 5 }, () => senior()), { joinWaitlist: true })], // waits
      [6, body(net, [{ name: "Young", age: 30 }])], // quota refuses
    ];
    const requests: Promise<BookingOutcome>[] = [];
    for (const [user, input] of asks) {
      requests.push(createBooking(actorOf(users[user]!), input, randomUUID()));
      await until(() => queuedFor(key) === requests.length);
    }
    await until(() => queuedFor(key) === 5);
    const replay = await createBooking(actorOf(users[0]!), body(net, [senior(net.seat("7", 1))]), firstKey);
    await side.query("ROLLBACK");
    await side.end();

    const answers = await Promise.all(requests).finally(() => delete process.env.BOOKING_PICTURE_MS);
    expect(codeOf(await blocker)).toBe("held");
    expect(answers.map(codeOf)).toEqual(["held", "SEAT_UNAVAILABLE", "SOLD_OUT", "waitlisted", "VALIDATION_FAILED"]);
    expect(answers[1]).toMatchObject({ error: { details: { seatIds: [net.seat("7", 1)], reason: "TAKEN" } } });
    expect(answers[2]).toMatchObject({ error: { details: { available: 1, waitlistAvailable: true } } });
    expect(answers[3]).toMatchObject({ booking: { status: "WAITLISTED", waitlistPosition: 1 } });
    // The replay came from the key, with the first answer, before any turn.
    expect(replay).toMatchObject({ kind: "held", replayed: true, booking: { pnr: first.kind === "held" ? first.booking.pnr : "" } });
    // The blocker's turn, then one turn for all five.
    expect(batching.batches - before.batches).toBe(2);
    expect(batching.requests - before.requests).toBe(6);

    const written = await db().booking.findMany({ where: { serviceId: net.serviceId }, include: { passengers: { include: { allocations: true } } } });
    expect(written.map((b) => b.status).sort()).toEqual(["HELD", "HELD", "HELD", "WAITLISTED"]);
    const seats = written.flatMap((b) => b.passengers.flatMap((p) => p.allocations.map((a) => a.serviceSeatId)));
    expect(new Set(seats).size).toBe(3);
    expect(await db().idempotencyKey.count({ where: { userId: { in: users.map((u) => u.id) }, scope: "booking.create" } })).toBe(4);
  });

  it("serves a second request with the same key once: the other replays the first's answer", async () => {
    const net = await createNet({ coaches: [{ label: "7", kind: "SEATED", classCode: "SECOND", size: 8, quota: { code: QUOTA, count: 8 } }] });
    const user = await apiUser();
    const key = randomUUID();
    const outcomes = await Promise.all(Array.from({ length: 4 }, () => createBooking(actorOf(user), body(net, [senior()]), key)));
    expect(outcomes.map(codeOf)).toEqual(["held", "held", "held", "held"]);
    expect(new Set(outcomes.map((o) => (o.kind === "held" ? o.booking.pnr : null))).size).toBe(1);
    expect(outcomes.filter((o) => o.replayed)).toHaveLength(3);
    expect(await db().booking.count({ where: { serviceId: net.serviceId } })).toBe(1);
  });

  it("refuses a key reused for a different request, whether it is finished or in the same batch", async () => {
    const net = await createNet({ coaches: [{ label: "7", kind: "SEATED", classCode: "SECOND", size: 8, quota: { code: QUOTA, count: 8 } }] });
    const user = await apiUser();
    const key = randomUUID();
    const [one, two] = await Promise.all([
      createBooking(actorOf(user), body(net, [senior()]), key),
      createBooking(actorOf(user), body(net, [senior(), senior()]), key),
    ]);
    expect([codeOf(one), codeOf(two)].sort()).toEqual(["IDEMPOTENCY_KEY_REUSED", "held"]);
    expect(await db().booking.count({ where: { serviceId: net.serviceId } })).toBe(1);
  });

  it("still replays a key stored before outcomes were (an HTTP-shaped row under the old scope)", async () => {
    const user = await apiUser();
    const net = await createNet({ coaches: [{ label: "7", kind: "SEATED", classCode: "SECOND", size: 4, quota: { code: QUOTA, count: 4 } }] });
    const input = body(net, [senior()]);
    const key = randomUUID();
    const held = await createBooking(actorOf(user), input, randomUUID());
    if (held.kind !== "held") throw new Error("setup failed");
    await db().idempotencyKey.create({
      data: { userId: user.id, scope: "POST /api/v1/bookings", key, requestHash: requestHash(input), responseStatus: 201, responseBody: held.booking, completedAt: new Date() },
    });
    const replayed = await createBooking(actorOf(user), input, key);
    expect(replayed).toMatchObject({ kind: "held", replayed: true, booking: { pnr: held.booking.pnr } });
    expect(await db().booking.count({ where: { serviceId: net.serviceId } })).toBe(1);
  });

  it("gives one chosen seat to one of 40 simultaneous buyers in at most two turns", async () => {
    const net = await createNet({ coaches: [{ label: "7", kind: "SEATED", classCode: "SECOND", size: 4, quota: { code: QUOTA, count: 4 } }] });
    const buyers = await Promise.all(Array.from({ length: 40 }, () => apiUser()));
    const seatId = net.seat("7", 2);
    const before = { ...batching };
    const outcomes = await Promise.all(buyers.map((u) => createBooking(actorOf(u), body(net, [senior(seatId)]), randomUUID())));
    expect(outcomes.map(codeOf).filter((c) => c === "held")).toHaveLength(1);
    expect(outcomes.map(codeOf).filter((c) => c === "SEAT_UNAVAILABLE")).toHaveLength(39);
    // However many buyers, one turn for the winner and at most one more for those queued before it committed.
    expect(batching.batches - before.batches).toBeLessThanOrEqual(2);
    expect(await db().seatAllocation.count({ where: { serviceSeatId: seatId, releasedAt: null } })).toBe(1);
  });

  it("while its inventory is busy, refuses a seat this instance just saw sold without queueing for a turn", async () => {
    const net = await createNet({ coaches: [{ label: "7", kind: "SEATED", classCode: "SECOND", size: 4, quota: { code: QUOTA, count: 4 } }] });
    const [winner, blockerUser, late] = await Promise.all([apiUser(), apiUser(), apiUser()]);
    expect(codeOf(await createBooking(actorOf(winner), body(net, [senior(net.seat("7", 1))]), randomUUID()))).toBe("held");
    const side = new pg.Client({ connectionString: inject("databaseUrl") });
    await side.connect();
    await side.query("BEGIN");
    await side.query(`SELECT 1 FROM "ServiceSeat" WHERE id = $1 FOR UPDATE`, [net.seat("7", 4)]);
    const blocker = createBooking(actorOf(blockerUser), body(net, [senior(net.seat("7", 4))]), randomUUID());
    await new Promise((r) => setTimeout(r, 50));
    const before = { ...batching };
    const refusal = await createBooking(actorOf(late), body(net, [senior(net.seat("7", 1))]), randomUUID());
    const after = { ...batching };
    await side.query("ROLLBACK");
    await side.end();
    expect(codeOf(await blocker)).toBe("held");
    expect(refusal).toMatchObject({ kind: "refused", error: { code: "SEAT_UNAVAILABLE", details: { reason: "TAKEN" } } });
    expect(after.requests - before.requests).toBe(0);
  });

  it("answers a request whose key committed after it looked (a repeat through another instance) with that booking, not a refusal", async () => {
    const net = await createNet({ coaches: [{ label: "7", kind: "SEATED", classCode: "SECOND", size: 4, quota: { code: QUOTA, count: 4 } }] });
    const user = await apiUser();
    const key = randomUUID();
    const input = body(net, [senior(net.seat("7", 3))]);
    const first = await createBooking(actorOf(user), input, key);
    expect(codeOf(first)).toBe("held");
    // The repeat had looked its key up before the first committed, so it goes straight to its turn,
    // where its seat is now taken, by itself.
    const ref = { userId: user.id, scope: "booking.create", key };
    const repeat = await holdInTurn(inventoryOf(input), { actor: actorOf(user), input, ref, requestHash: requestHash(input) });
    expect(repeat).toMatchObject({ kind: "held", replayed: true, booking: { pnr: first.kind === "held" ? first.booking.pnr : "" } });
    expect(await db().booking.count({ where: { serviceId: net.serviceId } })).toBe(1);
  });
});

// Many buyers at once for the same seats, through the real route handler, on real PostgreSQL.
// A bigger pool than the other test files use, so requests really do run side by side.
process.env.DATABASE_POOL_MAX = "20";

import { beforeAll, describe, expect, it } from "vitest";
import { POST as createBooking } from "@/app/api/v1/bookings/route";
import { db } from "@/lib/db";
import { apiUser, callRoute, ensureFares, newKey } from "./helpers";
import { createNet } from "./network";

beforeAll(ensureFares);

function book(auth: Record<string, string>, body: unknown) {
  return callRoute(createBooking, { method: "POST", path: "/api/v1/bookings", body, headers: { ...auth, "idempotency-key": newKey() } });
}

describe("concurrent holds", () => {
  it("gives one chosen seat to exactly one of 50 simultaneous buyers", async () => {
    const net = await createNet({ coaches: [{ label: "7", kind: "SEATED", classCode: "SECOND", size: 4 }] });
    const [a, , c] = net.codes;
    const buyers = await Promise.all(Array.from({ length: 50 }, () => apiUser()));
    const seatId = net.seat("7", 3);

    const started = performance.now();
    const results = await Promise.all(
      buyers.map((u) => book(u.auth, { serviceId: net.serviceId, from: a, to: c, class: "SECOND", passengers: [{ name: "Ala", age: 30, seatId }] })),
    );
    const ms = performance.now() - started;

    const statuses = results.map((r) => (r.status === 201 ? "HELD" : r.body.error.code));
    expect(statuses.filter((s) => s === "HELD")).toHaveLength(1);
    expect(statuses.filter((s) => s === "SEAT_UNAVAILABLE")).toHaveLength(49);
    const live = await db().seatAllocation.count({ where: { serviceSeatId: seatId, releasedAt: null } });
    expect(live).toBe(1);
    console.info(`[measure] 50 buyers / 1 seat: 1 held, 49 SEAT_UNAVAILABLE in ${ms.toFixed(0)} ms`);
  });

  it("seats exactly 40 of 200 simultaneous one-passenger bookings on 40 free seats, each on a different seat", async () => {
    const net = await createNet({ coaches: [{ label: "7", kind: "SEATED", classCode: "SECOND", size: 40 }] });
    const [a, , c] = net.codes;
    const buyers = await Promise.all(Array.from({ length: 200 }, () => apiUser()));

    let started = performance.now();
    const results = await Promise.all(
      buyers.map((u) => book(u.auth, { serviceId: net.serviceId, from: a, to: c, class: "SECOND", passengers: [{ name: "Jan", age: 40 }] })),
    );
    const ms = performance.now() - started;

    const held = results.filter((r) => r.status === 201);
    const refused = results.filter((r) => r.status !== 201).map((r) => r.body.error.code);
    expect(held).toHaveLength(40);
    expect(refused).toEqual(Array(160).fill("SOLD_OUT"));
    const seats = held.map((r) => r.body.passengers[0].seatId);
    expect(new Set(seats).size).toBe(40);
    expect(new Set(seats)).toEqual(new Set(Array.from({ length: 40 }, (_, i) => net.seat("7", i + 1))));
    started = performance.now();
    const rows = await db().seatAllocation.findMany({ where: { serviceId: net.serviceId, releasedAt: null } });
    expect(rows).toHaveLength(40);
    expect(new Set(rows.map((r) => r.serviceSeatId)).size).toBe(40);
    console.info(`[measure] 200 buyers / 40 seats: 40 held, 160 SOLD_OUT in ${ms.toFixed(0)} ms`);
  });
});

// A booking meeting seat rows locked by someone else: it retries within its time budget (never
// waiting inside a transaction on a lock), and says SERVICE_BUSY rather than hang when the budget runs out.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as createBooking } from "@/app/api/v1/bookings/route";
import { db } from "@/lib/db";
import { contention } from "@/lib/inventory/transaction";
import { apiUser, callRoute, ensureFares, newKey, type ApiUser } from "./helpers";
import { createNet, type Net } from "./network";

beforeAll(ensureFares);
afterEach(() => {
  delete process.env.BOOKING_LOCK_WAIT_MS;
});

/** Holds a row lock on one seat for `ms`, as a long-running booking elsewhere would. */
function lockSeatFor(seatId: string, ms: number): Promise<void> {
  return db().$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT id FROM "ServiceSeat" WHERE id = ${seatId} FOR UPDATE`;
      await new Promise((resolve) => setTimeout(resolve, ms));
    },
    { timeout: ms + 5_000 },
  );
}

async function bookSeat(net: Net, seatId: string, user?: ApiUser) {
  user ??= await apiUser();
  return callRoute(createBooking, {
    method: "POST",
    path: "/api/v1/bookings",
    body: { serviceId: net.serviceId, from: net.codes[0], to: net.codes[2], class: "SECOND", passengers: [{ name: "Ala", age: 30, seatId }] },
    headers: { ...user.auth, "idempotency-key": newKey() },
  });
}

describe("seat rows locked elsewhere", () => {
  it("retries until the lock is gone, then books", async () => {
    const net = await createNet({ coaches: [{ label: "7", kind: "SEATED", classCode: "SECOND", size: 4 }] });
    const seatId = net.seat("7", 2);
    // The buyer's account (an Argon2 hash) is made before the lock is taken, and the lock is held
    // long enough that even a loaded machine reaches the seat lock while it is still held.
    const user = await apiUser();
    const before = contention.lockRetries;
    const holder = lockSeatFor(seatId, 1_500);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = performance.now();
    const res = await bookSeat(net, seatId, user);
    await holder;
    expect(res.status).toBe(201);
    expect(performance.now() - started).toBeGreaterThan(300); // it really had to wait for the lock
    expect(contention.lockRetries).toBeGreaterThan(before);
  });

  it("answers 503 SERVICE_BUSY when the lock outlasts the wait budget, having written nothing", async () => {
    process.env.BOOKING_LOCK_WAIT_MS = "300";
    const net = await createNet({ coaches: [{ label: "7", kind: "SEATED", classCode: "SECOND", size: 4 }] });
    const seatId = net.seat("7", 2);
    const user = await apiUser();
    const holder = lockSeatFor(seatId, 1_500);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const res = await bookSeat(net, seatId, user);
    await holder;
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe("SERVICE_BUSY");
    expect(await db().booking.count({ where: { serviceId: net.serviceId } })).toBe(0);
    expect(await db().idempotencyKey.count({ where: { responseStatus: 503 } })).toBe(0);
  });
});

// The hold sweeper and its cron endpoint.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as createBooking } from "@/app/api/v1/bookings/route";
import { GET as getBooking } from "@/app/api/v1/bookings/[pnr]/route";
import { POST as sweep } from "@/app/api/cron/expire-holds/route";
import { db } from "@/lib/db";
import { expireHolds } from "@/lib/booking/expire-holds";
import { apiUser, callRoute, ensureFares, eventsOf, lapseHold, newKey, type ApiUser } from "./helpers";
import { createNet, type Net } from "./network";

beforeAll(ensureFares);
afterEach(() => {
  delete process.env.CRON_SECRET;
});

async function hold(user: ApiUser, net: Net): Promise<string> {
  const res = await callRoute(createBooking, {
    method: "POST",
    path: "/api/v1/bookings",
    body: { serviceId: net.serviceId, from: net.codes[0], to: net.codes[2], class: "SECOND", passengers: [{ name: "Ala", age: 30 }] },
    headers: { ...user.auth, "idempotency-key": newKey() },
  });
  expect(res.status).toBe(201);
  return res.body.pnr;
}

describe("expiring holds", () => {
  it("shows a lapsed hold as EXPIRED at once, then records it, releases its seat and logs it as the system", async () => {
    const net = await createNet({ coaches: [{ label: "7", kind: "SEATED", classCode: "SECOND", size: 4 }] });
    const user = await apiUser();
    const [lapsed, live] = [await hold(user, net), await hold(user, net)];
    await lapseHold(lapsed);

    const view = await callRoute(getBooking, { path: `/api/v1/bookings/${lapsed}`, params: { pnr: lapsed }, headers: user.auth });
    expect(view.body.status).toBe("EXPIRED"); // before any sweep

    const result = await expireHolds();
    expect(result.expired).toBeGreaterThanOrEqual(1); // other files' lapsed holds may be swept too
    const rows = await db().booking.findMany({ where: { pnr: { in: [lapsed, live] } }, include: { passengers: { include: { allocations: true } } } });
    const byPnr = new Map(rows.map((b) => [b.pnr, b]));
    expect(byPnr.get(lapsed)!.status).toBe("EXPIRED");
    expect(byPnr.get(lapsed)!.passengers[0]!.allocations[0]!.releasedAt).not.toBeNull();
    expect(byPnr.get(live)!.status).toBe("HELD");
    expect(byPnr.get(live)!.passengers[0]!.allocations[0]!.releasedAt).toBeNull();
    expect((await eventsOf(lapsed)).map((e) => [e.type, e.actorUserId, e.actorRole])).toEqual([
      ["HELD", user.id, "PASSENGER"],
      ["EXPIRED", null, "SYSTEM"],
    ]);

    // A second sweep finds nothing more to do for it: one EXPIRED event, not two.
    await expireHolds();
    expect((await eventsOf(lapsed)).filter((e) => e.type === "EXPIRED")).toHaveLength(1);
  });

  it("sweeps in batches", async () => {
    const net = await createNet({ coaches: [{ label: "7", kind: "SEATED", classCode: "SECOND", size: 8 }] });
    const user = await apiUser();
    const pnrs = [];
    for (let i = 0; i < 5; i++) pnrs.push(await hold(user, net));
    for (const pnr of pnrs) await lapseHold(pnr);
    const result = await expireHolds({ batchSize: 2 });
    expect(result.batches).toBeGreaterThanOrEqual(3);
    expect(await db().booking.count({ where: { pnr: { in: pnrs }, status: "EXPIRED" } })).toBe(5);
  });
});

describe("POST /api/cron/expire-holds", () => {
  const call = (headers: Record<string, string>) => callRoute(sweep, { method: "POST", path: "/api/cron/expire-holds", headers });

  it("answers the scheduler's secret when CRON_SECRET is set, and nobody else", async () => {
    process.env.CRON_SECRET = "cron-secret-for-tests-0123456789";
    const admin = await apiUser("ADMIN");
    expect((await call({ authorization: "Bearer cron-secret-for-tests-0123456789" })).status).toBe(200);
    expect((await call({ authorization: "Bearer wrong-secret" })).status).toBe(401);
    expect((await call(admin.auth)).status).toBe(401);
  });

  it("without CRON_SECRET, is for admins only", async () => {
    const [admin, passenger] = [await apiUser("ADMIN"), await apiUser()];
    const ok = await call(admin.auth);
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ expired: expect.any(Number), batches: expect.any(Number), promoted: expect.any(Number) });
    expect((await call(passenger.auth)).status).toBe(403);
    expect((await call({})).status).toBe(401);
  });
});

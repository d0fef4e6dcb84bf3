// Two app instances (two processes, two pools, two in-process queues) batching the same inventory
// at once never oversell: they meet only in the database, whose locks and SERIALIZABLE decide. And
// an instance killed mid-batch leaves no half-written booking: each key then replays or runs cleanly.
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { inject } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { createBooking } from "@/lib/booking/create-booking";
import type { CreateBookingInput } from "@/lib/schemas/booking";
import { apiUser, ensureFares } from "./helpers";
import { createNet, type Net } from "./network";

vi.setConfig({ testTimeout: 120_000 });

const children = new Set<ChildProcess>();
afterAll(() => {
  for (const child of children) child.kill("SIGKILL");
});
afterEach(() => vi.unstubAllEnvs());

const NO_HOLD_LIMITS = { HOLD_LIMIT_SEATS: "100000", HOLD_LIMIT_TOTAL: "100000" };

function instance(spec: Record<string, unknown>, name = "railbook-instance"): { child: ChildProcess; lines: string[]; exited: Promise<number | null> } {
  const url = new URL(inject("databaseUrl"));
  url.searchParams.set("application_name", name);
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "tests/helpers/booking-instance.ts", JSON.stringify(spec)], {
    // One account streams hundreds of holds here: the unpaid-seat limits (tests/booking/hold-limits.test.ts) are raised.
    env: { ...process.env, DATABASE_URL: url.toString(), DATABASE_POOL_MAX: "6", BOOKING_LOCK_WAIT_MS: "60000", ...NO_HOLD_LIMITS },
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.add(child);
  const lines: string[] = [];
  let rest = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    const parts = (rest + chunk.toString()).split("\n");
    rest = parts.pop()!;
    lines.push(...parts);
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, lines, exited };
}

function oneSeat(net: Net): CreateBookingInput {
  const [from, , to] = net.codes;
  return { serviceId: net.serviceId, from, to, class: "SECOND", passengers: [{ name: "Ewa", age: 33 }] };
}

async function doubleSold(serviceId: string): Promise<number> {
  const [row] = await db().$queryRaw<{ n: number }[]>`
    SELECT COUNT(*)::int AS n FROM "SeatAllocation" a JOIN "SeatAllocation" b
      ON b."serviceSeatId" = a."serviceSeatId" AND a.id < b.id AND a."fromSeq" < b."toSeq" AND b."fromSeq" < a."toSeq"
    WHERE a."serviceId" = ${serviceId} AND a."releasedAt" IS NULL AND b."releasedAt" IS NULL`;
  return row!.n;
}

describe("several app instances", () => {
  it("two instances batching one inventory at once sell each of its 40 seats exactly once", async () => {
    await ensureFares();
    const net = await createNet({ coaches: [{ label: "7", kind: "SEATED", classCode: "SECOND", size: 40 }] });
    const users = await Promise.all(Array.from({ length: 10 }, () => apiUser()));
    const spec = { mode: "rush", userIds: users.map((u) => u.id), input: oneSeat(net), count: 60 };
    const [a, b] = [instance(spec), instance(spec)];
    expect(await a.exited).toBe(0);
    expect(await b.exited).toBe(0);
    const results = [a, b].map((i) => JSON.parse(i.lines.at(-1)!) as { kinds: string[]; batching: { batches: number; requests: number } });
    const kinds = results.flatMap((r) => r.kinds);
    expect(kinds.filter((k) => k === "held")).toHaveLength(40);
    expect(kinds.filter((k) => k === "SOLD_OUT")).toHaveLength(80);
    // Each instance served its requests in fewer turns than requests: they were batched.
    for (const r of results) expect(r.batching.batches).toBeLessThan(r.batching.requests);
    expect(await db().seatAllocation.count({ where: { serviceId: net.serviceId, releasedAt: null } })).toBe(40);
    expect(await doubleSold(net.serviceId)).toBe(0);
  });

  it("an instance killed mid-batch leaves every booking whole, and each of its keys replays or runs cleanly", async () => {
    await ensureFares();
    const net = await createNet({ coaches: [{ label: "7", kind: "SEATED", classCode: "SECOND", size: 400 }] });
    const user = await apiUser();
    const input = oneSeat(net);
    const name = `railbook-crash-${randomUUID().slice(0, 8)}`;
    const run = instance({ mode: "stream", userIds: [user.id], input, concurrency: 16 }, name);
    // Kill it once it is well into its stream, with requests in flight.
    const end = Date.now() + 60_000;
    while (run.lines.filter((l) => l.startsWith("DONE")).length < 60 && Date.now() < end) await new Promise((r) => setTimeout(r, 5));
    run.child.kill("SIGKILL");
    await run.exited;
    // Its backends finish what they had (a COMMIT already sent completes; anything else rolls back)
    // once they notice the client is gone: wait for that before looking.
    for (;;) {
      const [row] = await db().$queryRaw<{ n: number }[]>`SELECT COUNT(*)::int AS n FROM pg_stat_activity WHERE application_name = ${name}`;
      if (row!.n === 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const sent = run.lines.filter((l) => l.startsWith("KEY ")).map((l) => l.slice(4));
    const answered = new Set(run.lines.filter((l) => l.startsWith("DONE ")).map((l) => l.split(" ")[1]!));
    const inFlight = sent.filter((k) => !answered.has(k));
    expect(inFlight.length).toBeGreaterThan(0);

    // Nothing half-written: every booking has its passenger, its seat and the key holding its outcome.
    const bookings = await db().booking.findMany({ where: { serviceId: net.serviceId }, include: { passengers: { include: { allocations: true } } } });
    for (const b of bookings) {
      expect(b.passengers).toHaveLength(1);
      expect(b.passengers[0]!.allocations).toHaveLength(1);
    }
    const keys = await db().idempotencyKey.findMany({ where: { userId: user.id, scope: "booking.create" } });
    expect(keys).toHaveLength(bookings.length);
    expect(new Set(keys.map((k) => (k.responseBody as { booking: { pnr: string } }).booking.pnr))).toEqual(new Set(bookings.map((b) => b.pnr)));

    // Every key it sent, answered or not: a repeat replays what committed, or books now, once.
    for (const [name, value] of Object.entries(NO_HOLD_LIMITS)) vi.stubEnv(name, value);
    const repeats = await Promise.all(sent.map((key) => createBooking({ userId: user.id, role: "PASSENGER" }, input, key)));
    expect(repeats.every((o) => o.kind === "held")).toBe(true);
    const committed = new Set(keys.map((k) => k.key));
    repeats.forEach((o, i) => expect(o.replayed).toBe(committed.has(sent[i]!)));
    expect(await db().booking.count({ where: { serviceId: net.serviceId } })).toBe(sent.length);
    expect(await doubleSold(net.serviceId)).toBe(0);
  });
});

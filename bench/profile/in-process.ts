// The in-process leg of the profile (run by bench/profile/profile.ts in a child process, with
// bench/profile/tsconfig.json so that lib/ and route handlers load outside Next). One booking at a
// time, alternating between
//   lib:   createBooking() from lib/booking/create-booking.ts (what the route handler calls), and
//   route: the POST handler of app/api/v1/bookings/route.ts given a Request (adds auth and parsing),
// then paying each lib booking with requestPayment(). Every statement goes through CountingPool,
// so each call yields its wall time, its statement count and the sum of its round trips.
// Prints one JSON line (ProfileResult) on stdout.
import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { CountingPool, label, type Statement } from "./counting-pool";
import { explainStatements, type ExplainedStatement, type PredicateLocks } from "./explain";
import { profileCpu, type CpuBreakdown } from "./cpu-profile";
import { clientCost, type ClientCost } from "./client-cost";

export interface ProfileSpec {
  url: string;
  serviceIds: string[];
  from: string;
  to: string;
  bookings: number;
  user: { id: string; authorization: string };
}

export interface CallProfile {
  calls: number;
  wallP50: number;
  sqlP50: number;
  /** This process's CPU (user + system) during the call, median. */
  cpuP50: number;
  statements: number;
}

export interface ProfileResult {
  lib: CallProfile;
  route: CallProfile;
  pay: CallProfile;
  /** One route-handler booking, statement by statement (round-trip ms). */
  bookingStatements: { statement: string; ms: number }[];
  payStatements: { statement: string; ms: number }[];
  /** The hold transaction's statements under EXPLAIN ANALYZE, and the predicate locks it ended with. */
  explained: ExplainedStatement[];
  predicateLocks: PredicateLocks[];
  /** CPU of lib createBooking() calls, one at a time, by owner (V8 profiler). */
  cpu: CpuBreakdown;
  /** The same statements through Prisma and through pg alone (client-cost.ts). */
  clientCost: ClientCost[];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? 0;
const sum = (statements: Statement[]) => statements.reduce((a, s) => a + s.ms, 0);

interface Sample {
  wall: number;
  cpu: number;
  statements: Statement[];
}

function summarise(samples: Sample[]): CallProfile {
  return {
    calls: samples.length,
    wallP50: median(samples.map((s) => s.wall)),
    sqlP50: median(samples.map((s) => sum(s.statements))),
    cpuP50: median(samples.map((s) => s.cpu)),
    statements: median(samples.map((s) => s.statements.length)),
  };
}

async function main(spec: ProfileSpec): Promise<ProfileResult> {
  process.env.DATABASE_URL = spec.url;
  process.env.AUTH_SECRET ??= "bench-secret-not-for-production-00000000000000";
  const pool = new CountingPool({ connectionString: spec.url, max: 10 });
  // lib/db.ts keeps its one client here (created lazily); putting ours first makes every lib call use it.
  (globalThis as unknown as { __railbookDb?: PrismaClient }).__railbookDb = new PrismaClient({ adapter: new PrismaPg(pool) });
  const { createBooking } = await import("@/lib/booking/create-booking");
  const { requestPayment } = await import("@/lib/booking/pay-request");
  const { holdBatch } = await import("@/lib/booking/hold-batch");
  const { db } = await import("@/lib/db");
  const { POST } = await import("@/app/api/v1/bookings/route");

  const actor = { userId: spec.user.id, role: "PASSENGER" as const };
  const input = (i: number) => ({ serviceId: spec.serviceIds[(i + 2 * spec.serviceIds.length) % spec.serviceIds.length]!, from: spec.from, to: spec.to, class: "SECOND", passengers: [{ name: "Profile", age: 30 }] });
  const timed = async (work: () => Promise<unknown>) => {
    pool.take();
    const cpu = process.cpuUsage();
    const started = performance.now();
    const value = await work();
    const wall = performance.now() - started;
    const used = process.cpuUsage(cpu);
    return { wall, cpu: (used.user + used.system) / 1000, statements: pool.take(), value };
  };

  const lib: Sample[] = [];
  const route: typeof lib = [];
  const pay: typeof lib = [];
  // Two unmeasured rounds first: module loading, connections and the JIT are not the booking path.
  for (let i = -2; i < spec.bookings; i++) {
    const viaLib = await timed(() => createBooking(actor, input(i), randomUUID()));
    const viaRoute = await timed(async () => {
      const request = new Request("http://localhost/api/v1/bookings", {
        method: "POST",
        headers: { "content-type": "application/json", authorization: spec.user.authorization, "idempotency-key": randomUUID() },
        body: JSON.stringify(input(i + 1)),
      });
      const response = await POST(request, { params: Promise.resolve({}) });
      if (response.status !== 201) throw new Error(`route handler answered ${response.status}: ${await response.text()}`);
    });
    const held = viaLib.value as Awaited<ReturnType<typeof createBooking>>;
    if (held.kind !== "held") throw new Error(`createBooking answered ${held.kind}`);
    const pnr = held.booking.pnr;
    const paid = await timed(() => requestPayment(actor, pnr, { cardNumber: "4242424242424242" }, randomUUID()));
    if ((paid.value as { kind: string }).kind !== "paid") throw new Error(`payment answered ${(paid.value as { kind: string }).kind}`);
    if (i < 0) continue;
    lib.push(viaLib);
    route.push(viaRoute);
    pay.push(paid);
  }

  // A batch of lib bookings under the CPU profiler, apart from the timed loop so the profiler's
  // own cost does not colour the wall times above.
  let next = spec.bookings;
  const cpu = await profileCpu(spec.bookings, async () => {
    for (const end = next + spec.bookings; next < end; next++) await createBooking(actor, input(next), randomUUID());
  });

  // One hold transaction recorded and rolled back, then replayed under EXPLAIN ANALYZE.
  class Rollback extends Error {}
  pool.take();
  await db()
    .$transaction(async (tx) => {
      const key = { userId: actor.userId, scope: "booking.create", key: randomUUID() };
      await holdBatch(tx, { serviceId: input(0).serviceId, classCode: "SECOND", quotaCode: "GENERAL" }, [{ actor, input: input(0), ref: key, requestHash: "profile" }]);
      throw new Rollback();
    }, { isolationLevel: "Serializable" })
    .catch((error) => {
      if (!(error instanceof Rollback)) throw error;
    });
  const { explained, predicateLocks } = await explainStatements(spec.url, pool.take());
  await db().$disconnect();
  const costs = await clientCost(spec.url, spec.serviceIds[0]!, Math.max(50, spec.bookings * 5));

  const steps = (s: Statement[]) => s.map((x) => ({ statement: label(x.sql), ms: Math.round(x.ms * 100) / 100 }));
  return {
    lib: summarise(lib),
    route: summarise(route),
    pay: summarise(pay),
    bookingStatements: steps(route.at(-1)?.statements ?? []),
    payStatements: steps(pay.at(-1)?.statements ?? []),
    explained,
    predicateLocks,
    cpu,
    clientCost: costs,
  };
}

// The parent (profile.ts) reads the last stdout line and the exit code: 0 with the JSON, 1 on a
// failure, which fails the bench run. Exit explicitly: the profiler session and pool timers would
// otherwise keep this child alive after its answer.
main(JSON.parse(process.argv[2] ?? "{}") as ProfileSpec).then(
  (result) => {
    console.log(JSON.stringify(result));
    process.exit(0);
  },
  (error) => {
    console.error(error);
    process.exit(1);
  },
);

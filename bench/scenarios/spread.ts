// Scenario 3, Spread: bookings with (almost) no contention, the app's own throughput ceiling.
// `concurrency` clients, for a fixed time, each booking one passenger (automatic seat) on a random
// one of `spread.services` services, for a random journey along the route, as a random user.
// Two bookings meet on one inventory only by chance (about concurrency / services of the time).
// Its bookings per second are set against the plain-SQL ceiling (bench/ceiling/) in the report.
import { book, passengers, randomSegment, rng } from "../lib/booking-api";
import { check, doubleSold, liveSeats, noServerErrors } from "../lib/checks";
import { contentionSince, errorsSince, mark } from "../lib/contention";
import { cpuMark, cpuPer } from "../lib/cpu";
import type { BenchContext, ScenarioResult } from "../lib/context";
import { HttpClient } from "../lib/http";
import { Recorder, round } from "../lib/stats";

/** Books on the spread services until `seconds` have passed; answers go to `recorder`. */
export async function spreadLoad(ctx: BenchContext, seconds: number, recorder: Recorder, seed: number): Promise<{ passengers: number }> {
  const { fixture, options, users } = ctx;
  const http = new HttpClient(ctx.server.baseUrl, options.concurrency);
  const random = rng(seed);
  const deadline = performance.now() + seconds * 1000;
  let booked = 0;
  recorder.start();
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (performance.now() < deadline) {
        const user = users[Math.floor(random() * users.length)]!;
        const serviceId = fixture.spread[Math.floor(random() * fixture.spread.length)]!;
        const answer = await book(http, user, { serviceId, ...randomSegment(fixture.route, random), class: "SECOND", passengers: passengers(1) });
        recorder.add(answer);
        if (answer.status === 201) booked++;
      }
    }),
  );
  recorder.stop();
  http.close();
  return { passengers: booked };
}

/** The checks after any spread load: no 5xx, the database holds exactly the seats answered 201. */
export async function spreadChecks(ctx: BenchContext, label: string, recorder: Recorder, expectedSeats: number) {
  const summary = recorder.summary();
  const live = await liveSeats(ctx.sql, ctx.fixture.spread);
  return [
    noServerErrors(label, summary.serverErrors, summary.transportErrors),
    check(`${label}: every 201 is a live allocation in the database`, live.allocations === expectedSeats, `${live.allocations} live allocations, ${expectedSeats} seats answered 201 so far`),
    await doubleSold(ctx.sql),
  ];
}

export interface SpreadResult extends ScenarioResult {
  holdsPerSecond: number;
  answered: number;
  /** CPU per booking: app server, PostgreSQL backends, and this load generator's own process. */
  appCpuMs: number;
  dbCpuMs: number;
  driverCpuMs: number;
}

/**
 * `variant`: the same load again under another name, e.g. on a database whose statistics were
 * wiped (bench/lib/statistics.ts); `bookedBefore` is what earlier runs left on these services.
 */
export async function spread(ctx: BenchContext, variant: { name: string; note: string; bookedBefore: number } = { name: "Spread", note: "", bookedBefore: 0 }): Promise<SpreadResult> {
  const { options } = ctx;
  const recorder = new Recorder();
  const since = mark(ctx.server);
  const cpuBefore = await cpuMark(ctx.server.pgid, ctx.sql);
  const driverBefore = process.cpuUsage();
  const { passengers: booked } = await spreadLoad(ctx, options.spread.seconds, recorder, 3);
  const driver = process.cpuUsage(driverBefore);
  const cpu = cpuPer(cpuBefore, await cpuMark(ctx.server.pgid, ctx.sql), recorder.count(201));
  const driverCpuMs = (driver.user + driver.system) / 1000 / Math.max(1, recorder.count(201));
  const summary = recorder.summary();
  const holdsPerSecond = recorder.count(201) / options.spread.seconds;
  return {
    name: variant.name,
    setup: `${options.concurrency} concurrent clients for ${options.spread.seconds} s, one passenger each (automatic seat), random service of ${ctx.fixture.spread.length} and random journey; no other load${variant.note}`,
    requests: { "POST /bookings": summary },
    figures: {
      "bookings (holds) per second": round(holdsPerSecond),
      "app server CPU per booking (ms)": round(cpu.appMs),
      "PostgreSQL CPU per booking, bench database backends (ms)": round(cpu.dbMs),
      "load generator CPU per booking (ms)": round(driverCpuMs),
      "bookings/s two idle cores could give at that CPU cost (app + database only)": round(2000 / (cpu.appMs + cpu.dbMs)),
    },
    contention: contentionSince(ctx.server, since),
    checks: await spreadChecks(ctx, variant.name, recorder, variant.bookedBefore + booked),
    serverErrors: errorsSince(ctx.server, since),
    holdsPerSecond,
    answered: booked,
    appCpuMs: cpu.appMs,
    dbCpuMs: cpu.dbMs,
    driverCpuMs,
  };
}

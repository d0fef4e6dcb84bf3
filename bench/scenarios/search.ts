// Scenario 4, Search: search and seat-map reads at `search.concurrency` concurrent clients, first
// alone (what reads cost by themselves), then while scenario 3's booking load runs at its own
// concurrency (the figure the target is judged on). The reads run in a child process
// (read-load.ts); the bookings run here, so the two load generators do not share an event loop.
import { spawn } from "node:child_process";
import path from "node:path";
import { contentionSince, errorsSince, mark } from "../lib/contention";
import type { BenchContext, ScenarioResult } from "../lib/context";
import { Recorder, round, type Summary } from "../lib/stats";
import { check } from "../lib/checks";
import { cpuMark, cpuPer } from "../lib/cpu";
import type { ReadResult, ReadSpec } from "./read-load";
import { spreadChecks, spreadLoad } from "./spread";

export function readsInChild(spec: ReadSpec & { floorOnly: true }): Promise<{ health: ReadResult }>;
export function readsInChild(spec: ReadSpec): Promise<{ search: ReadResult; seatMap: ReadResult }>;
export function readsInChild(spec: ReadSpec): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.resolve("node_modules/.bin/tsx"), [path.resolve("bench/scenarios/read-load.ts"), JSON.stringify(spec)], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString("utf8")));
    const guard = setTimeout(() => child.kill("SIGKILL"), (spec.seconds + 60) * 1000);
    child.on("exit", (code) => {
      clearTimeout(guard);
      const last = out.trim().split("\n").at(-1) ?? "";
      if (code === 0 && last.startsWith("{")) resolve(JSON.parse(last));
      else reject(new Error(`read load exited with ${code}: ${out.slice(-500)}`));
    });
  });
}

export function asSummary(r: ReadResult): Summary {
  const outcomes: Record<string, number> = { "2xx": r.requests - r.non2xx };
  if (r.non2xx) outcomes["non-2xx"] = r.non2xx;
  if (r.errors) outcomes["errors (incl. timeouts)"] = r.errors;
  return { count: r.requests, perSecond: r.perSecond, p50: r.p50, p95: r.p95, p99: r.p99, max: r.max, mean: NaN, outcomes, serverErrors: r.non2xx, transportErrors: r.errors };
}

export interface SearchResult extends ScenarioResult {
  searchP95: number;
  seatMapP95: number;
  /** Reads answered per second with no bookings running, and the CPU each cost (app, database). */
  aloneReadsPerSecond: number;
  aloneAppCpuMs: number;
  aloneDbCpuMs: number;
}

export async function search(ctx: BenchContext, seatsBookedBefore: number): Promise<SearchResult> {
  const { options, fixture } = ctx;
  const spec: ReadSpec = {
    baseUrl: ctx.server.baseUrl,
    connections: options.search.concurrency,
    seconds: options.search.seconds,
    route: fixture.route,
    dates: fixture.searchDates,
    serviceIds: fixture.spread,
  };
  const since = mark(ctx.server);
  const cpuBefore = await cpuMark(ctx.server.pgid, ctx.sql);
  const alone = await readsInChild({ ...spec, seconds: Math.max(1, Math.round(spec.seconds / 2)) });
  const aloneReads = alone.search.requests + alone.seatMap.requests;
  const aloneCpu = cpuPer(cpuBefore, await cpuMark(ctx.server.pgid, ctx.sql), aloneReads);

  const bookings = new Recorder();
  const [loaded, booked] = await Promise.all([readsInChild(spec), spreadLoad(ctx, options.search.seconds, bookings, 5)]);
  const bookingSummary = bookings.summary();
  const reads = [alone.search, alone.seatMap, loaded.search, loaded.seatMap];
  return {
    name: "Search",
    setup: `${options.search.concurrency} concurrent readers (half search, half seat map) for ${Math.round(spec.seconds / 2)} s alone, then ${spec.seconds} s while the Spread booking load runs with ${options.concurrency} clients`,
    requests: {
      "GET /search (reads alone)": asSummary(alone.search),
      "GET /services/{id}/seats (reads alone)": asSummary(alone.seatMap),
      "GET /search (during bookings)": asSummary(loaded.search),
      "GET /services/{id}/seats (during bookings)": asSummary(loaded.seatMap),
      "POST /bookings (Spread, during reads)": bookingSummary,
    },
    figures: {
      "bookings (holds) per second during reads": round(bookings.count(201) / options.search.seconds),
      "app server CPU per read, reads alone (ms)": round(aloneCpu.appMs),
      "PostgreSQL CPU per read, reads alone (ms)": round(aloneCpu.dbMs),
    },
    contention: contentionSince(ctx.server, since),
    checks: [
      check("Search: every read answered 2xx", reads.every((r) => r.non2xx === 0 && r.errors === 0), reads.map((r) => `${r.non2xx} non-2xx/${r.errors} errors`).join(", ")),
      ...(await spreadChecks(ctx, "Spread during reads", bookings, seatsBookedBefore + booked.passengers)),
    ],
    serverErrors: errorsSince(ctx.server, since),
    searchP95: loaded.search.p95,
    seatMapP95: loaded.seatMap.p95,
    aloneReadsPerSecond: alone.search.perSecond + alone.seatMap.perSecond,
    aloneAppCpuMs: aloneCpu.appMs,
    aloneDbCpuMs: aloneCpu.dbMs,
  };
}

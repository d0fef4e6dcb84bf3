// The floor: GET /api/health (one `SELECT 1` through Prisma, no auth, a tiny JSON answer) at the
// search concurrency, before any other scenario. No route of the app can be cheaper, so its
// throughput and latency bound what the search and booking scenarios can reach on this machine,
// and its CPU per request is what Next.js, Node's HTTP and one Prisma round trip cost by themselves.
import { contentionSince, errorsSince, mark } from "../lib/contention";
import { cpuMark, cpuPer } from "../lib/cpu";
import { check } from "../lib/checks";
import type { BenchContext, ScenarioResult } from "../lib/context";
import { round } from "../lib/stats";
import { asSummary, readsInChild } from "./search";

export interface FloorResult extends ScenarioResult {
  perSecond: number;
  p95: number;
  appCpuMs: number;
  dbCpuMs: number;
}

export async function floor(ctx: BenchContext): Promise<FloorResult> {
  const { options, fixture } = ctx;
  const seconds = options.floor.seconds;
  const since = mark(ctx.server);
  const before = await cpuMark(ctx.server.pgid, ctx.sql);
  const { health } = await readsInChild({
    baseUrl: ctx.server.baseUrl,
    connections: options.search.concurrency,
    seconds,
    route: fixture.route,
    dates: fixture.searchDates,
    serviceIds: fixture.spread,
    floorOnly: true,
  });
  const cpu = cpuPer(before, await cpuMark(ctx.server.pgid, ctx.sql), health.requests);
  return {
    name: "Floor",
    setup: `GET /api/health (one SELECT 1 through Prisma) on ${options.search.concurrency} connections for ${seconds} s, autocannon in a child process; nothing else running`,
    requests: { "GET /api/health": asSummary(health) },
    figures: {
      "app server CPU per request (ms)": round(cpu.appMs),
      "PostgreSQL CPU per request (ms)": round(cpu.dbMs),
    },
    contention: contentionSince(ctx.server, since),
    checks: [check("Floor: every request answered 2xx", health.non2xx === 0 && health.errors === 0, `${health.non2xx} non-2xx, ${health.errors} errors`)],
    serverErrors: errorsSince(ctx.server, since),
    perSecond: health.perSecond,
    p95: health.p95,
    appCpuMs: cpu.appMs,
    dbCpuMs: cpu.dbMs,
  };
}

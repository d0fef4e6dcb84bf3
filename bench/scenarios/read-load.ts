// The read load for scenario 4: autocannon, in a process of its own (so its event loop is not the
// booking driver's, and neither one's timers skew the other's latencies). Two autocannon instances
// run side by side for the same time, half the connections each: GET /api/v1/search for random
// journeys and dates, and GET /api/v1/services/{id}/seats for random services and journeys.
// Run as `tsx bench/scenarios/read-load.ts '<json spec>'`; prints one JSON line with the results.
// Percentiles come from every response's own time (autocannon's summary has no p95).
import autocannon from "autocannon";
import { randomSegment, rng } from "../lib/booking-api";
import { percentile } from "../lib/stats";

export interface ReadSpec {
  baseUrl: string;
  connections: number;
  seconds: number;
  route: string[];
  dates: string[];
  serviceIds: string[];
  /** Only GET /api/health on every connection: the cheapest route, the framework's own floor (floor.ts). */
  floorOnly?: boolean;
}

export interface ReadResult {
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

async function fire(spec: ReadSpec, connections: number, pathFor: () => string): Promise<ReadResult> {
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: spec.baseUrl,
        connections,
        duration: spec.seconds,
        timeout: 30,
        requests: [{ method: "GET", setupRequest: (request) => ({ ...request, path: pathFor() }) }],
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on("response", (_client, _status, _bytes, ms) => times.push(ms));
  });
  times.sort((a, b) => a - b);
  return {
    requests: times.length,
    perSecond: times.length / spec.seconds,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    max: times.at(-1) ?? 0,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

export async function runReads(spec: ReadSpec): Promise<{ search: ReadResult; seatMap: ReadResult } | { health: ReadResult }> {
  if (spec.floorOnly) return { health: await fire(spec, spec.connections, () => "/api/health") };
  const random = rng(4);
  const half = Math.max(1, Math.floor(spec.connections / 2));
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  const [search, seatMap] = await Promise.all([
    fire(spec, half, () => {
      const { from, to } = randomSegment(spec.route, random);
      return `/api/v1/search?from=${from}&to=${to}&date=${pick(spec.dates)}`;
    }),
    fire(spec, spec.connections - half, () => {
      const { from, to } = randomSegment(spec.route, random);
      return `/api/v1/services/${pick(spec.serviceIds)}/seats?from=${from}&to=${to}`;
    }),
  ]);
  return { search, seatMap };
}

if (process.argv[1]?.endsWith("read-load.ts")) {
  const spec = JSON.parse(process.argv[2] ?? "{}") as ReadSpec;
  runReads(spec).then(
    (result) => console.log(JSON.stringify(result)),
    (error) => {
      console.error(error);
      // The parent (search.ts) rejects on a non-zero exit, so a failed read load fails the scenario.
      process.exit(1);
    },
  );
}

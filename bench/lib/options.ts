// What one bench run does and how hard: the full run (minutes, for bench/REPORT.md) or the smoke
// run (seconds, for CI, where only correctness failures and crashes may fail the build).
// Every setting can be overridden from the environment, so a figure in the report can be
// reproduced or varied without editing code; the report prints the settings it ran with.

export interface BenchOptions {
  smoke: boolean;
  port: number;
  /** DATABASE_POOL_MAX for the app server (the app's own default is 10). */
  poolSize: number;
  /** Concurrent clients for Rush, Spread and the search reads. */
  concurrency: number;
  rush: { users: number; maxParty: number };
  hotSeat: { users: number; seats: number };
  spread: { services: number; seconds: number };
  search: { concurrency: number; seconds: number };
  /** GET /api/health at the search concurrency (bench/scenarios/floor.ts). */
  floor: { seconds: number };
  bigParty: { runs: number; passengers: number };
  ceiling: { seconds: number; services: number };
  profile: { bookings: number };
  /** Past (cancelled) bookings written before the run, so indexes have a realistic size (bench/lib/history.ts). */
  history: number;
  /** Days of demo services seeded for the search scenario (the demo trains). */
  seedDays: number;
  /** Keep the database after the run (for poking at it with psql). */
  keepDatabase: boolean;
}

function envInt(name: string, fallback: number, min = 1, max = 100_000): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return value;
}

export function readOptions(argv: string[] = process.argv.slice(2)): BenchOptions {
  const unknown = argv.filter((a) => a !== "--smoke" && a !== "--keep-db");
  if (unknown.length > 0) throw new Error(`unknown argument(s): ${unknown.join(" ")} (use --smoke, --keep-db, or BENCH_* variables)`);
  const smoke = argv.includes("--smoke") || process.env.BENCH_SMOKE === "1";
  // Smoke: small enough for seconds on a busy CI machine, large enough that every scenario still
  // exercises its failure mode (a sell-out, a fought-over seat, a read during writes).
  const concurrency = envInt("BENCH_CONCURRENCY", smoke ? 16 : 64, 1, 512);
  return {
    smoke,
    port: envInt("BENCH_PORT", 3950, 1024, 65_535),
    poolSize: envInt("BENCH_POOL_MAX", 10, 1, 80),
    concurrency,
    rush: { users: envInt("BENCH_RUSH_USERS", smoke ? 60 : 500), maxParty: 4 },
    hotSeat: { users: envInt("BENCH_HOT_USERS", smoke ? 40 : 200), seats: envInt("BENCH_HOT_SEATS", 10, 1, 64) },
    spread: { services: envInt("BENCH_SPREAD_SERVICES", smoke ? 10 : 100, 1, 300), seconds: envInt("BENCH_SPREAD_SECONDS", smoke ? 3 : 20, 1, 600) },
    search: { concurrency: envInt("BENCH_SEARCH_CONCURRENCY", smoke ? 8 : 64, 1, 512), seconds: envInt("BENCH_SEARCH_SECONDS", smoke ? 3 : 20, 1, 600) },
    floor: { seconds: envInt("BENCH_FLOOR_SECONDS", smoke ? 1 : 10, 1, 600) },
    bigParty: { runs: envInt("BENCH_PARTY_RUNS", smoke ? 5 : 50, 1, 300), passengers: 6 },
    ceiling: { seconds: envInt("BENCH_CEILING_SECONDS", smoke ? 2 : 10, 1, 600), services: envInt("BENCH_CEILING_SERVICES", smoke ? 10 : 100, 1, 300) },
    profile: { bookings: envInt("BENCH_PROFILE_BOOKINGS", smoke ? 5 : 40, 1, 300) },
    history: envInt("BENCH_HISTORY", smoke ? 0 : 100_000, 0, 1_000_000),
    seedDays: smoke ? 2 : 7,
    keepDatabase: argv.includes("--keep-db") || process.env.BENCH_KEEP_DB === "1",
  };
}

// `npm run bench` (full, writes bench/REPORT.md) or `npm run bench -- --smoke` / BENCH_SMOKE=1
// (seconds; CI runs it after Playwright). One run: a fresh database with the bench fixture, the
// plain-SQL ceiling (pgbench), the in-process profile, then the production server on its own port
// and the five scenarios against it, then the report. It fails (exit 1) only when a correctness
// check fails or something crashes; timings are reported, never asserted.
// Always cleans up: the server's process group is killed and the database dropped, also on Ctrl-C.
import { copyFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { forgetStatistics } from "./lib/statistics";
import { createFreshDatabase, dropDatabase, dropStaleDatabases } from "@/scripts/lib/databases";
import { createUsers } from "./lib/accounts";
import { addHistory } from "./lib/history";
import { buildFixture } from "./lib/fixture";
import { readOptions } from "./lib/options";
import { ensureBuild, startServer, type Server } from "./lib/server";
import { describeMachine, loadAverage } from "./lib/machine";
import type { BenchContext, ScenarioResult } from "./lib/context";
import { measureCeiling } from "./ceiling/ceiling";
import { runProfile, httpProfile } from "./profile/profile";
import { writeReport, type BenchResults } from "./lib/report";
import { bigParty } from "./scenarios/big-party";
import { floor } from "./scenarios/floor";
import { hotSeat } from "./scenarios/hot-seat";
import { rush } from "./scenarios/rush";
import { spread } from "./scenarios/spread";
import { search } from "./scenarios/search";

const PREFIX = "railbook_bench";
const started = Date.now();
const log = (line: string) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(1)}s] ${line}`);

const cleanups: (() => Promise<unknown>)[] = [];
async function cleanup(): Promise<void> {
  while (cleanups.length > 0) await cleanups.pop()!().catch((error) => console.error("cleanup:", error));
}
// Ctrl-C or a kill: drop the database and stop the server first, then exit as interrupted (128 + 2).
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => void cleanup().finally(() => process.exit(130)));
}

async function main(): Promise<number> {
  const options = readOptions();
  log(`${options.smoke ? "smoke" : "full"} run; load average ${loadAverage()}`);
  const build = ensureBuild(log);

  await dropStaleDatabases(PREFIX);
  const { name, url } = await createFreshDatabase(PREFIX);
  if (!options.keepDatabase) cleanups.push(() => dropDatabase(name));
  else log(`keeping database ${url}`);
  const sql = new pg.Pool({ connectionString: url, max: 3 });
  // An idle client can still be closing when the database is dropped at the end (pg-pool's end()
  // resolves before the sockets close), and DROP ... WITH (FORCE) then terminates it: without a
  // listener that "error" event would crash the run after its verdict.
  sql.on("error", (error) => log(`bench pool: ${error.message}`));
  cleanups.push(() => sql.end());

  const fixture = await buildFixture(url, options, log);
  const users = await createUsers(url, Math.max(options.rush.users, options.hotSeat.users) + 1);
  log(`${users.length} users with API tokens`);
  const history = await addHistory(url, options.history);
  log(`${history} past bookings as history`);
  // The state autovacuum keeps a live database in: visibility maps set (so counts of a service's
  // seats are index-only scans) and statistics fresh. A freshly bulk-loaded one has neither yet.
  const vacuumStarted = Date.now();
  await sql.query("VACUUM (ANALYZE)");
  log(`VACUUM (ANALYZE) in ${((Date.now() - vacuumStarted) / 1000).toFixed(1)} s`);
  const machine = await describeMachine(sql);

  // The ceiling and the in-process profile run before the server exists, so nothing competes with them.
  log(`ceiling: pgbench at ${options.poolSize} and ${options.concurrency} clients, ${options.ceiling.seconds} s each`);
  const ceiling = await measureCeiling(sql, url, fixture.ceiling, [options.poolSize, options.concurrency], options.ceiling.seconds);
  log(`profile: ${options.profile.bookings} bookings in process`);
  const profile = await runProfile(url, fixture, options, users.at(-1)!);

  const server: Server = await startServer(options.port, {
    DATABASE_URL: url,
    DATABASE_POOL_MAX: String(options.poolSize),
    AUTH_SECRET: "bench-secret-not-for-production-00000000000000",
    BOOKING_CONTENTION_LOG: "1",
  });
  cleanups.push(() => server.stop());
  log(`server up at ${server.baseUrl} (pool ${options.poolSize})`);
  const ctx: BenchContext = { options, fixture, users, server, sql, log };

  // Warm-up and the HTTP leg of the profile: one client, one request at a time.
  const http = await httpProfile(ctx, profile);
  const scenarios: ScenarioResult[] = [];
  const loads: Record<string, string> = {};
  const runScenario = async <R extends ScenarioResult>(label: string, work: () => Promise<R>): Promise<R> => {
    loads[label] = loadAverage();
    log(`${label} (load average ${loads[label]})`);
    const result = await work();
    scenarios.push(result);
    for (const c of result.checks) if (!c.ok) log(`CHECK FAILED: ${c.name}: ${c.detail}`);
    return result;
  };
  const floorResult = await runScenario("Floor", () => floor(ctx));
  const party = await runScenario("Big party", () => bigParty(ctx));
  const rushResult = await runScenario("Rush", () => rush(ctx));
  await runScenario("Hot seat", () => hotSeat(ctx));
  const spreadResult = await runScenario("Spread", () => spread(ctx));
  // The same load on a database whose statistics are gone (as a young database that was never analyzed).
  await forgetStatistics(sql);
  const unanalyzed = "Spread (never analyzed)";
  const spreadYoung = await runScenario(unanalyzed, () =>
    spread(ctx, { name: unanalyzed, note: "; planner statistics wiped first (bench/lib/statistics.ts)", bookedBefore: spreadResult.answered }),
  );
  await sql.query("ANALYZE");
  const searchResult = await runScenario("Search", () => search(ctx, spreadResult.answered + spreadYoung.answered));
  await server.stop();

  const results: BenchResults = {
    options,
    machine,
    build,
    finishedAt: new Date().toISOString(),
    loadAtEnd: loadAverage(),
    loads,
    ceiling,
    profile,
    http,
    scenarios,
    targets: { spread: spreadResult, rush: rushResult, search: searchResult, party, floor: floorResult },
  };
  const failed = scenarios.flatMap((s) => s.checks).filter((c) => !c.ok);
  const reportPath = options.smoke ? path.join(os.tmpdir(), `railbook-bench-smoke-${process.pid}.md`) : path.resolve(process.env.BENCH_REPORT ?? "bench/REPORT.md");
  writeReport(reportPath, results);
  const jsonPath = path.join(os.tmpdir(), `railbook-bench-${options.smoke ? "smoke" : "full"}-${process.pid}.json`);
  writeFileSync(jsonPath, JSON.stringify(results, null, 2));
  if (process.env.BENCH_SAVE_BASELINE === "1") copyFileSync(jsonPath, path.resolve("bench/baseline.json"));
  log(`report: ${reportPath} (results ${jsonPath}); load average ${loadAverage()}`);
  log(failed.length === 0 ? "all correctness checks passed" : `${failed.length} correctness check(s) FAILED`);
  return failed.length === 0 ? 0 : 1;
}

// A hard stop, so a wedged run cannot hold a CI machine: generous next to the longest full run.
const watchdog = setTimeout(() => {
  console.error("bench: watchdog fired (30 min), cleaning up");
  void cleanup().finally(() => process.exit(2));
}, 30 * 60_000);
watchdog.unref();

// The exit code is the verdict CI reads: 1 when a correctness check failed or the run crashed, else 0.
main()
  .then(async (code) => {
    await cleanup();
    process.exit(code);
  })
  .catch(async (error) => {
    console.error(error);
    await cleanup();
    process.exit(1);
  });

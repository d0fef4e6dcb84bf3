// npm run test:failover: bookings and payments keep flowing through the API while the cluster's
// primary is killed three times, then a synchronous standby and etcd's Raft leader; afterwards the
// database is checked against everything the API acknowledged. Writes cluster/FAILOVER-REPORT.md,
// ends with "N passed, 0 failed", exits non-zero on any failed check or error, and always tears
// the cluster down (FAILOVER_KEEP_CLUSTER=1 keeps it, for debugging).
import { cpSync, existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { downCluster, upCluster } from "../lib/cluster";
import { HOST, LOG_DIR, PG } from "../lib/layout";
import { clusterMembers } from "../lib/patroni";
import { sleep, waitFor } from "../lib/wait";
import { appLogCounts, ensureBuild, startApp, type App } from "./app";
import { databaseChecks, replicaChecks, type Check } from "./checks";
import { killEtcdLeader, killPrimary, killReplica, steadyState, type FaultRecord } from "./faults";
import { bookableRoutes, createAccounts, createDatabase } from "./fixture";
import { faultFigures, runFigures } from "./measure";
import { writeReport } from "./report";
import { Stream } from "./stream";

const CLIENTS = Number(process.env.FAILOVER_CLIENTS ?? 16);
const APP_PORT = Number(process.env.FAILOVER_APP_PORT ?? 3500);
const HARD_LIMIT_MS = 10 * 60_000;
const REPORT = path.resolve("cluster/FAILOVER-REPORT.md");
const APP_LOG = path.resolve(".data/failover/app.log");

const startedAt = new Date();
const log = (line: string) => console.log(`[failover ${((Date.now() - startedAt.getTime()) / 1000).toFixed(1).padStart(6)} s] ${line}`);

let app: App | null = null;
let tornDown = false;
async function teardown(): Promise<void> {
  if (tornDown) return;
  tornDown = true;
  await app?.stop();
  // The members' logs go with the cluster's state; keep them for a look at what happened.
  if (existsSync(LOG_DIR)) cpSync(LOG_DIR, path.resolve(".data/failover/cluster-logs"), { recursive: true });
  if (process.env.FAILOVER_KEEP_CLUSTER === "1") return log("FAILOVER_KEEP_CLUSTER=1: the cluster is left running");
  await downCluster(log).catch((error) => log(`teardown: ${error instanceof Error ? error.message : String(error)}`));
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => void teardown().finally(() => process.exit(130)));
}
// The test stops by itself even if something hangs where no timeout reaches.
setTimeout(() => {
  log(`hard limit of ${HARD_LIMIT_MS / 60_000} minutes reached`);
  void teardown().finally(() => process.exit(1));
}, HARD_LIMIT_MS).unref();

async function main(): Promise<Check[]> {
  ensureBuild(log);
  const up = await upCluster(log);
  log(up.alreadyRunning ? "reusing the running cluster" : `cluster up in ${up.seconds.toFixed(1)} s`);
  const database = await createDatabase(log);
  const routes = await bookableRoutes(database.url);
  rmSync(path.dirname(APP_LOG), { recursive: true, force: true });
  mkdirSync(path.dirname(APP_LOG), { recursive: true });
  app = await startApp({ databaseUrl: database.url, port: APP_PORT, logFile: APP_LOG });
  log(`app up at ${app.baseUrl} (log: ${APP_LOG})`);
  const accounts = await createAccounts(app.baseUrl, CLIENTS);

  const stream = new Stream(app.baseUrl, accounts, routes);
  stream.start();
  log(`${CLIENTS} clients booking and paying on ${routes.length} service classes`);
  await sleep(5_000);

  const faults: FaultRecord[] = [];
  for (const inject of [killPrimary, killPrimary, killPrimary, killReplica, killEtcdLeader]) {
    await steadyState();
    const before = Date.now();
    await sleep(3_000);
    log(`${stream.writesSince(before)} successful writes in the last 3 s; injecting the next fault`);
    faults.push(await inject(log));
  }
  await sleep(3_000);
  log("stopping the clients (each finishes its current trip)");
  await stream.stop();
  const appAlive = app.alive();
  await app.stop();

  const run = runFigures(stream.trips);
  const figures = faultFigures(faults, stream.attempts, stream.trips.flatMap((t) => (t.pay ? [t.book, t.pay] : [t.book])));
  const appLog = appLogCounts(APP_LOG);
  const quietFaults = figures.filter((f) => f.fault.kind !== "primary");
  const checks: Check[] = [
    { name: "every call got a definitive answer (no 5xx or silence after retries)", passed: run.definitiveFailures === 0, detail: `${run.definitiveFailures} of ${run.calls} calls without one` },
    {
      name: "each primary kill promoted another member and the old primary rejoined as a replica",
      passed: faults.filter((f) => f.kind === "primary" && f.newPrimary && f.newPrimary !== f.target).length === 3,
      detail: faults.filter((f) => f.kind === "primary").map((f) => `${f.target} -> ${f.newPrimary}`).join(", "),
    },
    {
      name: "killing a synchronous standby or etcd's leader made no request fail for want of the database",
      passed: quietFaults.every((f) => f.unavailableAttempts === 0),
      detail: quietFaults
        .map((f) => `${f.fault.kind} ${f.fault.target}: ${f.unavailableAttempts} such failures, longest gap without a write ${(f.longestGapMs / 1000).toFixed(1)} s`)
        .join("; "),
    },
    { name: "the app stayed up and logged no crash", passed: appAlive && appLog.crashes.length === 0, detail: appLog.crashes[0] ?? `alive: ${appAlive}` },
    ...(await databaseChecks(database.url, stream.trips, accounts.map((a) => a.userId))),
  ];
  // Replicas apply what the primary committed within moments; compare once they have caught up.
  await waitFor(async () => (await clusterMembers())?.every((m) => m.role === "leader" || m.lag === 0) ?? false, 15_000, 250);
  const memberUrls = Object.fromEntries(PG.map((m) => [m.name, `postgresql://postgres@${HOST}:${m.pgPort}/${database.name}`]));
  checks.push(await replicaChecks(memberUrls));

  writeReport(REPORT, { startedAt, seconds: (Date.now() - startedAt.getTime()) / 1000, clients: CLIENTS, faults: figures, run, app: appLog, checks });
  console.log("");
  for (const f of figures) {
    const outage = f.writeOutageMs === null ? "none" : `${(f.writeOutageMs / 1000).toFixed(1)} s`;
    console.log(`  ${f.fault.kind.padEnd(8)} ${f.fault.target.padEnd(6)} write outage ${outage.padEnd(7)} longest gap ${(f.longestGapMs / 1000).toFixed(1)} s, ${f.failedAttempts} failed attempts repeated ${JSON.stringify(f.reasons)}`);
  }
  console.log(`  ${run.acknowledgedBookings} bookings, ${run.acknowledgedPayments} payments acknowledged; ${run.retriedCalls} calls repeated; ${run.definitiveFailures} without a definitive answer ${run.undecided.join("; ")}`);
  for (const c of checks) console.log(`  ${c.passed ? "PASS" : "FAIL"} ${c.name}: ${c.detail}`);
  console.log(`  report: ${path.relative(process.cwd(), REPORT)}`);
  return checks;
}

let exitCode = 1;
try {
  const checks = await main();
  const failed = checks.filter((c) => !c.passed).length;
  console.log(`${checks.length - failed} passed, ${failed} failed`);
  exitCode = failed === 0 ? 0 : 1;
} catch (error) {
  console.error(`failover test error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  console.log("0 passed, 1 failed");
} finally {
  await teardown();
}
process.exit(exitCode);

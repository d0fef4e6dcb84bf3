// cluster/FAILOVER-REPORT.md: where and with what the failover test ran, the settings that shape
// a failover, the figures per injected fault and for the run, and the checks.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import os from "node:os";
import { DCS_SETTINGS } from "../lib/patroni-config";
import { PG_BIN_DIR } from "../lib/layout";
import type { AppLogCounts } from "./app";
import type { Check } from "./checks";
import type { FaultFigures, RunFigures } from "./measure";
import { REQUEST_DEADLINE_MS } from "./stream";

export interface ReportInput {
  startedAt: Date;
  seconds: number;
  clients: number;
  faults: FaultFigures[];
  run: RunFigures;
  app: AppLogCounts;
  checks: Check[];
}

function version(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { encoding: "utf8", timeout: 10_000 }).split("\n")[0]!.trim();
  } catch {
    return "unknown";
  }
}

const reasons = (counted: Record<string, number>) =>
  Object.entries(counted).map(([reason, n]) => `${reason} x${n}`).join("; ") || "-";
const seconds = (ms: number | null) => (ms === null ? "none" : (ms / 1000).toFixed(1) + " s");

export function writeReport(file: string, input: ReportInput): void {
  const { run, app } = input;
  const lines = [
    "# Failover test report",
    "",
    `Written by \`npm run test:failover\` (cluster/failover/run.ts) on ${input.startedAt.toISOString()}; the run took ${input.seconds.toFixed(0)} s.`,
    "",
    "## Machine and versions",
    "",
    `- ${os.cpus().length} CPU cores (${os.cpus()[0]?.model ?? "unknown"}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os.type()} ${os.release()}; load average at the end ${os.loadavg().map((l) => l.toFixed(1)).join(" ")} (the machine is shared)`,
    `- ${version(`${PG_BIN_DIR}/postgres`, ["--version"])}; ${version("patroni", ["--version"])}; ${version("etcd", ["--version"])}; ${version("haproxy", ["-v"]).replace(/ - https.*/, "")}`,
    `- Node ${process.version}; the app is the production build (\`next start\`) with a pool of 10 connections through HAProxy`,
    "",
    "## Settings that shape a failover",
    "",
    `- Patroni DCS: ttl ${DCS_SETTINGS.ttl}, loop_wait ${DCS_SETTINGS.loop_wait}, retry_timeout ${DCS_SETTINGS.retry_timeout}, synchronous_mode + synchronous_mode_strict, failsafe_mode, use_pg_rewind, use_slots, wal_retrieve_retry_interval ${DCS_SETTINGS.postgresql.parameters.wal_retrieve_retry_interval}`,
    "- HAProxy: `option httpchk OPTIONS /primary`, `inter 500ms fall 2 rise 1 on-marked-down shutdown-sessions`",
    "- App: connection errors are retried for reads and for writes that claim an Idempotency-Key in their transaction, for up to 20 s per request (DATABASE_RETRY_BUDGET_MS), pauses 100 ms doubling to 1 s",
    `- Load: ${input.clients} clients, each with its own account and API token, booking one seat on a random segment of 6 services and paying for it, 50-150 ms between trips; every call repeated with the same Idempotency-Key on 5xx or network errors (after Retry-After, at most 1 s) until a definitive answer or ${REQUEST_DEADLINE_MS / 1000} s; an attempt unanswered after 30 s is abandoned and repeated ("network: ... timeout")`,
    "- Each fault is a `kill -9`; a killed PostgreSQL member loses Patroni and its postmaster together, as if its machine died, and is then restarted (it rejoins as a replica, with pg_rewind)",
    "",
    "## Per fault",
    "",
    "| # | fault | killed | new primary (after) | write outage (kill -> first successful write sent after it) | longest gap without a successful write | client attempts failed, then repeated (of them: database unreachable) | calls repeated | back in the cluster after | what the failed attempts got |",
    "|---|---|---|---|---|---|---|---|---|---|",
    ...input.faults.map((f, i) => {
      const promoted = f.fault.promotedAt ? `${f.fault.newPrimary} (${seconds(f.fault.promotedAt - f.fault.injectedAt)})` : "-";
      return `| ${i + 1} | ${f.fault.kind} | ${f.fault.target} | ${promoted} | ${seconds(f.writeOutageMs)} | ${seconds(f.longestGapMs)} | ${f.failedAttempts} (${f.unavailableAttempts}) | ${f.retriedCalls} | ${seconds(f.fault.repairedAt - f.fault.injectedAt)} | ${reasons(f.reasons)} |`;
    }),
    "",
    "## The whole run",
    "",
    `- ${run.trips} trips, ${run.calls} calls: ${run.acknowledgedBookings} bookings held (201), ${run.acknowledgedPayments} paid (200)`,
    `- Definitive refusals (4xx, correct answers): ${Object.entries(run.refused).map(([k, v]) => `${k} ${v}`).join(", ") || "none"}`,
    `- Calls repeated by clients: ${run.retriedCalls}; attempts that failed (5xx or no answer) before a repeat succeeded: ${run.failedAttempts}, of which ${run.contentionAttempts} were SERVICE_BUSY from booking contention (serialization or lock retries exhausted, queue full; these happen without any fault too) and ${run.failedAttempts - run.contentionAttempts} came from the database being unreachable`,
    `- **Calls without a definitive answer (5xx or nothing after all repeats): ${run.definitiveFailures}**${run.undecided.length ? ` (${run.undecided.join("; ")})` : ""}`,
    `- Slowest call, first attempt to final answer: ${seconds(run.slowestCallMs)}`,
    `- Inside the app: ${app.connectionRetries} operations retried after a lost connection, ${app.budgetSpent} ran out of retry budget, ${app.unavailable} answered SERVICE_BUSY for a connection error, ${app.unattended} errors on connections no one else listened to were caught by the pool guard (lib/db/pool.ts) instead of crashing the process`,
    "",
    "## Checks (read from the database after the run)",
    "",
    ...input.checks.map((c) => `- ${c.passed ? "PASS" : "FAIL"}: ${c.name} (${c.detail})`),
    "",
    `${input.checks.filter((c) => c.passed).length} passed, ${input.checks.filter((c) => !c.passed).length} failed`,
    "",
  ];
  writeFileSync(file, lines.join("\n"));
}

// The cluster as a whole: is it running, bring it up in dependency order (etcd, then Patroni, then
// HAProxy), take it down in reverse and remove its state.
import { existsSync, rmSync } from "node:fs";
import { serviceDir } from "./processes";
import { ETCD, PG, STATE_DIR, allPorts } from "./layout";
import { etcdPid, startEtcd, stopEtcd } from "./etcd";
import { clusterHealthy, patroniPid, postmasterPid, startPatroni, stopPatroni } from "./patroni";
import { haproxyPid, startHaproxy, stopHaproxy } from "./haproxy";
import { ensurePackages } from "./install";
import { portOpen } from "./wait";

export type ClusterState = "running" | "partial" | "stopped";

/** Which of the daemons `cluster:up` starts are alive, by their PID files. */
export function daemons(): Record<string, number | null> {
  return {
    ...Object.fromEntries(ETCD.map((m) => [m.name, etcdPid(m)])),
    ...Object.fromEntries(PG.map((m) => [m.name, patroniPid(m)])),
    ...Object.fromEntries(PG.map((m) => [`${m.name}-postmaster`, postmasterPid(m)])),
    haproxy: haproxyPid(),
  };
}

export function clusterState(): ClusterState {
  const pids = Object.values(daemons());
  if (pids.every((p) => p !== null)) return "running";
  return pids.some((p) => p !== null) ? "partial" : "stopped";
}

export interface UpResult {
  alreadyRunning: boolean;
  seconds: number;
}

export async function upCluster(log: (line: string) => void): Promise<UpResult> {
  const started = Date.now();
  const state = clusterState();
  if (state === "running") return { alreadyRunning: true, seconds: 0 };
  if (state === "partial") {
    throw new Error(`A cluster is partly running in ${STATE_DIR}: run \`npm run cluster:down\` first.`);
  }
  ensurePackages(log);
  const busy = [];
  for (const port of allPorts()) if (await portOpen(port)) busy.push(port);
  if (busy.length) throw new Error(`Ports already in use by something else: ${busy.join(", ")}`);

  // Nothing of ours runs: leftovers of an earlier run that died are stale.
  if (existsSync(STATE_DIR)) rmSync(STATE_DIR, { recursive: true, force: true });
  serviceDir(STATE_DIR, 0o755);

  log("starting 3 etcd members");
  await startEtcd();
  log("starting 3 Patroni members (PostgreSQL 15)");
  await startPatroni();
  log("starting HAProxy");
  await startHaproxy();
  return { alreadyRunning: false, seconds: (Date.now() - started) / 1000 };
}

export async function downCluster(log: (line: string) => void): Promise<void> {
  if (await stopHaproxy()) log("stopped HAProxy");
  const pg = await stopPatroni();
  if (pg.length) log(`stopped ${pg.join(", ")}`);
  const etcd = await stopEtcd();
  if (etcd.length) log(`stopped ${etcd.join(", ")}`);
  if (clusterState() !== "stopped") throw new Error(`Some cluster processes are still running; state kept in ${STATE_DIR}.`);
  if (existsSync(STATE_DIR)) {
    rmSync(STATE_DIR, { recursive: true, force: true });
    log(`removed ${STATE_DIR}`);
  }
}

export { clusterHealthy };

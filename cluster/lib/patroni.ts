// Running the Patroni-managed PostgreSQL members, asking Patroni who is primary, and crashing a
// member the way a lost machine would (kill -9 of Patroni and its postmaster).
import path from "node:path";
import { HOST, PG, SOCKET_DIR, type PgMember } from "./layout";
import { writePatroniConfigs } from "./patroni-config";
import { crash, readPid, isRunning, runningDaemon, startDaemon, stopDaemon, stopPid, serviceDir } from "./processes";
import { httpJson, waitFor, waitOrThrow } from "./wait";

const BINARY = "patroni";

export interface ClusterMember {
  name: string;
  role: "leader" | "sync_standby" | "replica" | string;
  state: string;
  host: string;
  port: number;
  timeline?: number;
  lag?: number | string;
}

export function patroniPid(member: PgMember): number | null {
  return runningDaemon(member.name, BINARY);
}

/** The postmaster of a member, from its data directory's postmaster.pid (it may outlive Patroni). */
export function postmasterPid(member: PgMember): number | null {
  const pid = readPid(path.join(member.dataDir, "postmaster.pid"));
  return pid !== null && isRunning(pid) ? pid : null;
}

export function startPatroniMember(member: PgMember): number {
  serviceDir(member.dir);
  return startDaemon(member.name, "/usr/bin/patroni", [member.configFile]);
}

/** The cluster as any reachable member's REST API sees it. */
export async function clusterMembers(): Promise<ClusterMember[] | null> {
  for (const member of PG) {
    const answer = await httpJson<{ members?: ClusterMember[] }>(`http://${HOST}:${member.restPort}/cluster`);
    if (answer?.body?.members) return answer.body.members;
  }
  return null;
}

export async function leader(): Promise<PgMember | null> {
  const leaderName = (await clusterMembers())?.find((m) => m.role === "leader" && m.state === "running")?.name;
  return PG.find((m) => m.name === leaderName) ?? null;
}

/** A member answers 200 on OPTIONS /primary only while it is the running primary (HAProxy's check). */
export async function isPrimary(member: PgMember): Promise<boolean> {
  try {
    const response = await fetch(`http://${HOST}:${member.restPort}/primary`, { method: "OPTIONS", signal: AbortSignal.timeout(1_000) });
    return response.status === 200;
  } catch {
    return false;
  }
}

/** Healthy: one running leader, a streaming synchronous standby, and every member streaming. */
export async function clusterHealthy(): Promise<boolean> {
  const members = await clusterMembers();
  if (!members || members.length !== PG.length) return false;
  const up = (m: ClusterMember) => m.state === "running" || m.state === "streaming";
  return (
    members.filter((m) => m.role === "leader" && m.state === "running").length === 1 &&
    members.some((m) => m.role === "sync_standby" && up(m)) &&
    members.every(up)
  );
}

export async function startPatroni(): Promise<void> {
  serviceDir(SOCKET_DIR, 0o755);
  for (const member of PG) serviceDir(member.dir);
  writePatroniConfigs();
  // The first member bootstraps alone (initdb); the others then clone it with pg_basebackup.
  startPatroniMember(PG[0]!);
  await waitOrThrow(`${PG[0]!.name} to bootstrap as primary`, () => isPrimary(PG[0]!), 60_000, 250);
  for (const member of PG.slice(1)) startPatroniMember(member);
  await waitOrThrow("both replicas to stream, one of them synchronously", clusterHealthy, 90_000, 250);
}

/** Starts a stopped member again: it rejoins as a replica (pg_rewind if it was the old primary). */
export async function restartPatroniMember(member: PgMember): Promise<void> {
  if (patroniPid(member) === null) startPatroniMember(member);
  await waitOrThrow(`${member.name} to rejoin`, clusterHealthy, 60_000, 250);
}

/** kill -9 of Patroni and then its postmaster: the member is gone as if its machine died. */
export async function crashPatroniMember(member: PgMember): Promise<{ patroni: number; postmaster: number | null }> {
  const patroni = patroniPid(member);
  if (patroni === null) throw new Error(`${member.name} is not running`);
  const postmaster = postmasterPid(member);
  // Patroni first, or it would restart its postmaster and keep the leader key.
  await crash(patroni);
  if (postmaster !== null) await crash(postmaster);
  return { patroni, postmaster };
}

async function stopMember(member: PgMember): Promise<boolean> {
  // Patroni stops its PostgreSQL on SIGTERM (fast shutdown).
  const stopped = await stopDaemon(member.name, BINARY, { graceMs: 30_000 });
  const orphan = postmasterPid(member);
  if (orphan !== null) {
    // Left running by a Patroni that was killed. SIGINT is PostgreSQL's "fast" shutdown.
    process.kill(orphan, "SIGINT");
    if (!(await waitFor(() => !isRunning(orphan), 15_000, 100))) await stopPid(orphan, { graceMs: 0 });
  }
  return stopped || orphan !== null;
}

export async function stopPatroni(): Promise<string[]> {
  // Replicas first (together), then the primary: stopping the primary first would only make a
  // replica take over.
  const primary = await leader();
  const replicas = PG.filter((m) => m !== primary);
  const stopped = (await Promise.all(replicas.map(async (m) => ((await stopMember(m)) ? m.name : null)))).filter((n) => n !== null);
  if (primary && (await stopMember(primary))) stopped.push(primary.name);
  return stopped;
}

// The faults the failover test injects, each as a crash (kill -9) followed by the repair an
// operator (or a supervisor) would make: the old primary restarted so that it rejoins as a
// replica (pg_rewind), a killed replica or etcd member started again.
import { ETCD, HOST, PG, type EtcdMember } from "../lib/layout";
import { crashEtcdMember, restartEtcdMember } from "../lib/etcd";
import { clusterHealthy, clusterMembers, crashPatroniMember, leader, restartPatroniMember } from "../lib/patroni";
import { sleep, waitOrThrow } from "../lib/wait";

export type FaultKind = "primary" | "replica" | "etcd";

export interface FaultRecord {
  kind: FaultKind;
  target: string;
  /** When the killed process was gone (the postmaster, for PostgreSQL members). */
  injectedAt: number;
  /** Primary kills: when Patroni reported another member as the running leader. */
  promotedAt: number | null;
  newPrimary: string | null;
  /** When the killed member was healthy again (rejoined, streaming). */
  repairedAt: number;
}

/** How long the stream runs on with a replica or etcd member down before it is repaired. */
const DEGRADED_MS = 8_000;

export async function killPrimary(log: (line: string) => void): Promise<FaultRecord> {
  const old = await leader();
  if (!old) throw new Error("no primary to kill");
  await crashPatroniMember(old);
  const injectedAt = Date.now();
  log(`killed primary ${old.name} (Patroni and postmaster, kill -9)`);
  let newPrimary: string | null = null;
  await waitOrThrow(
    `a new primary after killing ${old.name}`,
    async () => {
      const current = await leader();
      if (current && current.name !== old.name) newPrimary = current.name;
      return newPrimary !== null;
    },
    60_000,
    100,
  );
  const promotedAt = Date.now();
  log(`${newPrimary} promoted after ${((promotedAt - injectedAt) / 1000).toFixed(1)} s; restarting ${old.name} as a replica`);
  await restartPatroniMember(old);
  const role = (await clusterMembers())?.find((m) => m.name === old.name)?.role;
  if (role === "leader") throw new Error(`${old.name} came back as the primary, not as a replica`);
  return { kind: "primary", target: old.name, injectedAt, promotedAt, newPrimary, repairedAt: Date.now() };
}

/** Kills the synchronous standby: the primary must pick the other replica before commits go on. */
export async function killReplica(log: (line: string) => void): Promise<FaultRecord> {
  const name = (await clusterMembers())?.find((m) => m.role === "sync_standby")?.name;
  const member = PG.find((m) => m.name === name);
  if (!member) throw new Error("no synchronous standby to kill");
  await crashPatroniMember(member);
  const injectedAt = Date.now();
  log(`killed synchronous standby ${member.name}`);
  await sleep(DEGRADED_MS);
  await restartPatroniMember(member);
  return { kind: "replica", target: member.name, injectedAt, promotedAt: null, newPrimary: null, repairedAt: Date.now() };
}

async function etcdLeader(): Promise<EtcdMember | null> {
  for (const member of ETCD) {
    const url = `http://${HOST}:${member.clientPort}/v3/maintenance/status`;
    try {
      const response = await fetch(url, { method: "POST", body: "{}", signal: AbortSignal.timeout(1_000) });
      const status = (await response.json()) as { leader?: string; header?: { member_id?: string } };
      if (status.leader && status.leader === status.header?.member_id) return member;
    } catch {
      // this member is down; ask the next
    }
  }
  return null;
}

/** Kills etcd's Raft leader: the two others elect a new one; Patroni switches to a live member. */
export async function killEtcdLeader(log: (line: string) => void): Promise<FaultRecord> {
  const member = await etcdLeader();
  if (!member) throw new Error("no etcd leader found");
  await crashEtcdMember(member);
  const injectedAt = Date.now();
  log(`killed etcd Raft leader ${member.name}`);
  await sleep(DEGRADED_MS);
  await restartEtcdMember(member);
  await waitOrThrow("the cluster to be healthy after the etcd restart", clusterHealthy, 30_000, 250);
  return { kind: "etcd", target: member.name, injectedAt, promotedAt: null, newPrimary: null, repairedAt: Date.now() };
}

/** Before each fault: a healthy cluster whose synchronous standby has caught up. */
export async function steadyState(): Promise<void> {
  await waitOrThrow(
    "a healthy cluster with a caught-up synchronous standby",
    async () => {
      if (!(await clusterHealthy())) return false;
      const members = await clusterMembers();
      return members?.every((m) => m.role === "leader" || m.lag === 0) ?? false;
    },
    60_000,
    250,
  );
  // Patroni writes /sync a loop after a member rejoins; let it settle before the next kill.
  await sleep(2_000);
}

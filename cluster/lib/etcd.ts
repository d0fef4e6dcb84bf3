// Three etcd 3.4 members forming one Raft group: Patroni's DCS. Losing one keeps a quorum of two,
// so Patroni (and the app) should not notice; losing two stops leader elections, and
// failsafe_mode then keeps the current primary running as long as it can reach every member's REST API.
import { ETCD, HOST, type EtcdMember } from "./layout";
import { crash, runningDaemon, startDaemon, stopDaemon, serviceDir } from "./processes";
import { httpJson, waitOrThrow } from "./wait";

const BINARY = "etcd";

function initialCluster(): string {
  return ETCD.map((m) => `${m.name}=http://${HOST}:${m.peerPort}`).join(",");
}

/** The flags of one member. On a restart with an existing data dir, etcd ignores the initial-* ones. */
function args(member: EtcdMember): string[] {
  return [
    `--name=${member.name}`,
    `--data-dir=${member.dataDir}`,
    `--listen-client-urls=http://${HOST}:${member.clientPort}`,
    `--advertise-client-urls=http://${HOST}:${member.clientPort}`,
    `--listen-peer-urls=http://${HOST}:${member.peerPort}`,
    `--initial-advertise-peer-urls=http://${HOST}:${member.peerPort}`,
    `--initial-cluster=${initialCluster()}`,
    "--initial-cluster-token=railbook-cluster",
    "--initial-cluster-state=new",
    // Loopback: a short heartbeat elects a new Raft leader quickly when a member is killed.
    "--heartbeat-interval=100",
    "--election-timeout=1000",
    "--log-level=warn",
  ];
}

export function startEtcdMember(member: EtcdMember): number {
  serviceDir(member.dataDir);
  return startDaemon(member.name, "/usr/bin/etcd", args(member));
}

export function etcdPid(member: EtcdMember): number | null {
  return runningDaemon(member.name, BINARY);
}

export async function etcdHealthy(member: EtcdMember): Promise<boolean> {
  const answer = await httpJson<{ health?: string }>(`http://${HOST}:${member.clientPort}/health`);
  return answer?.body?.health === "true";
}

export async function startEtcd(): Promise<void> {
  for (const member of ETCD) startEtcdMember(member);
  // A member reports healthy only once the group has elected a Raft leader.
  for (const member of ETCD) await waitOrThrow(`${member.name} to be healthy`, () => etcdHealthy(member), 30_000);
}

export async function restartEtcdMember(member: EtcdMember): Promise<void> {
  if (etcdPid(member) === null) startEtcdMember(member);
  await waitOrThrow(`${member.name} to rejoin`, () => etcdHealthy(member), 30_000);
}

/** kill -9 of one member, as a crashed machine would. */
export async function crashEtcdMember(member: EtcdMember): Promise<number> {
  const pid = etcdPid(member);
  if (pid === null) throw new Error(`${member.name} is not running`);
  await crash(pid);
  return pid;
}

export async function stopEtcd(): Promise<string[]> {
  const stopped: string[] = [];
  for (const member of ETCD) if (await stopDaemon(member.name, BINARY, { graceMs: 5_000 })) stopped.push(member.name);
  return stopped;
}

// Where the local HA cluster lives: ports, folders and the members of each tier. Everything binds
// to 127.0.0.1, and no port is a Debian default (etcd 2379/2380, PostgreSQL 5432, Patroni 8008 is
// ours only because Debian's patroni service is never started), so the machine's own services and
// this cluster never meet.
import path from "node:path";

export const HOST = "127.0.0.1";

/** State of a running cluster: data, configs, logs, PID files. Removed by `cluster:down`. */
export const STATE_DIR = path.resolve(process.env.RAILBOOK_CLUSTER_DIR ?? "/tmp/railbook-cluster");
export const PID_DIR = path.join(STATE_DIR, "pids");
export const LOG_DIR = path.join(STATE_DIR, "logs");
/** unix_socket_directories of every PostgreSQL member (never the machine's /var/run/postgresql). */
export const SOCKET_DIR = path.join(STATE_DIR, "sockets");

export const PG_BIN_DIR = process.env.PG_BIN_DIR ?? "/usr/lib/postgresql/15/bin";
export const SCOPE = "railbook";

export interface EtcdMember {
  name: string;
  clientPort: number;
  peerPort: number;
  dataDir: string;
}

export interface PgMember {
  name: string;
  pgPort: number;
  restPort: number;
  dir: string;
  dataDir: string;
  configFile: string;
}

export const ETCD: EtcdMember[] = [1, 2, 3].map((i) => ({
  name: `etcd${i}`,
  clientPort: 2440 + i,
  peerPort: 2450 + i,
  dataDir: path.join(STATE_DIR, `etcd${i}`),
}));

export const PG: PgMember[] = [1, 2, 3].map((i) => {
  const dir = path.join(STATE_DIR, `pg${i}`);
  return {
    name: `pg${i}`,
    pgPort: 5440 + i,
    restPort: 8007 + i,
    dir,
    dataDir: path.join(dir, "data"),
    configFile: path.join(dir, "patroni.yml"),
  };
});

export const HAPROXY = {
  /** The one address the app uses: always the current primary. */
  port: 5440,
  configFile: path.join(STATE_DIR, "haproxy.cfg"),
  statsSocket: path.join(STATE_DIR, "haproxy.sock"),
};

export const APP_DATABASE = "railbook";

export function etcdEndpoints(): string {
  return ETCD.map((m) => `${HOST}:${m.clientPort}`).join(",");
}

export function pgMember(name: string): PgMember {
  const member = PG.find((m) => m.name === name);
  if (!member) throw new Error(`no PostgreSQL member named ${name}`);
  return member;
}

export function etcdMember(name: string): EtcdMember {
  const member = ETCD.find((m) => m.name === name);
  if (!member) throw new Error(`no etcd member named ${name}`);
  return member;
}

/** postgresql://postgres@127.0.0.1:5440/<database>: through HAProxy, to whichever member is primary. */
export function haproxyUrl(database = APP_DATABASE): string {
  return `postgresql://postgres@${HOST}:${HAPROXY.port}/${database}`;
}

/** Every port the cluster listens on, to refuse starting over something else. */
export function allPorts(): number[] {
  return [...ETCD.flatMap((m) => [m.clientPort, m.peerPort]), ...PG.flatMap((m) => [m.pgPort, m.restPort]), HAPROXY.port];
}

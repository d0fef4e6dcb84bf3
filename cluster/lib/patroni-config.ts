// The Patroni configuration of one PostgreSQL member. Written as JSON, which YAML parsers read as
// YAML, so the settings stay typed here and need no YAML library.
//
// The DCS settings are the ones measured on these machines (ENVIRONMENT.md): ~8-9 s from kill -9 of
// the primary to the first write through HAProxy, no acknowledged commit lost.
import { writeFileSync } from "node:fs";
import { HOST, PG, PG_BIN_DIR, SCOPE, SOCKET_DIR, etcdEndpoints, type PgMember } from "./layout";

/** Cluster-wide settings: stored in etcd at the first bootstrap (later: `patronictl edit-config`). */
export const DCS_SETTINGS = {
  // The leader key lives 6 s; members loop every second; DCS calls give up after 2 s.
  ttl: 6,
  loop_wait: 1,
  retry_timeout: 2,
  maximum_lag_on_failover: 1_048_576,
  // A commit is acknowledged only once a synchronous standby has it, so promoting that standby
  // loses no acknowledged write; "strict" keeps that true (commits wait) when no standby is left.
  synchronous_mode: true,
  synchronous_mode_strict: true,
  // With etcd unreachable, a primary that can still reach all other members keeps running.
  failsafe_mode: true,
  postgresql: {
    // A killed primary rejoins as a replica by rewinding instead of a full copy.
    use_pg_rewind: true,
    use_slots: true,
    parameters: {
      wal_level: "replica",
      hot_standby: "on",
      wal_log_hints: "on",
      max_connections: 100,
      max_wal_senders: 10,
      max_replication_slots: 10,
      wal_keep_size: "128MB",
      // Replicas retry fetching WAL twice a second instead of every 5 s: a faster switch to a new primary.
      wal_retrieve_retry_interval: "500ms",
    },
  },
};

export function patroniConfig(member: PgMember) {
  return {
    scope: SCOPE,
    namespace: "/railbook-cluster/",
    name: member.name,
    log: { level: "INFO" },
    restapi: { listen: `${HOST}:${member.restPort}`, connect_address: `${HOST}:${member.restPort}` },
    etcd3: { hosts: etcdEndpoints() },
    bootstrap: {
      dcs: DCS_SETTINGS,
      initdb: [{ encoding: "UTF8" }, { locale: "C.UTF-8" }, "data-checksums"],
    },
    postgresql: {
      listen: `${HOST}:${member.pgPort}`,
      connect_address: `${HOST}:${member.pgPort}`,
      data_dir: member.dataDir,
      bin_dir: PG_BIN_DIR,
      pgpass: `${member.dir}/pgpass`,
      // Loopback only and a throw-away cluster: trust, like the machine's own PostgreSQL.
      pg_hba: [
        "local all all trust",
        `host all all ${HOST}/32 trust`,
        `host replication all ${HOST}/32 trust`,
      ],
      authentication: {
        superuser: { username: "postgres", password: "railbook-local" },
        replication: { username: "replicator", password: "railbook-local" },
        rewind: { username: "rewinder", password: "railbook-local" },
      },
      parameters: {
        unix_socket_directories: SOCKET_DIR,
        // Three members share two cores and the machine's memory with everything else.
        shared_buffers: "64MB",
        log_destination: "stderr",
        logging_collector: "off",
        log_min_messages: "warning",
      },
    },
    watchdog: { mode: "off" },
    tags: { nofailover: false, noloadbalance: false, clonefrom: false, nosync: false },
  };
}

export function writePatroniConfigs(): void {
  for (const member of PG) writeFileSync(member.configFile, JSON.stringify(patroniConfig(member), null, 2) + "\n");
}

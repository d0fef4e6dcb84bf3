// HAProxy in front of the PostgreSQL members: node-postgres takes one host, so something must
// route to whichever member is primary. Patroni's REST API answers 200 on OPTIONS /primary only on
// the primary (a GET would fill Patroni's log with tracebacks, ENVIRONMENT.md).
import { writeFileSync } from "node:fs";
import net from "node:net";
import { HAPROXY, HOST, PG } from "./layout";
import { runningDaemon, startDaemon, stopDaemon } from "./processes";
import { portOpen, waitOrThrow } from "./wait";

const BINARY = "haproxy";

export function haproxyConfig(): string {
  const servers = PG.map((m) => `  server ${m.name} ${HOST}:${m.pgPort} check port ${m.restPort}`);
  return [
    "global",
    "  maxconn 1000",
    `  stats socket ${HAPROXY.statsSocket} mode 600 level admin`,
    "",
    "defaults",
    "  mode tcp",
    "  timeout connect 2s",
    // Pooled connections sit idle for long stretches; the app's pool closes them first (30 s).
    "  timeout client 30m",
    "  timeout server 30m",
    "  timeout check 1s",
    "",
    "listen postgres_primary",
    `  bind ${HOST}:${HAPROXY.port}`,
    "  option httpchk OPTIONS /primary",
    "  http-check expect status 200",
    // Checked twice a second, down after two misses; sessions to a member marked down are cut at
    // once, so clients reconnect (to the new primary) instead of hanging on a dead one.
    "  default-server inter 500ms fall 2 rise 1 on-marked-down shutdown-sessions",
    ...servers,
    "",
  ].join("\n");
}

export function haproxyPid(): number | null {
  return runningDaemon("haproxy", BINARY);
}

export async function startHaproxy(): Promise<void> {
  writeFileSync(HAPROXY.configFile, haproxyConfig());
  // -db: stay in the foreground, so the PID we record is the proxy itself.
  startDaemon("haproxy", "/usr/sbin/haproxy", ["-db", "-f", HAPROXY.configFile]);
  await waitOrThrow("HAProxy to listen", () => portOpen(HAPROXY.port), 15_000);
  // HAProxy 2.6 starts with every server UP until its checks fail: until then it could send a
  // connection to a replica (25006 read-only on the first write).
  // ("UP 1/2" is a server going down that still takes connections.)
  await waitOrThrow("HAProxy to route to the primary only", async () => (await haproxyBackends()).filter((b) => b.status.startsWith("UP")).length === 1, 15_000);
}

export async function stopHaproxy(): Promise<boolean> {
  return stopDaemon("haproxy", BINARY, { graceMs: 5_000 });
}

export interface BackendState {
  server: string;
  status: string;
  sessions: number;
  checkStatus: string;
}

/** HAProxy's own view of the members (`show stat` on its admin socket). */
export function haproxyBackends(): Promise<BackendState[]> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(HAPROXY.statsSocket);
    let data = "";
    socket.setTimeout(2_000, () => socket.destroy(new Error("HAProxy stats socket timed out")));
    socket.on("connect", () => socket.write("show stat\n"));
    socket.on("data", (chunk) => (data += chunk.toString()));
    socket.on("error", reject);
    socket.on("close", () => {
      const [header, ...rows] = data.trim().split("\n");
      const columns = (header ?? "").replace(/^# /, "").split(",");
      const col = (row: string[], name: string) => row[columns.indexOf(name)] ?? "";
      resolve(
        rows
          .map((line) => line.split(","))
          .filter((row) => !["FRONTEND", "BACKEND"].includes(col(row, "svname")))
          .map((row) => ({
            server: col(row, "svname"),
            status: col(row, "status"),
            sessions: Number(col(row, "scur")),
            checkStatus: col(row, "check_status"),
          })),
      );
    });
  });
}

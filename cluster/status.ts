// npm run cluster:status: our processes, the members with roles and lag (patronictl), the etcd
// members, and which member HAProxy sends connections to.
import { spawnSync } from "node:child_process";
import { clusterState, daemons } from "./lib/cluster";
import { haproxyBackends } from "./lib/haproxy";
import { ETCD, HAPROXY, HOST, PG, STATE_DIR } from "./lib/layout";

function section(title: string): void {
  console.log(`\n== ${title}`);
}

function show(command: string, args: string[]): void {
  const result = spawnSync(command, args, { encoding: "utf8", timeout: 15_000 });
  process.stdout.write(result.stdout ?? "");
  if (result.status !== 0) console.log(`(${command} failed: ${(result.stderr ?? "").trim().split("\n").pop() ?? result.status})`);
}

const state = clusterState();
console.log(`cluster: ${state} (state in ${STATE_DIR})`);
if (state === "stopped") {
  console.log("Start it with `npm run cluster:up`.");
} else {
  section("processes (from PID files)");
  for (const [name, pid] of Object.entries(daemons())) console.log(`  ${name.padEnd(18)} ${pid ?? "not running"}`);

  section("members (patronictl list)");
  const config = PG.find((m) => daemons()[m.name] !== null)?.configFile ?? PG[0]!.configFile;
  show("patronictl", ["-c", config, "list"]);

  section("etcd");
  show("etcdctl", ["--endpoints", ETCD.map((m) => `http://${HOST}:${m.clientPort}`).join(","), "endpoint", "status", "-w", "table"]);

  section(`HAProxy on ${HOST}:${HAPROXY.port}`);
  try {
    for (const b of await haproxyBackends()) {
      const arrow = b.status === "UP" ? "<- primary: connections go here" : "";
      console.log(`  ${b.server.padEnd(6)} ${b.status.padEnd(6)} sessions=${String(b.sessions).padEnd(4)} check=${b.checkStatus.padEnd(8)} ${arrow}`);
    }
  } catch (error) {
    console.log(`  (HAProxy stats not available: ${error instanceof Error ? error.message : String(error)})`);
  }
}

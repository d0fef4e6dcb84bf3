// The Debian packages the cluster runs on, installed when missing. Their own services are not
// used: this cluster starts its daemons itself on ports of its own (see layout.ts).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const PACKAGES = ["etcd-server", "etcd-client", "patroni", "haproxy"];
const BINARIES = ["/usr/bin/etcd", "/usr/bin/etcdctl", "/usr/bin/patroni", "/usr/bin/patronictl", "/usr/sbin/haproxy"];
/** The units the packages install; on a systemd host the install starts them, which we undo. */
const PACKAGED_SERVICES = ["etcd", "patroni", "haproxy"];

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync(command, args, { stdio: "inherit", env, timeout: 600_000 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (exit ${result.status ?? result.signal})`);
}

export function missingBinaries(): string[] {
  return BINARIES.filter((b) => !existsSync(b));
}

export function ensurePackages(log: (line: string) => void): void {
  if (!existsSync("/usr/lib/postgresql/15/bin/postgres")) {
    throw new Error("PostgreSQL 15 binaries are missing (/usr/lib/postgresql/15/bin): install postgresql-15.");
  }
  if (missingBinaries().length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`Missing ${missingBinaries().join(", ")}. As root: apt-get install -y ${PACKAGES.join(" ")}`);
  }
  log(`installing ${PACKAGES.join(" ")} (apt-get)`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  run("apt-get", ["update", "-qq"], env);
  run("apt-get", ["install", "-y", "-qq", ...PACKAGES], env);
  disablePackagedServices(log);
}

function disablePackagedServices(log: (line: string) => void): void {
  // Without systemd (containers, CI) the install cannot start them; nothing to undo.
  if (!existsSync("/run/systemd/system")) return;
  for (const unit of PACKAGED_SERVICES) {
    const result = spawnSync("systemctl", ["disable", "--now", unit], { stdio: "ignore", timeout: 30_000 });
    if (result.status === 0) log(`stopped and disabled the packaged ${unit} service`);
  }
}

// Starting and stopping the cluster's daemons. Each runs detached in its own process group with
// its output in logs/<name>.log and its PID in pids/<name>.pid; stopping goes by those files only
// (and checks the PID still runs the program we started), never by process name. As root they run
// as `postgres`, in folders that user owns.
import { spawn } from "node:child_process";
import { chmodSync, chownSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { LOG_DIR, PID_DIR, STATE_DIR } from "./layout";
import { sleep, waitFor } from "./wait";

/** PostgreSQL, Patroni and etcd refuse or misbehave as root, so as root they run as `postgres`. */
function asServiceUser(command: string, args: string[]): [string, string[]] {
  if (process.getuid?.() !== 0) return [command, args];
  // setpriv execs the program, so the PID we record is the daemon's own.
  return ["setpriv", ["--reuid=postgres", "--regid=postgres", "--init-groups", command, ...args]];
}

interface Ids {
  uid: number;
  gid: number;
}

/** The `postgres` user's ids when running as root (the daemons are started as it), else null. */
export function postgresIds(): Ids | null {
  if (process.getuid?.() !== 0) return null;
  const line = readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .find((l) => l.startsWith("postgres:"));
  if (!line) throw new Error("There is no `postgres` user: install the postgresql-15 package first.");
  const [, , uid, gid] = line.split(":");
  return { uid: Number(uid), gid: Number(gid) };
}

/**
 * Creates `dir` (and parents) owned by the service user with `mode`: the daemons write there, and
 * PostgreSQL refuses a data directory that others can read (it wants 0700).
 */
export function serviceDir(dir: string, mode = 0o700): void {
  mkdirSync(dir, { recursive: true });
  const ids = postgresIds();
  if (ids) chownSync(dir, ids.uid, ids.gid);
  chmodSync(dir, mode);
}

export function pidFile(name: string): string {
  return path.join(PID_DIR, `${name}.pid`);
}

export function logFile(name: string): string {
  return path.join(LOG_DIR, `${name}.log`);
}

export function startDaemon(name: string, command: string, args: string[]): number {
  mkdirSync(PID_DIR, { recursive: true });
  mkdirSync(LOG_DIR, { recursive: true });
  const out = openSync(logFile(name), "a");
  const [cmd, argv] = asServiceUser(command, args);
  const child = spawn(cmd, argv, {
    cwd: STATE_DIR,
    detached: true,
    stdio: ["ignore", out, out],
    // A small, fixed environment: nothing of the caller's (DATABASE_URL, PG*) leaks into the daemons.
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: STATE_DIR, LANG: "C.UTF-8", LC_ALL: "C.UTF-8", NODE_ENV: "production" },
  });
  closeSync(out);
  if (child.pid === undefined) throw new Error(`could not start ${name} (${command})`);
  child.unref();
  writeFileSync(pidFile(name), `${child.pid}\n`);
  return child.pid;
}

export function readPid(file: string): number | null {
  if (!existsSync(file)) return null;
  const pid = Number.parseInt(readFileSync(file, "utf8").split("\n")[0] ?? "", 10);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/**
 * Running, as opposed to gone or a zombie: a killed postmaster lingers as a zombie for a second or
 * two (ENVIRONMENT.md), during which `kill -0` still succeeds.
 */
export function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const state = stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
    return state !== "Z" && state !== "X";
  } catch {
    return false;
  }
}

/** The PID still runs a program whose command line mentions `expect` (guards against PID reuse). */
export function runs(pid: number, expect: string): boolean {
  if (!isRunning(pid)) return false;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(expect);
  } catch {
    return false;
  }
}

/** The daemon recorded under `name`, if it still runs `expect`. */
export function runningDaemon(name: string, expect: string): number | null {
  const pid = readPid(pidFile(name));
  return pid !== null && runs(pid, expect) ? pid : null;
}

function signal(pid: number, sig: NodeJS.Signals, group: boolean): void {
  try {
    process.kill(group ? -pid : pid, sig);
  } catch {
    // already gone
  }
}

/**
 * SIGTERM, then SIGKILL after `graceMs`; waits until the process is really gone. With `group`,
 * signals the whole process group the daemon leads (it was started detached, so it leads one).
 */
export async function stopPid(pid: number, options: { graceMs?: number; group?: boolean } = {}): Promise<void> {
  const { graceMs = 10_000, group = false } = options;
  if (!isRunning(pid)) return;
  signal(pid, "SIGTERM", group);
  if (await waitFor(() => !isRunning(pid), graceMs, 100)) return;
  signal(pid, "SIGKILL", group);
  await waitFor(() => !isRunning(pid), 5_000, 50);
}

/** kill -9, as a crash would, then waits for the process to be gone (zombie included). */
export async function crash(pid: number): Promise<void> {
  signal(pid, "SIGKILL", false);
  await waitFor(() => !isRunning(pid), 5_000, 20);
}

export async function stopDaemon(name: string, expect: string, options?: { graceMs?: number; group?: boolean }): Promise<boolean> {
  const pid = runningDaemon(name, expect);
  if (pid !== null) await stopPid(pid, options);
  rmSync(pidFile(name), { force: true });
  return pid !== null;
}

export { sleep };

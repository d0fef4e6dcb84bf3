// What the figures were measured on: cores, memory, load, versions and the commit. A benchmark
// figure without its machine and its load is not worth comparing with anything.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import type pg from "pg";

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  os: string;
  /** 1/5/15-minute load averages when the run started. */
  loadAtStart: number[];
  versions: Record<string, string>;
  commit: string;
}

function packageVersion(name: string): string {
  try {
    return (JSON.parse(readFileSync(`node_modules/${name}/package.json`, "utf8")) as { version: string }).version;
  } catch {
    return "?";
  }
}

function commit(): string {
  // A run from an exported tree (no .git) names its commit here.
  if (process.env.BENCH_COMMIT) return process.env.BENCH_COMMIT;
  try {
    const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim() !== "";
    return dirty ? `${head} (working tree has uncommitted changes)` : head;
  } catch {
    return "unknown";
  }
}

export function loadAverage(): string {
  return os.loadavg().map((l) => l.toFixed(2)).join(" / ");
}

export async function describeMachine(sql: pg.Pool): Promise<Machine> {
  const { rows } = await sql.query<{ v: string }>(`SELECT current_setting('server_version') AS v`);
  const settings = await sql.query<{ name: string; setting: string; unit: string | null }>(
    `SELECT name, setting, unit FROM pg_settings WHERE name IN ('max_connections', 'shared_buffers', 'synchronous_commit', 'fsync')`,
  );
  const pgSettings = settings.rows.map((s) => `${s.name}=${s.setting}${s.unit ?? ""}`).join(", ");
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? "?",
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    loadAtStart: os.loadavg(),
    versions: {
      node: process.version,
      postgresql: `${rows[0]!.v} (${pgSettings})`,
      next: packageVersion("next"),
      "@prisma/client": packageVersion("@prisma/client"),
      "@prisma/adapter-pg": packageVersion("@prisma/adapter-pg"),
      pg: packageVersion("pg"),
      autocannon: packageVersion("autocannon"),
    },
    commit: commit(),
  };
}

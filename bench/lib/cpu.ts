// CPU time actually used, read from /proc (Linux): by the app server's process group and by the
// PostgreSQL backends connected to the bench database. Divided by the bookings made, it says what
// one booking costs each side, which is what bounds throughput on two shared cores, whatever else
// the machine is doing at the time (wall-clock figures move with the load; these barely do).
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import type pg from "pg";

let ticksPerSecond: number | undefined;
function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** [process group, user + system CPU seconds] of one process, or null if it is gone. */
function stat(pid: number): [number, number] | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name, which is in parentheses and may contain spaces.
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    const pgrp = Number(fields[2]);
    const ticks = Number(fields[11]) + Number(fields[12]);
    return [pgrp, ticks / clockTicks()];
  } catch {
    return null;
  }
}

/** CPU seconds used so far by the live processes of a process group (the app server's). */
export function groupCpuSeconds(pgid: number): number {
  let total = 0;
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const s = stat(Number(name));
    if (s && s[0] === pgid) total += s[1];
  }
  return total;
}

/** CPU seconds used so far by the PostgreSQL backends serving this database, except our own. */
export async function backendCpuSeconds(sql: pg.Pool): Promise<number> {
  const { rows } = await sql.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
  );
  return rows.reduce((sum, r) => sum + (stat(r.pid)?.[1] ?? 0), 0);
}

export interface CpuMark {
  app: number;
  db: number;
}

export async function cpuMark(pgid: number, sql: pg.Pool): Promise<CpuMark> {
  return { app: groupCpuSeconds(pgid), db: await backendCpuSeconds(sql) };
}

/** Milliseconds of CPU per unit of work between two marks, app server and database apart. */
export function cpuPer(before: CpuMark, after: CpuMark, units: number): { appMs: number; dbMs: number } {
  const per = (a: number, b: number) => (units > 0 ? ((b - a) * 1000) / units : NaN);
  return { appMs: per(before.app, after.app), dbMs: per(before.db, after.db) };
}

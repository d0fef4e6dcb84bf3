// The ceiling the app's booking path is measured against, in the same run, on the same database
// and schema: booking.sql (lock the seat row, check overlapping live allocations, insert booking,
// passenger, allocation and event, SERIALIZABLE) driven by pgbench. Its seats are the ceiling
// services' own (bench/lib/fixture.ts), numbered in a side table so pgbench can pick one at random.
//
// Run at two client counts, the app's pool size and the scenario's concurrency, and the better of
// the two is the ceiling: the app's ratio is then against the best plain SQL did on this machine.
// Bookings per second are counted from the rows written, not from pgbench's tps, which also counts
// the transactions that found their seat taken and wrote nothing.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import type pg from "pg";

export interface CeilingRun {
  clients: number;
  seconds: number;
  bookingsPerSecond: number;
  /** pgbench's own figures. */
  tps: number;
  latencyMs: number;
  failed: number;
  /** Per-statement average latency (ms), from pgbench -r. */
  statements: { ms: number; sql: string }[];
}

export interface Ceiling {
  pgbench: string;
  runs: CeilingRun[];
  best: CeilingRun;
  /** The best run's client count again, with a NOTIFY per booking (what live updates cost in SQL). */
  withNotify: CeilingRun;
}

function findPgbench(): string | null {
  for (const candidate of ["/usr/lib/postgresql/15/bin/pgbench", "/usr/bin/pgbench"]) if (existsSync(candidate)) return candidate;
  const which = spawnSync("which", ["pgbench"], { encoding: "utf8" });
  return which.status === 0 ? which.stdout.trim() : null;
}

async function prepare(sql: pg.Pool, serviceIds: string[]): Promise<{ seats: number; stops: number; userId: string }> {
  await sql.query(`CREATE TABLE bench_ceiling_seat (n int PRIMARY KEY, seat_id text NOT NULL)`);
  const { rowCount } = await sql.query(
    `INSERT INTO bench_ceiling_seat (n, seat_id) SELECT row_number() OVER (ORDER BY id), id FROM "ServiceSeat" WHERE "serviceId" = ANY($1::text[])`,
    [serviceIds],
  );
  await sql.query(
    `CREATE TABLE bench_ceiling_stop AS SELECT ts.sequence AS seq, ts."stationId" AS station_id
     FROM "TrainStop" ts JOIN "Service" s ON s."trainId" = ts."trainId" WHERE s.id = $1`,
    [serviceIds[0]],
  );
  await sql.query(`ANALYZE bench_ceiling_seat; ANALYZE bench_ceiling_stop`);
  const { rows } = await sql.query<{ stops: number; user_id: string }>(
    `SELECT (SELECT COUNT(*)::int FROM bench_ceiling_stop) AS stops, (SELECT id FROM "User" ORDER BY email LIMIT 1) AS user_id`,
  );
  return { seats: rowCount ?? 0, stops: rows[0]!.stops, userId: rows[0]!.user_id };
}

async function bookingsOn(sql: pg.Pool, serviceIds: string[]): Promise<number> {
  const { rows } = await sql.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM "Booking" WHERE "serviceId" = ANY($1::text[])`, [serviceIds]);
  return rows[0]!.n;
}

function parse(output: string): Pick<CeilingRun, "tps" | "latencyMs" | "failed" | "statements"> {
  const num = (re: RegExp) => Number(re.exec(output)?.[1] ?? NaN);
  const statements: CeilingRun["statements"] = [];
  for (const line of output.split("\n")) {
    // -r lines: "   0.412  0  SELECT ss.id ..." (latency, failures, statement) in PostgreSQL 15.
    const m = /^\s+(\d+\.\d+)\s+\d+\s+\d*\s*(\S.*)$/.exec(line);
    if (m && !m[2]!.startsWith("\\")) statements.push({ ms: Number(m[1]), sql: m[2]!.slice(0, 70) });
  }
  return {
    tps: num(/tps = ([\d.]+)/),
    latencyMs: num(/latency average = ([\d.]+) ms/),
    failed: num(/number of failed transactions: (\d+)/) || 0,
    statements,
  };
}

export async function measureCeiling(sql: pg.Pool, url: string, serviceIds: string[], clientCounts: number[], seconds: number): Promise<Ceiling | { skipped: string }> {
  const pgbench = findPgbench();
  if (!pgbench) return { skipped: "pgbench not found (install postgresql-client or PostgreSQL 15)" };
  const { seats, stops, userId } = await prepare(sql, serviceIds);
  const run = (clients: number, secs: number, notify = 0) => {
    const args = ["-n", "-M", "prepared", "-r", "-c", String(clients), "-j", "2", "-T", String(secs), "--max-tries=20"];
    args.push("-D", `seats=${seats}`, "-D", `stops=${stops}`, "-D", `user_id=${userId}`, "-D", `notify=${notify}`);
    args.push("-f", path.resolve("bench/ceiling/booking.sql"), url);
    const result = spawnSync(pgbench, args, { encoding: "utf8", timeout: (secs + 60) * 1000 });
    if (result.status !== 0) throw new Error(`pgbench failed (${result.status}): ${result.stderr.slice(-800)}`);
    return result.stdout;
  };
  // Unmeasured second: the side tables and indexes into shared buffers, as the app's warm-up does for it.
  run(Math.min(...clientCounts), 1);
  const measured = async (clients: number, notify = 0): Promise<CeilingRun> => {
    const before = await bookingsOn(sql, serviceIds);
    const output = run(clients, seconds, notify);
    const written = (await bookingsOn(sql, serviceIds)) - before;
    return { clients, seconds, bookingsPerSecond: written / seconds, ...parse(output) };
  };
  const runs: CeilingRun[] = [];
  for (const clients of [...new Set(clientCounts)]) runs.push(await measured(clients));
  const best = runs.reduce((a, b) => (b.bookingsPerSecond > a.bookingsPerSecond ? b : a));
  return { pgbench, runs, best, withNotify: await measured(best.clients, 1) };
}

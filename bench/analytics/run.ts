// Times the analytics dashboard's queries over a year of bookings.
//
//   npx tsx --conditions=react-server bench/analytics/run.ts [--bookings 200000] [--runs 20]
//       [--without-indexes] [--jit] [--explain] [--live-days] [--keep] [--database <name of a kept one>]
//
// Builds a fresh database (the migrated template), seeds the demo network with services from a
// year ago to a month ahead, bulk-inserts the bookings (seed-year.ts), then runs each query `runs`
// times per range (after two warm-up runs) and prints p50/p95 in a Markdown table for REPORT.md.
// --without-indexes drops the analytics indexes first, to measure what they are worth; --jit runs
// the single queries with PostgreSQL's JIT left on (the app turns it off: analytics-queries.ts).
// (--conditions=react-server lets the app's "server-only" modules load outside Next.js.)
import type { Prisma } from "@/lib/generated/prisma/client";
import { createDb, db, type Tx } from "@/lib/db";
import { seed } from "@/lib/seed/seed";
import { addDaysIso } from "@/lib/services/service-calendar";
import { todayInZone } from "@/lib/time/zoned";
import { analyticsFor, ANALYTICS_CURRENCY, ANALYTICS_TIME_ZONE } from "@/lib/admin/analytics";
import {
  busiestSegments,
  dailyFigures,
  dailySql,
  occupancyByTrainAndClass,
  offeredSql,
  segmentsSql,
  soldSql,
  waitlistLength,
  waitlistSql,
  withoutJit,
  type AnalyticsRange,
} from "@/lib/admin/analytics-queries";
import { adminUrl, createFreshDatabase, dropDatabase, dropStaleDatabases, withDatabase } from "@/scripts/lib/databases";
import { seedYear } from "./seed-year";
import { rollUpSalesDays } from "@/lib/admin/sales-days";

/** Indexes added by prisma/migrations/*_analytics_indexes (dropped by --without-indexes). */
const ANALYTICS_INDEXES = ["Booking_confirmedAt_idx", "Booking_cancelledAt_idx"];

function flag(name: string): boolean {
  return process.argv.includes(`--${name}`);
}
function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
function textOption(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** A fresh database with a year of bookings, or (--database) one a --keep run left behind. */
async function prepare(bookings: number, today: string): Promise<{ name: string; url: string; reused: boolean }> {
  const reuse = textOption("database");
  if (reuse) return { name: reuse, url: withDatabase(adminUrl(), reuse), reused: true };
  await dropStaleDatabases("railbook_bench");
  const { name, url } = await createFreshDatabase("railbook_bench");
  console.log(`database ${name}`);
  // One connection: seed-year's statements share temporary tables.
  const loader = createDb(url, 1);
  let started = performance.now();
  const seeded = await seed(loader, { days: 395, today: new Date(`${addDaysIso(today, -364)}T12:00:00Z`) });
  console.log(`services: ${seeded.services.created} with ${seeded.services.seats} seats, ${seeded.services.from}..${seeded.services.to} (${Math.round(performance.now() - started)} ms)`);
  started = performance.now();
  const counts = await seedYear(loader, bookings, console.log);
  console.log(`year of bookings: ${JSON.stringify(counts)} (${Math.round(performance.now() - started)} ms)`);
  await loader.$disconnect();
  return { name, url, reused: false };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function time(runs: number, work: () => Promise<unknown>): Promise<{ p50: number; p95: number; max: number }> {
  for (let i = 0; i < 2; i++) await work();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    ms.push(performance.now() - started);
  }
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p95: percentile(ms, 95), max: ms[ms.length - 1]! };
}

async function main() {
  const bookings = option("bookings", 200_000);
  const runs = option("runs", 20);
  const today = todayInZone(ANALYTICS_TIME_ZONE);
  const { name, url, reused } = await prepare(bookings, today);
  try {
    if (flag("without-indexes")) {
      const admin = createDb(url, 1);
      for (const index of ANALYTICS_INDEXES) await admin.$executeRawUnsafe(`DROP INDEX IF EXISTS "${index}"`);
      await admin.$executeRawUnsafe("ANALYZE");
      await admin.$disconnect();
      console.log(`dropped ${ANALYTICS_INDEXES.join(", ")}`);
    }
    process.env.DATABASE_URL = url;
    const client = db();
    // The periodic job that writes the days that are over (lib/admin/sales-days.ts); --live-days
    // empties SalesDay first, so every day is counted live as before it existed.
    if (flag("live-days")) {
      await client.$executeRawUnsafe(`DELETE FROM "SalesDay"`);
      console.log("SalesDay emptied: every day counted live");
    } else {
      const started = performance.now();
      const rolled = await rollUpSalesDays(client, { timeZone: ANALYTICS_TIME_ZONE, currency: ANALYTICS_CURRENCY });
      console.log(`roll-up-sales-days: ${rolled.written} days written through ${rolled.through} (${Math.round(performance.now() - started)} ms)`);
    }
    const queries: [string, (tx: Tx, r: AnalyticsRange) => Promise<unknown>][] = [
      ["daily figures", dailyFigures],
      ["occupancy (2 statements)", occupancyByTrainAndClass],
      ["busiest segments", (tx, r) => busiestSegments(tx, r)],
      ["waitlist", waitlistLength],
    ];
    const statements: [string, (r: AnalyticsRange) => Prisma.Sql][] = [
      ["daily figures", dailySql],
      ["seats offered", offeredSql],
      ["seat-km sold", soldSql],
      ["busiest segments", (r) => segmentsSql(r)],
      ["waitlist", waitlistSql],
    ];
    const lines = ["| range | query | p50 ms | p95 ms | max ms |", "|---|---|---:|---:|---:|"];
    const row = (label: string, query: string, t: { p50: number; p95: number; max: number }) => {
      lines.push(`| ${label} | ${query} | ${t.p50.toFixed(1)} | ${t.p95.toFixed(1)} | ${t.max.toFixed(1)} |`);
      console.log(lines.at(-1));
    };
    for (const days of [7, 30, 90, 365]) {
      const range = { from: addDaysIso(today, -(days - 1)), to: today, timeZone: ANALYTICS_TIME_ZONE, currency: ANALYTICS_CURRENCY };
      // --jit: the same queries with PostgreSQL's JIT left on (as $transaction without the SET).
      const run = (query: (tx: Tx, r: AnalyticsRange) => Promise<unknown>) =>
        flag("jit") ? client.$transaction((tx) => query(tx, range), { timeout: 60_000 }) : withoutJit(client, (tx) => query(tx, range));
      for (const [label, query] of queries) row(`${days} days`, label, await time(runs, () => run(query)));
      row(`${days} days`, "**whole dashboard** (4 in parallel)", await time(runs, () => analyticsFor({ ...range, days })));
      if (flag("explain") && days === 365) {
        for (const [label, sql] of statements) {
          const plan = await withoutJit(client, (tx) => tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN (ANALYZE, BUFFERS) ${sql(range).sql}`, ...sql(range).values));
          console.log(`\n--- ${label}, 365 days\n${plan.map((p) => p["QUERY PLAN"]).join("\n")}`);
        }
      }
    }
    console.log(`\n${lines.join("\n")}`);
    await client.$disconnect();
  } finally {
    if (flag("keep") || reused) console.log(`kept ${name}`);
    else await dropDatabase(name);
  }
}

main().catch((error) => {
  console.error(error);
  // A crash must fail whoever ran the bench (a script, CI): exit non-zero rather than print and end 0.
  process.exit(1);
});

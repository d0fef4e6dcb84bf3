// Times a search with changes against the direct search, on the demo network (issue 15 part 1:
// "a search with changes within 2x the direct search's time").
//
//   npx tsx --conditions=react-server bench/journeys/run.ts [--runs 50] [--days 30]
//
// Builds a fresh database (the migrated template) seeded with the demo timetable for `days` days,
// then for a few station pairs times, in process and one after the other, `searchServices` (the
// direct search: GET /api/v1/search before journeys[]) and `searchJourneys` (the timetable read,
// the planner and the pricing of every leg), after two warm-up runs each. Prints p50/p95 in a
// Markdown table for REPORT.md. No HTTP: both run behind the same route, so the route's cost is
// the same for both and would only blur the ratio.
import { createDb, db } from "@/lib/db";
import { seed } from "@/lib/seed/seed";
import { addDaysIso } from "@/lib/services/service-calendar";
import { todayInZone } from "@/lib/time/zoned";
import { searchServices } from "@/lib/search/search-services";
import { searchJourneys } from "@/lib/search/journeys";
import { createFreshDatabase, dropDatabase, dropStaleDatabases } from "@/scripts/lib/databases";

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

async function time(runs: number, work: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 2; i++) await work();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    ms.push(performance.now() - started);
  }
  ms.sort((a, b) => a - b);
  const at = (p: number) => ms[Math.min(ms.length - 1, Math.ceil((p / 100) * ms.length) - 1)]!;
  return { p50: at(50), p95: at(95) };
}

const PAIRS: [string, string, string][] = [
  ["GDG", "KRK", "through trains"],
  ["GDG", "KAT", "one change (Warszawa)"],
  ["POZ", "GDG", "one change (Warszawa)"],
  ["SZC", "LDF", "changes (Poznań/Wrocław)"],
];

async function main() {
  const runs = option("runs", 50);
  const days = option("days", 30);
  await dropStaleDatabases("railbook_bench");
  const { name, url } = await createFreshDatabase("railbook_bench");
  try {
    const loader = createDb(url, 1);
    await seed(loader, { days });
    await loader.$executeRawUnsafe("ANALYZE");
    await loader.$disconnect();
    process.env.DATABASE_URL = url;
    const date = addDaysIso(todayInZone("Europe/Warsaw"), 3);
    const lines = [
      `Demo network, ${days} days of services; date ${date}; ${runs} runs each after 2 warm-ups; in process, one at a time.`,
      "",
      "| from → to | kind | direct trains | journeys | direct search p50 / p95 ms | journey search p50 / p95 ms | ratio (p50) |",
      "|---|---|---:|---:|---:|---:|---:|",
    ];
    for (const [from, to, kind] of PAIRS) {
      const query = { from, to, date, passengers: 1 };
      const direct = await searchServices(query);
      const journeys = await searchJourneys(query);
      const d = await time(runs, () => searchServices(query));
      const j = await time(runs, () => searchJourneys(query));
      const changes = [...new Set(journeys.map((x) => x.changes))].sort().join("/");
      lines.push(
        `| ${from} → ${to} | ${kind} | ${direct.services.length} | ${journeys.length} (changes ${changes || "-"}) | ${d.p50.toFixed(1)} / ${d.p95.toFixed(1)} | ${j.p50.toFixed(1)} / ${j.p95.toFixed(1)} | ${(j.p50 / d.p50).toFixed(2)} |`,
      );
      console.log(lines.at(-1));
    }
    console.log(`\n${lines.join("\n")}`);
    await db().$disconnect();
  } finally {
    await dropDatabase(name);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

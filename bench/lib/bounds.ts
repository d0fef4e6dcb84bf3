// "If a target is out of reach, say what bounds it": for each target this run missed, the
// arithmetic from this run's own measurements that shows where the limit is (CPU per request
// against two cores, Little's law for a closed loop of clients, one inventory's transactions
// running one after another). Nothing here is typed in by hand but the reasoning.
import type { BenchResults } from "./targets";
import { ceilingOf, judgeTargets } from "./targets";

const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "–");
const CORES_MS = 2000; // CPU milliseconds two cores have per second

function spreadBound(r: BenchResults): string | null {
  const s = r.targets.spread;
  const ceiling = ceilingOf(r);
  if (!ceiling || s.appCpuMs === undefined || s.dbCpuMs === undefined) return null;
  const total = s.appCpuMs + s.dbCpuMs + (s.driverCpuMs ?? 0);
  const needed = CORES_MS / (0.3 * ceiling);
  const floor = r.targets.floor;
  const byOwner = r.profile.cpu.byOwner.filter((o) => !o.owner.startsWith("waiting")).slice(0, 3);
  const clientMs = r.profile.cpu.byOwner.filter((o) => o.owner.startsWith("Prisma") || o.owner.startsWith("pg driver")).reduce((a, o) => a + o.msPerOp, 0);
  const explained = r.profile.explained.reduce((a, x) => a + x.planningMs + x.executionMs, 0);
  return [
    `**Spread is bound by CPU per booking.** One booking cost ${f1(s.appCpuMs)} ms of app-server CPU, ${f1(s.dbCpuMs)} ms of PostgreSQL CPU`,
    `and ${f1(s.driverCpuMs ?? NaN)} ms in the load generator: ${f1(total)} ms in all, so two cores make at most ${f1(CORES_MS / total)} bookings/s`,
    `(${f1((100 * CORES_MS) / total / ceiling)}% of the ceiling) however the work is scheduled; the run reached ${f1(s.holdsPerSecond)}.`,
    `The plain-SQL transaction costs at most ${f1(CORES_MS / ceiling)} ms of CPU (pgbench included). 30% of the ceiling needs a whole booking`,
    `in ${f1(needed)} ms of CPU or less.`,
    floor
      ? `The cheapest route of the app (Floor: GET /api/health, one \`SELECT 1\` through Prisma) already costs ${f1(floor.appCpuMs)} ms of app-server CPU per request, ` +
        `which is Next.js, Node's HTTP and one Prisma round trip: ${f1((100 * floor.appCpuMs) / needed)}% of that budget before any booking work.`
      : "",
    `In process, one booking's JavaScript CPU goes to ${byOwner.map((o) => `${o.owner} ${f1(o.msPerOp)} ms`).join(", ")} (profile below);`,
    `Prisma and the pg driver alone spend ${f1(clientMs)} ms on its ${r.profile.lib.statements} statements (${f1(clientMs / r.profile.lib.statements)} ms each), while PostgreSQL`,
    `plans and executes the hold transaction's statements in ${f1(explained)} ms.`,
    ...(r.profile.clientCost ?? []).map(
      (c) => `Measured apart: "${c.shape}" (${c.rows} rows) costs ${f1(c.prisma.cpuMs)} ms of CPU through Prisma and ${f1(c.pg.cpuMs)} ms through pg alone.`,
    ),
    prismaShare(r),
    `What would move it: fewer statements per booking (each saved round trip is CPU on both sides), prepared statements (Prisma's adapter`,
    `sends unnamed ones, so PostgreSQL plans every statement every time), and more cores: app instances are stateless and scale out.`,
  ]
    .filter(Boolean)
    .join("\n");
}

/** Prisma's own layer in one booking, estimated from the measured per-statement and per-512-rows extra CPU. */
function prismaShare(r: BenchResults): string {
  const [one, seats] = r.profile.clientCost ?? [];
  if (!one || !seats) return "";
  const perStatement = one.prisma.cpuMs - one.pg.cpuMs;
  const perSeatRead = seats.prisma.cpuMs - seats.pg.cpuMs - perStatement;
  const estimate = perStatement * r.profile.route.statements + perSeatRead;
  return (
    `So Prisma's layer alone adds about ${f1(perStatement)} ms per statement and ${f1(perSeatRead)} ms more for the class's seats a booking reads: ` +
    `about ${f1(estimate)} ms of a booking's app CPU, which sending the (already raw) hot-path SQL through pg directly would save.`
  );
}

function rushBound(r: BenchResults): string | null {
  const rush = r.targets.rush;
  const turns = rush.contention?.turns;
  const wall = Number(rush.figures["wall time (s)"]);
  if (!turns || turns.count === 0 || !Number.isFinite(wall)) return null;
  const busy = turns.heldTotalMs / 1000;
  const explained = r.profile.explained.reduce((a, x) => a + x.planningMs + x.executionMs, 0);
  return [
    `**Rush is bound by one inventory's turns running one after another.** Every hold and payment on the rush train's class`,
    `takes its turn (under SERIALIZABLE two that overlap abort each other, docs/decisions/008), and each turn now serves every request`,
    `queued for the inventory in one transaction (docs/decisions/018): ${turns.count} turns held the inventory`,
    `${f1(busy)} s of the ${f1(wall)} s rush (${f1((100 * busy) / wall)}%), ${f1(turns.heldP50)} ms each at p50; requests queued ${f1(turns.queuedP50)} ms at p50`,
    `and ${f1(turns.queuedP95)} ms at p95 for their turn. A batch plans its holds in memory and writes them in one statement, but serves its`,
    `payments one after another, each with its own statements (${r.profile.pay.statements} per payment, profile below): a turn with many payments in it is long,`,
    `and everyone queued behind it waits for it. Idle and alone, the hold transaction spends ${f1(explained)} ms inside PostgreSQL (planning + execution)`,
    `and the rest in ${r.profile.lib.statements} round trips and Prisma.`,
    `What would move it: set-based payments in a batch (one statement for all its confirmations, as for its holds), and fewer statements per payment.`,
  ].join("\n");
}

function searchBound(r: BenchResults): string | null {
  const s = r.targets.search;
  const n = r.options.search.concurrency;
  if (s.aloneReadsPerSecond === undefined) return null;
  const needed = n / 0.05;
  const floor = r.targets.floor;
  return [
    `**Search is bound by throughput: ${n} clients in a closed loop keep ${n} requests in flight**, so by Little's law the mean latency is`,
    `${n} / throughput. Reads alone ran at ${f1(s.aloneReadsPerSecond)} reads/s (mean latency ${f1((1000 * n) / s.aloneReadsPerSecond)} ms),`,
    `each costing ${f1(s.aloneAppCpuMs ?? NaN)} ms of app-server CPU and ${f1(s.aloneDbCpuMs ?? NaN)} ms of PostgreSQL CPU. A p95 under 50 ms at ${n} clients needs`,
    `at least ${f1(needed)} reads/s, i.e. at most ${f1(CORES_MS / needed)} ms of CPU per read on two cores, load generator included.`,
    floor
      ? `Even the cheapest route (Floor) answered ${f1(floor.perSecond)} requests/s with a p95 of ${f1(floor.p95)} ms at ${n} connections: no read of this` +
        ` app can be faster than the framework's own floor on this machine.`
      : "",
    `What would move it: fewer and cheaper statements per read, a short-lived shared cache of the timetable part of a search`,
    `(availability must stay live), and more app instances.`,
  ]
    .filter(Boolean)
    .join("\n");
}

function partyBound(r: BenchResults): string {
  return [
    `**Big party**: p50 ${f1(r.targets.party.p50)} ms, of which a one-passenger booking over HTTP already takes ${f1(r.http.book.p50)} ms at p50`,
    `(profile): the five extra passengers add rows to one statement, not round trips.`,
  ].join("\n");
}

export function boundsSection(r: BenchResults): string {
  const missed = new Set(judgeTargets(r).filter((t) => !t.met).map((t) => t.target.split(":")[0]));
  const parts: string[] = [];
  if (missed.has("Spread")) parts.push(spreadBound(r) ?? "Spread: the figures to explain it were not measured in this run.");
  if (missed.has("Rush")) parts.push(rushBound(r) ?? "Rush: the figures to explain it were not measured in this run.");
  if (missed.has("Search")) parts.push(searchBound(r) ?? "Search: the figures to explain it were not measured in this run.");
  if (missed.has("Big party")) parts.push(partyBound(r));
  if (parts.length === 0) return "";
  return ["## What bounds the targets not met", "", "Computed from this run's own figures (bench/lib/bounds.ts).", "", parts.join("\n\n")].join("\n");
}

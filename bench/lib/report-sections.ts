// The two report sections that explain rather than score: the plain-SQL ceiling (pgbench runs
// with their per-statement latencies) and the profile of one booking (where its time goes, and
// its statements one by one, with PostgreSQL's own planning and execution time for each).
import type { BenchResults } from "./targets";

const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : "–");

export function table(head: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.map((c) => String(c).replace(/\|/g, "\\|")).join(" | ")} |`;
  return [line(head), line(head.map(() => "---")), ...rows.map(line)].join("\n");
}

export function ceilingSection(r: BenchResults): string {
  const head = ["## Plain-SQL ceiling (pgbench, same database, same run)", ""];
  if (!("best" in r.ceiling)) return [...head, `Not measured: ${r.ceiling.skipped}.`].join("\n");
  const c = r.ceiling;
  return [
    ...head,
    "bench/ceiling/booking.sql: SERIALIZABLE; lock one random seat row FOR UPDATE; check live overlapping allocations;",
    "insert booking, passenger, allocation and HELD event; commit. `pgbench -M prepared`, 2 threads. Bookings/s counts rows written.",
    "",
    table(
      ["clients", "seconds", "bookings/s", "pgbench tps", "latency avg ms", "failed tx"],
      c.runs.map((x) => [x.clients, x.seconds, x.bookingsPerSecond.toFixed(1), x.tps.toFixed(1), f2(x.latencyMs), x.failed]),
    ),
    "",
    `Ceiling used for the ratio: **${c.best.bookingsPerSecond.toFixed(1)} bookings/s** (${c.best.clients} clients).`,
    `The same with one \`pg_notify\` per booking, as the app's live updates send (lib/live/publish.ts): **${c.withNotify.bookingsPerSecond.toFixed(1)} bookings/s**`,
    `(latency avg ${f2(c.withNotify.latencyMs)} ms; a notifying transaction holds a cluster-wide lock on the notify queue through its commit).`,
    "",
    "Per statement at the ceiling's client count (pgbench -r, ms):",
    "",
    table(["ms", "statement"], c.best.statements.map((s) => [f2(s.ms), s.sql])),
  ].join("\n");
}

/** The app server's CPU per booking measured during Spread, as text. */
function spreadCpu(r: BenchResults): string {
  const spread = r.scenarios.find((s) => s.name === "Spread");
  const value = spread?.figures["app server CPU per booking (ms)"];
  return typeof value === "number" ? f2(value) : "";
}

export function profileSection(r: BenchResults): string {
  const p = r.profile;
  const h = r.http;
  const explainTotal = p.explained.reduce((a, s) => a + s.planningMs + s.executionMs, 0);
  return [
    "## Profile of one booking (one request at a time, idle app)",
    "",
    `Medians over ${p.lib.calls} one-passenger bookings (automatic seat, whole route, a 512-seat class) and their payments.`,
    "Round trips are counted and timed at the pg driver (bench/profile/counting-pool.ts) under the app's own Prisma client.",
    "",
    table(
      ["layer", "p50 ms", "CPU ms", "statements", "what the difference is"],
      [
        ["HTTP through next start", f2(h.book.p50), spreadCpu(r), "", `Next.js (HTTP, routing, Response): ${f2(h.book.p50 - p.route.wallP50)} ms`],
        ["route handler, in process", f2(p.route.wallP50), f2(p.route.cpuP50), p.route.statements, `auth and parsing: ${f2(p.route.wallP50 - p.lib.wallP50)} ms`],
        ["lib createBooking(), in process", f2(p.lib.wallP50), f2(p.lib.cpuP50), p.lib.statements, `Prisma and app JavaScript: ${f2(p.lib.wallP50 - p.lib.sqlP50)} ms`],
        ["sum of the round trips", f2(p.lib.sqlP50), "", p.lib.statements, `wire, parse, bind: ${f2(p.lib.sqlP50 - explainTotal)} ms (hold tx only: see below)`],
        ["PostgreSQL planning + execution (hold tx)", f2(explainTotal), "", p.explained.length, "EXPLAIN ANALYZE of the hold transaction's statements"],
        ["payment over HTTP / lib", `${f2(h.pay.p50)} / ${f2(p.pay.wallP50)}`, f2(p.pay.cpuP50), p.pay.statements, `round trips ${f2(p.pay.sqlP50)} ms`],
        ["search / seat map over HTTP", `${f2(h.search.p50)} / ${f2(h.seatMap.p50)}`, "", "", "one client"],
      ],
    ),
    "",
    "CPU ms: the Node process's own CPU per call (in process, median), and for HTTP the app server's CPU per booking during Spread (/proc).",
    "",
    `Where the JavaScript time of one lib createBooking() goes (V8 sampling profiler over ${p.lib.calls} more bookings, one at a time;`,
    `process CPU ${f2(p.cpu.cpuMsPerOp)} ms per booking):`,
    "",
    table(["ms per booking", "owner"], p.cpu.byOwner.map((o) => [f2(o.msPerOp), o.owner])),
    "",
    "One booking through the route handler, statement by statement (round trip at the driver):",
    "",
    table(["#", "ms", "statement"], p.bookingStatements.map((s, i) => [i + 1, f2(s.ms), s.statement])),
    "",
    "The hold transaction's statements inside PostgreSQL (EXPLAIN ANALYZE, replayed in a rolled-back transaction):",
    "",
    table(["planning ms", "execution ms", "rows", "statement"], p.explained.map((s) => [f2(s.planningMs), f2(s.executionMs), s.rows ?? "", s.statement])),
    "",
    "Predicate (SIRead) locks the replayed hold transaction held at its end. A `relation` lock on a table that bookings write",
    "(Booking, BookingPassenger, SeatAllocation, BookingEvent, IdempotencyKey) is a conflict with every concurrent booking:",
    "",
    table(["lock", "relation", "count"], p.predicateLocks.map((l) => [l.locktype, l.relation, l.count])),
    "",
    "One payment, statement by statement:",
    "",
    table(["#", "ms", "statement"], p.payStatements.map((s, i) => [i + 1, f2(s.ms), s.statement])),
    ...clientCostLines(r),
  ].join("\n");
}

/** Prisma against pg alone on the same statements (bench/profile/client-cost.ts); absent in older results. */
function clientCostLines(r: BenchResults): string[] {
  const costs = r.profile.clientCost;
  if (!costs?.length) return [];
  return [
    "",
    "Prisma against the pg driver alone, the same statement on the same pool, one call at a time (CPU of this process per call):",
    "",
    table(
      ["statement", "rows", "Prisma $queryRaw: wall / CPU ms", "pg pool.query: wall / CPU ms", "Prisma's extra CPU ms"],
      costs.map((c) => [c.shape, c.rows, `${f2(c.prisma.wallMs)} / ${f2(c.prisma.cpuMs)}`, `${f2(c.pg.wallMs)} / ${f2(c.pg.cpuMs)}`, f2(c.prisma.cpuMs - c.pg.cpuMs)]),
    ),
  ];
}

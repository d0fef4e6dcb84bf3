// The targets, judged on this run's figures, and the handful of headline figures that
// the before/after table compares between two runs (bench/baseline.json holds the "before").
import type { Ceiling } from "../ceiling/ceiling";
import type { HttpProfile } from "../profile/profile";
import type { ProfileResult } from "../profile/in-process";
import type { ScenarioResult } from "./context";
import type { Machine } from "./machine";
import type { BenchOptions } from "./options";

export interface BenchResults {
  options: BenchOptions;
  machine: Machine;
  build: string;
  finishedAt: string;
  loadAtEnd: string;
  /** Load average as each scenario started. */
  loads: Record<string, string>;
  ceiling: Ceiling | { skipped: string };
  profile: ProfileResult;
  http: HttpProfile;
  scenarios: ScenarioResult[];
  targets: {
    spread: { holdsPerSecond: number; appCpuMs?: number; dbCpuMs?: number; driverCpuMs?: number };
    rush: ScenarioResult;
    search: { searchP95: number; seatMapP95: number; aloneReadsPerSecond?: number; aloneAppCpuMs?: number; aloneDbCpuMs?: number };
    party: { p50: number };
    /** Absent in results saved before the floor was measured (an older bench/baseline.json). */
    floor?: { perSecond: number; p95: number; appCpuMs: number; dbCpuMs: number };
  };
}

export interface TargetRow {
  target: string;
  measured: string;
  met: boolean;
}

const ms = (n: number) => `${n.toFixed(1)} ms`;

export function ceilingOf(results: BenchResults): number | null {
  return "best" in results.ceiling ? results.ceiling.best.bookingsPerSecond : null;
}

export function judgeTargets(r: BenchResults): TargetRow[] {
  const ceiling = ceilingOf(r);
  const ratio = ceiling ? r.targets.spread.holdsPerSecond / ceiling : null;
  const rushAll = r.targets.rush.requests["POST /bookings (all answers)"]!;
  const rushHolds = r.targets.rush.requests["POST /bookings (201 holds only)"]!;
  const rushChecks = r.targets.rush.checks;
  const c = r.options.concurrency;
  const rushHoldsPerSecond = Number(r.targets.rush.figures["holds per second, until the last hold"] ?? 0);
  const rushRatio = rushHoldsPerSecond / Math.max(0.001, r.targets.spread.holdsPerSecond);
  const hot = r.scenarios.find((s) => s.name === "Hot seat")?.requests["POST /bookings (chosen seat)"];
  return [
    {
      target: "Rush: holds/s on one hot train >= 0.9 x Spread bookings/s over many trains (contention costs almost nothing)",
      measured: `${rushHoldsPerSecond.toFixed(1)} / ${r.targets.spread.holdsPerSecond.toFixed(1)} = ${rushRatio.toFixed(2)}`,
      met: rushRatio >= 0.9,
    },
    {
      target: "Spread: app booking throughput >= 10% of the plain-SQL ceiling (on the way to 30%)",
      measured: ratio === null ? "ceiling not measured" : `${r.targets.spread.holdsPerSecond.toFixed(1)} / ${ceiling!.toFixed(1)} bookings/s = ${(ratio * 100).toFixed(1)}%`,
      met: ratio !== null && ratio >= 0.1,
    },
    {
      target: "Hot seat: refusals p50 < 50 ms",
      measured: hot ? `p50 ${ms(hot.p50)} over all ${hot.count} answers (all but ${r.options.hotSeat.seats} are refusals)` : "not measured",
      met: hot !== undefined && hot.p50 < 50,
    },
    {
      target: "Statements per uncontended hold <= 6 and per payment <= 6 (token lookup and Idempotency-Key included)",
      measured: `hold ${r.profile.route.statements}, payment ${r.profile.pay.statements}`,
      met: r.profile.route.statements <= 6 && r.profile.pay.statements <= 6,
    },
    {
      target: `Rush: p99 booking latency < 250 ms at ${c} concurrent clients`,
      measured: `p99 ${ms(rushAll.p99)} over all ${rushAll.count} answers (holds only: p99 ${ms(rushHolds.p99)})`,
      met: rushAll.p99 < 250,
    },
    {
      target: "Rush: zero oversell, zero 5xx",
      measured: rushChecks.map((x) => `${x.ok ? "ok" : "FAILED"}: ${x.detail}`).slice(0, 2).join("; "),
      met: rushChecks.every((x) => x.ok),
    },
    {
      target: `Search: p95 < 50 ms at ${r.options.search.concurrency} concurrent clients (during Spread)`,
      measured: `search p95 ${ms(r.targets.search.searchP95)}, seat map p95 ${ms(r.targets.search.seatMapP95)}`,
      met: r.targets.search.searchP95 < 50 && r.targets.search.seatMapP95 < 50,
    },
    {
      target: `Big party: ${r.options.bigParty.passengers}-passenger booking < 50 ms at p50`,
      measured: `p50 ${ms(r.targets.party.p50)}`,
      met: r.targets.party.p50 < 50,
    },
  ];
}

/** Headline figures, by label, for the before/after table. */
export function headline(r: BenchResults): Record<string, number | null> {
  const ceiling = ceilingOf(r);
  const rushAll = r.targets.rush.requests["POST /bookings (all answers)"];
  return {
    "statements per booking (route handler)": r.profile.route.statements,
    "statements per payment": r.profile.pay.statements,
    "booking, lib call p50 (ms)": r.profile.lib.wallP50,
    "booking, sum of round trips p50 (ms)": r.profile.lib.sqlP50,
    "booking, route handler p50 (ms)": r.profile.route.wallP50,
    "booking over HTTP, one client, p50 (ms)": r.http.book.p50,
    "Spread bookings/s": r.targets.spread.holdsPerSecond,
    "Spread: app server CPU per booking (ms)": r.targets.spread.appCpuMs ?? null,
    "Spread: PostgreSQL CPU per booking (ms)": r.targets.spread.dbCpuMs ?? null,
    "Rush holds/s": Number(r.targets.rush.figures["holds per second, until the last hold"] ?? NaN) || null,
    "Rush holds/s / Spread bookings/s": (Number(r.targets.rush.figures["holds per second, until the last hold"] ?? NaN) || 0) / Math.max(0.001, r.targets.spread.holdsPerSecond) || null,
    "plain-SQL ceiling bookings/s": ceiling,
    "Spread / ceiling (%)": ceiling ? (100 * r.targets.spread.holdsPerSecond) / ceiling : null,
    "Rush p99 (ms)": rushAll?.p99 ?? null,
    "Search p95 during Spread (ms)": r.targets.search.searchP95,
    "Seat map p95 during Spread (ms)": r.targets.search.seatMapP95,
    "Big party p50 (ms)": r.targets.party.p50,
  };
}

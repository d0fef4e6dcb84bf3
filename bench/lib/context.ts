// What every scenario gets: the settings, the data built for it, the running server and a direct
// database connection for the SQL checks. A scenario returns its figures and its checks; it never
// decides whether the run failed (bench/run.ts does, on checks only).
import type pg from "pg";
import type { BenchUser } from "./accounts";
import type { Check } from "./checks";
import type { Contention } from "./contention";
import type { Fixture } from "./fixture";
import type { BenchOptions } from "./options";
import type { Server } from "./server";
import type { Summary } from "./stats";

export interface BenchContext {
  options: BenchOptions;
  fixture: Fixture;
  users: BenchUser[];
  server: Server;
  sql: pg.Pool;
  log: (line: string) => void;
}

export interface ScenarioResult {
  name: string;
  /** One line on what was run (users, seats, concurrency, duration). */
  setup: string;
  /** Per request kind, e.g. "POST /bookings (all)". */
  requests: Record<string, Summary>;
  /** Further figures by label, e.g. "holds per second": 41.2. */
  figures: Record<string, number | string>;
  contention?: Contention;
  checks: Check[];
  /** Error lines the server logged during the scenario, if any. */
  serverErrors?: string[];
}

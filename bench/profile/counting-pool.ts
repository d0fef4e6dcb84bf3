// A pg.Pool that records every statement sent through it (text, parameters, round-trip time),
// for the in-process profile: handed to PrismaPg as an external pool, it sees exactly what the
// app's Prisma client sends, transactions included (adapter-pg runs them on pooled clients).
// The round-trip time is from the call to the answer: network, PostgreSQL's parse, plan and
// execute, and the driver's decoding; what the lib call takes beyond the sum of these is Prisma's
// and the app's own JavaScript.
import pg from "pg";

export interface Statement {
  sql: string;
  values: unknown[];
  ms: number;
}

type QueryArg = string | { text: string; values?: unknown[] };

export class CountingPool extends pg.Pool {
  /** Statements since the last take(); recording is always on. */
  private recorded: Statement[] = [];

  constructor(config: pg.PoolConfig) {
    super(config);
    this.on("connect", (client) => this.instrument(client));
  }

  take(): Statement[] {
    const out = this.recorded;
    this.recorded = [];
    return out;
  }

  private instrument(client: pg.PoolClient): void {
    const original = client.query.bind(client) as (...args: unknown[]) => unknown;
    const record = (arg: QueryArg, values: unknown, started: number) => {
      const sql = typeof arg === "string" ? arg : arg.text;
      const params = (typeof arg === "string" ? values : arg.values) ?? [];
      this.recorded.push({ sql, values: Array.isArray(params) ? params : [], ms: performance.now() - started });
    };
    // Both shapes pg uses: a promise (adapter-pg inside transactions) and a callback (Pool.query).
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const started = performance.now();
      const arg = args[0] as QueryArg;
      const callbackAt = args.findIndex((a) => typeof a === "function");
      if (callbackAt >= 0) {
        const callback = args[callbackAt] as (error: unknown, result: unknown) => void;
        args[callbackAt] = (error: unknown, result: unknown) => {
          record(arg, args[1], started);
          callback(error, result);
        };
        return original(...args);
      }
      const result = original(...args) as Promise<unknown> | undefined;
      return result?.then(
        (value) => (record(arg, args[1], started), value),
        (error) => {
          record(arg, args[1], started);
          throw error;
        },
      );
    };
  }
}

/** The first line of a statement, shortened, for tables in the report. */
export function label(sql: string): string {
  const flat = sql.replace(/\s+/g, " ").trim();
  return flat.length > 90 ? `${flat.slice(0, 87)}...` : flat;
}

// PostgreSQL's own time for each statement of a booking: the statements recorded from one hold
// transaction are replayed under EXPLAIN (ANALYZE) in one SERIALIZABLE transaction that is rolled
// back, so planning and execution are measured inside the server, apart from the round trip.
// The recorded hold was itself rolled back, so its ids and PNR are free to be written again.
import pg from "pg";
import { label, type Statement } from "./counting-pool";

export interface ExplainedStatement {
  statement: string;
  planningMs: number;
  executionMs: number;
  /** Rows locked or written, from the plan's top node, where it says. */
  rows: number | null;
}

const CONTROL = /^(BEGIN|COMMIT|ROLLBACK|SET TRANSACTION|SAVEPOINT|RELEASE)/i;

/** SIRead (predicate) locks the replayed transaction held before its end, by kind and relation. */
export interface PredicateLocks {
  locktype: string;
  relation: string;
  count: number;
}

export async function explainStatements(url: string, statements: Statement[]): Promise<{ explained: ExplainedStatement[]; predicateLocks: PredicateLocks[] }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const out: ExplainedStatement[] = [];
  let predicateLocks: PredicateLocks[] = [];
  try {
    // Twice, keeping the second: a new backend's first plans include loading the catalog caches
    // (tens of ms for a many-table query), which the app's long-lived pooled connections pay once.
    for (let pass = 0; pass < 2; pass++) {
      out.length = 0;
      await client.query("BEGIN ISOLATION LEVEL SERIALIZABLE");
      for (const s of statements) {
        if (CONTROL.test(s.sql.trim())) continue;
        const { rows } = await client.query<{ "QUERY PLAN": [{ "Planning Time": number; "Execution Time": number; Plan: { "Actual Rows"?: number } }] }>({
          text: `EXPLAIN (ANALYZE, FORMAT JSON) ${s.sql}`,
          values: s.values,
        });
        const plan = rows[0]!["QUERY PLAN"][0];
        out.push({ statement: label(s.sql), planningMs: plan["Planning Time"], executionMs: plan["Execution Time"], rows: plan.Plan["Actual Rows"] ?? null });
      }
      // What SERIALIZABLE tracks for this transaction: a relation-level SIRead lock on a table that
      // other bookings write makes every concurrent booking a potential conflict (serialization retries).
      const locks = await client.query<PredicateLocks>(
        `SELECT locktype, relation::regclass::text AS relation, COUNT(*)::int AS count FROM pg_locks
         WHERE pid = pg_backend_pid() AND mode = 'SIReadLock' GROUP BY 1, 2 ORDER BY 1, 2`,
      );
      predicateLocks = locks.rows;
      await client.query("ROLLBACK");
    }
  } finally {
    await client.end();
  }
  return { explained: out, predicateLocks };
}

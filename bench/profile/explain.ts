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

export async function explainStatements(url: string, statements: Statement[]): Promise<ExplainedStatement[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const out: ExplainedStatement[] = [];
  try {
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
  } finally {
    await client.query("ROLLBACK").catch(() => {});
    await client.end();
  }
  return out;
}

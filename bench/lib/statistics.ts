// A database that was never analyzed, made on demand: on these machines autovacuum is off, and a
// young production database may not have been analyzed yet either. Wiping the planner's statistics
// (pg_statistic rows and pg_class's size estimates, as a fresh bulk load leaves them) makes
// PostgreSQL plan as it would there; issue 19 asks that the booking path's predicate locks stay
// small whatever the statistics say. Needs a superuser (the bench's own local database).
import type pg from "pg";

export async function forgetStatistics(sql: pg.Pool): Promise<void> {
  await sql.query(`DELETE FROM pg_statistic WHERE starelid IN (SELECT oid FROM pg_class WHERE relnamespace = 'public'::regnamespace)`);
  await sql.query(`UPDATE pg_class SET reltuples = -1, relpages = 0, relallvisible = 0 WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'i')`);
}

// Readiness: may this instance take traffic? The database answers and has every migration this
// build knows applied. The worker (scheduled jobs, e-mail) is reported too, but does not make the
// instance unready: a stopped worker delays e-mails and sweeps, it does not stop bookings, and
// taking every instance out of a load balancer over it would turn a small fault into an outage.
// Its alert is the metrics' railbook_job_last_success_timestamp_seconds (docs/ops/alerts.yml).
import "server-only";
import { db } from "@/lib/db";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { jobRuns } from "@/lib/jobs/registry";

/** The migrations this build ships (folders of prisma/migrations), as lib/db/migrator.ts applies them. */
async function migrationNames(): Promise<string[]> {
  const dir = path.join(/* turbopackIgnore: true */ process.cwd(), "prisma", "migrations");
  const entries = await readdir(dir, { withFileTypes: true });
  return entries.filter((e) => e.isDirectory()).map((e) => e.name);
}

/** A job that has not succeeded for this long means nobody runs the scheduled jobs. */
export const WORKER_STALE_MS = 5 * 60_000;

export interface Readiness {
  ready: boolean;
  checks: {
    database: { ok: boolean; error?: string };
    migrations: { ok: boolean; pending: string[]; unknownToThisBuild?: boolean };
    worker: { ok: boolean; lastSeenAt: string | null };
  };
}

export async function readiness(): Promise<Readiness> {
  try {
    await db().$queryRaw`SELECT 1`;
  } catch {
    return {
      ready: false,
      checks: { database: { ok: false, error: "The database is not reachable." }, migrations: { ok: false, pending: [] }, worker: { ok: false, lastSeenAt: null } },
    };
  }
  const [applied, runs] = await Promise.all([
    db().$queryRaw<{ name: string }[]>`SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    jobRuns(),
  ]);
  // A deployment that ships no migrations folder (a bundled serverless function) cannot compare.
  const known = await migrationNames().catch(() => null);
  const done = new Set(applied.map((r) => r.name));
  const pending = (known ?? []).filter((name) => !done.has(name));
  const lastSeen = runs.reduce<Date | null>((latest, r) => (r.lastSucceededAt && (!latest || r.lastSucceededAt > latest) ? r.lastSucceededAt : latest), null);
  const workerOk = lastSeen !== null && Date.now() - lastSeen.getTime() < WORKER_STALE_MS;
  return {
    ready: pending.length === 0,
    checks: {
      database: { ok: true },
      migrations: { ok: pending.length === 0, pending, ...(known === null ? { unknownToThisBuild: true } : {}) },
      worker: { ok: workerOk, lastSeenAt: lastSeen?.toISOString() ?? null },
    },
  };
}

// What a scrape reads besides this instance's counters: the booking engine's running totals and
// queue, the database pool, open live streams (this instance), and from the database (so any
// instance shows them, whoever did the work) the outbox's backlog and each job's last run.
import "server-only";
import { Counter } from "prom-client";
import { db, dbPool } from "@/lib/db";
import { batching, queueDepth } from "@/lib/inventory/turns";
import { contention } from "@/lib/inventory/transaction";
import { openStreamCounts } from "@/lib/live/stream-limits";
import { JOBS } from "@/lib/jobs/registry";
import { gaugeFrom, metrics } from "@/lib/metrics/metrics";

let registered = false;

/** A counter whose value is a running total kept elsewhere in this process. */
function counterFrom(name: string, help: string, read: () => number): void {
  const { registry } = metrics();
  if (registry.getSingleMetric(name)) return;
  new Counter({
    name,
    help,
    registers: [registry],
    collect() {
      this.reset();
      this.inc(read());
    },
  });
}

export function registerCollectors(): void {
  if (registered) return;
  registered = true;
  counterFrom("railbook_inventory_batches_total", "Inventory turns served by this instance.", () => batching.batches);
  counterFrom("railbook_inventory_batched_requests_total", "Requests served in those turns.", () => batching.requests);
  counterFrom("railbook_inventory_lock_retries_total", "Turns retried because another instance held the seats' locks.", () => contention.lockRetries);
  counterFrom("railbook_inventory_serialization_retries_total", "Transactions retried after a serialization failure.", () => contention.serializationRetries);
  counterFrom("railbook_inventory_gave_up_total", "Requests answered SERVICE_BUSY: the seats stayed locked past their deadline.", () => contention.gaveUp);

  gaugeFrom("railbook_inventory_queue_waiting", "Requests waiting for an inventory's turn in this instance.", [], (set) => set({}, queueDepth().waiting));
  gaugeFrom("railbook_inventory_queue_lines", "Inventories being served or waited for in this instance.", [], (set) => set({}, queueDepth().lines));
  gaugeFrom("railbook_db_pool_connections", "Database pool connections of this instance, by state.", ["state"], (set) => {
    const pool = dbPool();
    set({ state: "total" }, pool.totalCount);
    set({ state: "idle" }, pool.idleCount);
    set({ state: "in_use" }, pool.totalCount - pool.idleCount);
    set({ state: "waiting" }, pool.waitingCount);
  });
  gaugeFrom("railbook_live_streams_open", "Live update streams open on this instance.", [], (set) => set({}, openStreamCounts().total));

  gaugeFrom("railbook_outbox_pending", "E-mail notices not yet sent (PENDING), and the age of the oldest in seconds.", ["measure"], async (set) => {
    const [row] = await db().$queryRaw<{ pending: number; oldest: number | null }[]>`
      SELECT COUNT(*)::int AS pending, EXTRACT(EPOCH FROM now() - MIN("createdAt"))::float8 AS oldest
      FROM "Notification" WHERE channel = 'EMAIL' AND status = 'PENDING'`;
    set({ measure: "count" }, row?.pending ?? 0);
    set({ measure: "oldest_age_seconds" }, row?.oldest ?? 0);
  });
  gaugeFrom("railbook_job_last_success_timestamp_seconds", "When each scheduled job last succeeded (Unix time; 0: never), whichever process ran it.", ["job"], async (set) => {
    const runs = await db().jobRun.findMany({ select: { name: true, lastSucceededAt: true } });
    for (const name of Object.keys(JOBS)) {
      const at = runs.find((r) => r.name === name)?.lastSucceededAt;
      set({ job: name }, at ? at.getTime() / 1000 : 0);
    }
  });
  gaugeFrom("railbook_job_runs", "Scheduled job runs and failures recorded, whichever process ran them.", ["job", "result"], async (set) => {
    for (const run of await db().jobRun.findMany({ select: { name: true, runs: true, failures: true } })) {
      set({ job: run.name, result: "ok" }, run.runs - run.failures);
      set({ job: run.name, result: "failed" }, run.failures);
    }
  });
}

/** The scrape: every metric in Prometheus's text format. */
export async function scrape(): Promise<{ body: string; contentType: string }> {
  registerCollectors();
  const { registry } = metrics();
  return { body: await registry.metrics(), contentType: registry.contentType };
}

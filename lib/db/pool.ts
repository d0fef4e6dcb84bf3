// The node-postgres pool under Prisma's adapter, made to survive a database failover.
//
// When the server goes away (failover, restart), every pooled connection emits 'error'. Prisma's
// adapter listens on the pool (idle connections) and on connections inside a transaction, but a
// connection can be between the two: in the failover test (cluster/FAILOVER-REPORT.md) one such
// 57P01 surfaced as an uncaughtException in `next start`. So every connection gets a listener of
// its own for its whole life; node-postgres still drops the broken connection and the pool opens
// a fresh one on demand.
import pg from "pg";
import { logger } from "@/lib/logger";

export interface PoolOptions {
  connectionString: string;
  max: number;
}

function guard(client: pg.PoolClient): void {
  client.on("error", (error: Error) => {
    // Only our listener is left: without it this event would be thrown at the event loop.
    if (client.listenerCount("error") === 1) logger.warn("database connection lost (unattended connection)", { error: error.message });
  });
}

export function createPool({ connectionString, max }: PoolOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max,
    // A connect that hangs (HAProxy still pointing at a dead primary) fails in time to be retried.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  pool.on("connect", guard);
  return pool;
}

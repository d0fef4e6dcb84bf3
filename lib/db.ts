// The one Prisma client, created lazily: `next build` imports this module with no DATABASE_URL.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/logger";
import { createPool } from "@/lib/db/pool";
import type pg from "pg";
import { config } from "@/lib/config";

type Db = PrismaClient;
const cache = globalThis as unknown as { __railbookDb?: Db };
// On the client object itself: Next.js bundles may load this module more than once while sharing
// the global client, so a module-level map would not know a client another copy created.
const POOL = Symbol.for("railbook.db.pool");
type WithPool = Db & { [POOL]?: pg.Pool };

export function createDb(connectionString: string, poolMax = poolSize()): Db {
  const pool = createPool({ connectionString, max: poolMax });
  const adapter = new PrismaPg(pool, {
    disposeExternalPool: true,
    // A pooled connection that dies while idle or inside a transaction (failover, server restart)
    // emits 'error'; node-postgres then drops it. Logged here, and never thrown (lib/db/pool.ts).
    onPoolError: (error) => logger.warn("database connection lost (idle)", { error: error.message }),
    onConnectionError: (error) => logger.warn("database connection lost (in use)", { error: error.message }),
  });
  const client = new PrismaClient({ adapter });
  (client as WithPool)[POOL] = pool;
  return client;
}

/** The process-wide client (one pool per app instance). */
export function db(): Db {
  if (!cache.__railbookDb) {
    const url = config().DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm run dev` or `npm start`.");
    cache.__railbookDb = createDb(url);
  }
  return cache.__railbookDb;
}

/**
 * The node-postgres pool under db(), for libraries that speak pg themselves (rate-limiter-flexible).
 * Sharing it keeps one pool per instance, which the embedded database needs (one connection).
 */
export function dbPool(): pg.Pool {
  const pool = (db() as WithPool)[POOL];
  if (!pool) throw new Error("db() has no pool: it was not made by createDb()");
  return pool;
}

function poolSize(): number {
  // The embedded database serves one connection at a time (ENVIRONMENT.md: larger pools fail).
  return config().DATABASE_POOL_MAX;
}

export type { Db };
/** A client inside an interactive transaction: lib functions that take part in one accept it. */
export type Tx = Prisma.TransactionClient;

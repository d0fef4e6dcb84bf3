// serializable() with and without `retryOnConnectionLoss`, on real PostgreSQL: the transaction's
// backend is ended with pg_terminate_backend (a real 57P01) in the middle of its first attempt.
// Marked work is repeated and commits once; unmarked work fails and leaves nothing behind. Plus:
// the retry budget ends in SERVICE_BUSY, other errors are never repeated, and an idle pooled
// connection that dies is logged and replaced without crashing the process.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { createDb, db, type Tx } from "@/lib/db";
import { serializable } from "@/lib/db/serializable";
import { retryOnConnectionLoss, withRetryDeadline } from "@/lib/db/connection-retry";
import { isConnectionError } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { hangingUpServer, rejectionOf, sideConnection, terminateBackend } from "./helpers";

let side: pg.Client;
beforeAll(async () => {
  side = await sideConnection();
  await side.query("CREATE TABLE IF NOT EXISTS ha_retry_probe (id text NOT NULL, attempt int NOT NULL)");
});
afterAll(async () => {
  await side.query("DROP TABLE IF EXISTS ha_retry_probe");
  await side.end();
});

/** Inserts a row, and on the first attempt has its own backend ended before it can commit. */
function interruptedOnce(id: string, counter: { attempts: number }) {
  return async (tx: Tx) => {
    counter.attempts++;
    const pid = (await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`)[0]!.pid;
    await tx.$executeRaw`INSERT INTO ha_retry_probe (id, attempt) VALUES (${id}, ${counter.attempts})`;
    if (counter.attempts === 1) {
      await terminateBackend(side, pid);
      await tx.$queryRaw`SELECT 1`;
    }
    return counter.attempts;
  };
}

async function rowsFor(id: string) {
  return (await side.query<{ attempt: number }>("SELECT attempt FROM ha_retry_probe WHERE id = $1", [id])).rows;
}

describe("serializable() and a lost connection", () => {
  it("repeats work marked safe to repeat, which then commits exactly once", async () => {
    const id = randomUUID();
    const counter = { attempts: 0 };
    const retried: unknown[] = [];
    const result = await serializable(interruptedOnce(id, counter), {
      retryOnConnectionLoss: true,
      onConnectionRetry: (_attempt, error) => retried.push(error),
    });
    expect(result).toBe(2);
    expect(retried).toHaveLength(1);
    expect(isConnectionError(retried[0])).toBe(true);
    expect(await rowsFor(id)).toEqual([{ attempt: 2 }]);
  });

  it("does not repeat unmarked work: the caller gets the connection error and nothing is written", async () => {
    const id = randomUUID();
    const counter = { attempts: 0 };
    const error = await rejectionOf(serializable(interruptedOnce(id, counter)));
    expect(isConnectionError(error)).toBe(true);
    expect(counter.attempts).toBe(1);
    expect(await rowsFor(id)).toEqual([]);
  });

  it("never repeats work for errors that are not connection losses", async () => {
    let calls = 0;
    const error = await rejectionOf(
      serializable(
        async (tx) => {
          calls++;
          await tx.$queryRawUnsafe("SELEC 1");
        },
        { retryOnConnectionLoss: true },
      ),
    );
    expect(isConnectionError(error)).toBe(false);
    expect(calls).toBe(1);
  });

  it("gives up when the budget is spent, with SERVICE_BUSY rather than the raw error", async () => {
    const server = await hangingUpServer();
    const gone = createDb(server.url, 1);
    let calls = 0;
    const started = Date.now();
    try {
      const error = await rejectionOf(retryOnConnectionLoss(() => (calls++, gone.$queryRaw`SELECT 1`), { budgetMs: 800 }));
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("SERVICE_BUSY");
      expect((error as AppError).details).toMatchObject({ reason: "database unavailable", retryAfterSeconds: 2 });
      expect(calls).toBeGreaterThan(2);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await gone.$disconnect();
      await server.close();
    }
  });
});

describe("one retry deadline per request", () => {
  it("bounds all the retrying steps of a request together, not each on its own", async () => {
    const server = await hangingUpServer();
    const gone = createDb(server.url, 1);
    const started = Date.now();
    try {
      const error = await rejectionOf(
        withRetryDeadline(async () => {
          // Two steps that would each retry for up to 5 s on their own.
          await retryOnConnectionLoss(() => gone.$queryRaw`SELECT 1`, { budgetMs: 5_000 }).catch(() => {});
          await retryOnConnectionLoss(() => gone.$queryRaw`SELECT 1`, { budgetMs: 5_000 });
        }, 1_000),
      );
      expect((error as AppError).code).toBe("SERVICE_BUSY");
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      await gone.$disconnect();
      await server.close();
    }
  });
});

describe("the pool after a connection dies while idle", () => {
  it("logs the loss, drops the client and serves the next query on a fresh connection", async () => {
    const logged = vi.spyOn(logger, "warn");
    try {
      const pid = (await db().$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`)[0]!.pid;
      await terminateBackend(side, pid);
      const seen = () => logged.mock.calls.some(([line]) => String(line).includes("database connection lost (idle)"));
      for (let i = 0; i < 100 && !seen(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(seen()).toBe(true);
      const fresh = (await db().$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`)[0]!.pid;
      expect(fresh).not.toBe(pid);
    } finally {
      logged.mockRestore();
    }
  });
});

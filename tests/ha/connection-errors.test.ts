// isConnectionError on errors produced for real through Prisma 7 + adapter-pg: a backend
// terminated mid-statement (57P01), the dead connection used again, a refused connect, a server
// that hangs up, a write in a read-only transaction (25006); and errors that must not be retried
// as connection losses. The one shape this machine cannot produce (a hot standby) is the one
// recorded from the Patroni cluster by cluster/experiments/error-shapes.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type pg from "pg";
import { createDb, db } from "@/lib/db";
import { isConnectionError, isRetryableTxError, isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import { hangingUpServer, refusedUrl, rejectionOf, sideConnection, terminateBackend } from "./helpers";

let side: pg.Client;
beforeAll(async () => {
  side = await sideConnection();
});
afterAll(async () => {
  await side.end();
});

async function waitForActive(pid: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const { rows } = await side.query("SELECT 1 FROM pg_stat_activity WHERE pid = $1 AND state = 'active'", [pid]);
    if (rows.length) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`backend ${pid} never became active`);
}

describe("isConnectionError on real failures", () => {
  it("recognises 57P01 on the statement in flight, and the dead connection used again", async () => {
    const errors: unknown[] = [];
    const outer = await rejectionOf(
      db().$transaction(async (tx) => {
        const pid = (await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`)[0]!.pid;
        // Prisma runs a query when it is awaited: start it, then end its backend while it sleeps.
        const sleeping = rejectionOf(tx.$queryRaw`SELECT pg_sleep(10)`);
        await waitForActive(pid);
        await terminateBackend(side, pid);
        errors.push(await sleeping);
        errors.push(await rejectionOf(tx.$queryRaw`SELECT 1`));
        throw new Error("rolled back");
      }),
    );
    expect(outer).toBeInstanceOf(Error);
    const [inFlight, afterwards] = errors;
    expect(JSON.stringify(inFlight)).toContain("57P01");
    expect(isConnectionError(inFlight)).toBe(true);
    expect(isRetryableTxError(inFlight)).toBe(false);
    expect(isConnectionError(afterwards)).toBe(true);
    // The pool dropped the dead client and serves the next query on a fresh one.
    expect(await db().$queryRaw`SELECT 1 AS one`).toEqual([{ one: 1 }]);
  });

  it("recognises a refused connection and a server that hangs up", async () => {
    const refused = createDb(await refusedUrl(), 1);
    const hangingUp = await hangingUpServer();
    const hungUp = createDb(hangingUp.url, 1);
    try {
      const refusedError = await rejectionOf(refused.$queryRaw`SELECT 1`);
      const hungUpError = await rejectionOf(hungUp.$queryRaw`SELECT 1`);
      expect(isConnectionError(refusedError)).toBe(true);
      expect(isConnectionError(hungUpError)).toBe(true);
      expect(String((hungUpError as Error).message)).toMatch(/Connection terminated/);
    } finally {
      await refused.$disconnect();
      await hungUp.$disconnect();
      await hangingUp.close();
    }
  });

  it("recognises 25006, a write that reached a server that only reads (a replica at promotion)", async () => {
    const error = await rejectionOf(
      db().$transaction(async (tx) => {
        await tx.$executeRaw`SET TRANSACTION READ ONLY`;
        await tx.$executeRawUnsafe(`CREATE TABLE ha_read_only_probe (id int)`);
      }),
    );
    expect(JSON.stringify(error)).toContain("25006");
    expect(isConnectionError(error)).toBe(true);
  });

  it("recognises the hot-standby refusal recorded on the Patroni cluster at promotion", () => {
    const recorded = Object.assign(new Error("Database error. Code: `0A000`. Message: `cannot use serializable mode in a hot standby`"), {
      code: "P2039",
      meta: { driverAdapterError: { name: "DriverAdapterError", cause: { originalCode: "0A000", kind: "postgres", code: "0A000" } } },
    });
    expect(isConnectionError(recorded)).toBe(true);
  });

  it("treats an ambiguous commit (40003, CockroachDB's 'result is ambiguous') as a connection loss", () => {
    // The shape adapter-pg gives a server error it has no special kind for (see the 57P01 test above).
    const ambiguous = Object.assign(new Error("Database error. Code: `40003`. Message: `result is ambiguous`"), {
      code: "P2039",
      meta: { driverAdapterError: { name: "DriverAdapterError", cause: { originalCode: "40003", kind: "postgres", code: "40003" } } },
    });
    expect(isConnectionError(ambiguous)).toBe(true);
  });
});

describe("isConnectionError leaves other failures alone", () => {
  it("does not take constraint, syntax or application errors for connection losses", async () => {
    const syntax = await rejectionOf(db().$queryRawUnsafe("SELEC 1"));
    const email = `ha-${Date.now()}@example.test`;
    await db().user.create({ data: { email, name: "HA", passwordHash: "!" } });
    const unique = await rejectionOf(db().user.create({ data: { email, name: "HA", passwordHash: "!" } }));
    expect(isUniqueViolation(unique)).toBe(true);
    for (const error of [syntax, unique, new AppError("SOLD_OUT"), new Error("boom"), null, undefined, "Connection terminated"]) {
      expect(isConnectionError(error)).toBe(false);
    }
  });
});

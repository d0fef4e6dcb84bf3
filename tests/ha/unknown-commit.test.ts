// A COMMIT whose answer is lost has an unknown outcome: it may have happened. The app's own path
// for booking writes, idempotent() over inventoryTx, claims the Idempotency-Key inside the
// transaction, so repeating it finds the claim and replays the first answer: written once,
// answered the same. Unmarked work shows why only such work may be repeated: the write happened
// although the caller saw an error. The proxy loses the COMMIT's answer for real.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { db } from "@/lib/db";
import { serializable } from "@/lib/db/serializable";
import { isConnectionError } from "@/lib/db/errors";
import { idempotent } from "@/lib/idempotency/keys";
import { inventoryTx } from "@/lib/inventory/transaction";
import { rejectionOf, sideConnection } from "./helpers";
import { startCommitDroppingProxy, type CommitDroppingProxy } from "./commit-dropping-proxy";

let proxy: CommitDroppingProxy;
let side: pg.Client;
beforeAll(async () => {
  proxy = await startCommitDroppingProxy(inject("databaseUrl"));
  // lib/db creates its client lazily: from here on the app's pool goes through the proxy.
  process.env.DATABASE_URL = proxy.url;
  side = await sideConnection();
  await side.query("CREATE TABLE IF NOT EXISTS ha_commit_probe (id text NOT NULL)");
});
afterAll(async () => {
  await db().$disconnect();
  await proxy.close();
  await side.query("DROP TABLE IF EXISTS ha_commit_probe");
  await side.end();
});

async function probeRows(id: string): Promise<number> {
  return (await side.query("SELECT 1 FROM ha_commit_probe WHERE id = $1", [id])).rowCount ?? 0;
}

describe("a COMMIT whose answer is lost", () => {
  it("is resolved by the Idempotency-Key: the repeat replays the first answer, nothing is written twice", async () => {
    const user = await db().user.create({ data: { email: `ha-${randomUUID()}@example.test`, name: "HA", passwordHash: "!" } });
    const id = randomUUID();
    let runs = 0;
    proxy.dropNextCommitAnswer();
    const result = await idempotent(
      { ref: { userId: user.id, scope: "test.ha.unknown-commit", key: randomUUID() }, hash: id, fromLegacy: () => ({ id, run: 0 }) },
      async (tx) => {
        runs++;
        await tx.$executeRaw`INSERT INTO ha_commit_probe (id) VALUES (${id})`;
        return { id, run: runs };
      },
      { runTx: inventoryTx },
    );
    expect(proxy.dropped()).toBe(1);
    expect(runs).toBe(1); // the repeat found the claimed key and did not run the work again
    expect(result).toMatchObject({ outcome: { id, run: 1 }, replayed: true });
    expect(await probeRows(id)).toBe(1);
  });

  it("is not repeated when the work is not marked safe to repeat, though it did commit", async () => {
    const id = randomUUID();
    proxy.dropNextCommitAnswer();
    const error = await rejectionOf(serializable((tx) => tx.$executeRaw`INSERT INTO ha_commit_probe (id) VALUES (${id})`));
    expect(proxy.dropped()).toBe(2);
    expect(isConnectionError(error)).toBe(true);
    expect(await probeRows(id)).toBe(1);
  });
});

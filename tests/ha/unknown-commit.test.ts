// A COMMIT whose answer is lost has an unknown outcome: it may have happened. The app's own path
// for booking writes (createBooking, lib/booking/inventory-turn.ts) claims the Idempotency-Key
// inside the transaction, so repeating it finds the claim and replays the first answer: written
// once, answered the same. Unmarked work shows why only such work may be repeated: the write happened
// although the caller saw an error. The proxy loses the COMMIT's answer for real.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { db } from "@/lib/db";
import { serializable } from "@/lib/db/serializable";
import { isConnectionError } from "@/lib/db/errors";
import { createBooking } from "@/lib/booking/create-booking";
import { ensureFares } from "../booking/helpers";
import { createNet } from "../booking/network";
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
    await ensureFares();
    const net = await createNet({ coaches: [{ label: "7", kind: "SEATED", classCode: "SECOND", size: 4 }] });
    const [from, , to] = net.codes;
    proxy.dropNextCommitAnswer();
    const result = await createBooking(
      { userId: user.id, role: "PASSENGER" },
      { serviceId: net.serviceId, from, to, class: "SECOND", passengers: [{ name: "Ada", age: 30 }] },
      randomUUID(),
    );
    expect(proxy.dropped()).toBe(1);
    // The repeat found the claimed key and did not book again.
    expect(result).toMatchObject({ kind: "held", replayed: true });
    const bookings = await db().booking.findMany({ where: { userId: user.id } });
    expect(bookings.map((b) => b.pnr)).toEqual([result.kind === "held" ? result.booking.pnr : ""]);
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

// A batch of holds whose COMMIT answer is lost (the unknown outcome of a failover, made on demand
// by a proxy that delivers the COMMIT and cuts the connection before its answer): the batch is
// retried whole, every request in it is answered exactly once, from its Idempotency-Key where the
// lost commit did happen, and nothing is written twice.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { createBooking } from "@/lib/booking/create-booking";
import { apiUser, ensureFares } from "../booking/helpers";
import { createNet } from "../booking/network";
import { startCommitDroppingProxy, type CommitDroppingProxy } from "./commit-dropping-proxy";

let proxy: CommitDroppingProxy;
beforeAll(async () => {
  proxy = await startCommitDroppingProxy(inject("databaseUrl"));
  // lib/db creates its client lazily: from here on the app's pool goes through the proxy.
  process.env.DATABASE_URL = proxy.url;
  await ensureFares();
});
afterAll(async () => {
  await db().$disconnect();
  await proxy.close();
});

describe("a batch whose COMMIT answer is lost", () => {
  it("is retried whole: each request answered once, the committed ones replayed from their keys, no seat written twice", async () => {
    const net = await createNet({ coaches: [{ label: "7", kind: "SEATED", classCode: "SECOND", size: 12 }] });
    const users = await Promise.all(Array.from({ length: 8 }, () => apiUser()));
    const [from, , to] = net.codes;
    const input = { serviceId: net.serviceId, from, to, class: "SECOND", passengers: [{ name: "Jan", age: 40 }] };
    let answers = 0;
    proxy.dropNextCommitAnswer();
    const outcomes = await Promise.all(
      users.map((u) =>
        createBooking({ userId: u.id, role: "PASSENGER" }, input, randomUUID()).then((o) => {
          answers++;
          return o;
        }),
      ),
    );
    expect(proxy.dropped()).toBe(1);
    expect(answers).toBe(8);
    expect(outcomes.map((o) => o.kind)).toEqual(Array(8).fill("held"));
    // Those in the batch whose commit went unheard learnt their outcome from their keys.
    expect(outcomes.filter((o) => o.replayed).length).toBeGreaterThanOrEqual(1);

    const pnrs = outcomes.map((o) => (o.kind === "held" ? o.booking.pnr : ""));
    const written = await db().booking.findMany({ where: { serviceId: net.serviceId }, select: { pnr: true } });
    expect(new Set(written.map((b) => b.pnr))).toEqual(new Set(pnrs));
    expect(written).toHaveLength(8);
    const seats = await db().seatAllocation.findMany({ where: { serviceId: net.serviceId, releasedAt: null } });
    expect(new Set(seats.map((a) => a.serviceSeatId)).size).toBe(8);
  });
});

// POST /api/v1/tickets/verify: a conductor checks a passenger's ticket on their train; the second
// check shows the first; another train, a cancelled booking or a forged code is refused; only
// conductors and admins may check; a check sent again (offline sync) is recorded once.
import { randomUUID, generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST as verify } from "@/app/api/v1/tickets/verify/route";
import { POST as cancel } from "@/app/api/v1/bookings/[pnr]/cancel/route";
import { POST as exchange } from "@/app/api/v1/bookings/[pnr]/exchange/route";
import { POST as cancelPassenger } from "@/app/api/v1/bookings/[pnr]/passengers/[position]/cancel/route";
import { db } from "@/lib/db";
import { issueTicket, ticketPayloadOf } from "@/lib/tickets/issue-ticket";
import { currentSigningKey, signingKeyOf, signTicket } from "@/lib/tickets/signing-key";
import { apiUser, callRoute, newKey, type ApiUser } from "../booking/helpers";
import { anotherService } from "../booking/network";
import { paidBooking, ticketNet } from "./fixtures";

const check = (who: ApiUser, body: Record<string, unknown>, key: string | null = randomUUID()) =>
  callRoute(verify, { method: "POST", path: "/api/v1/tickets/verify", body, headers: { ...who.auth, ...(key ? { "idempotency-key": key } : {}) } });

describe("checking a ticket on board", () => {
  it("accepts a passenger's ticket on its train, then shows the first check the second time", async () => {
    const net = await ticketNet();
    const { pnr, view } = await paidBooking(net, ["Anna Nowak", "Jan Kowalski"]);
    const ticket = (await issueTicket(await view()))!;
    const conductor = await apiUser("CONDUCTOR");
    const first = await check(conductor, { serviceId: net.serviceId, ticket });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ outcome: "ACCEPTED", reason: null, ticket: { pnr, from: net.codes[0], to: net.codes[2], source: "SIGNED" }, firstCheck: null });
    expect(first.body.ticket.passengers.map((p: { name: string; coach: string }) => [p.name, p.coach])).toEqual([["Anna Nowak", "7"], ["Jan Kowalski", "7"]]);

    const colleague = await apiUser("ADMIN");
    const second = await check(colleague, { serviceId: net.serviceId, pnr });
    expect(second.body).toMatchObject({ outcome: "ALREADY_CHECKED", ticket: { pnr, source: "PNR" }, firstCheck: { checkedAt: first.body.check.checkedAt, conductor: "Booking Tester" } });
    const checks = await db().ticketCheck.findMany({ where: { booking: { pnr } }, orderBy: { checkedAt: "asc" } });
    expect(checks.map((c) => c.conductorId)).toEqual([conductor.id, colleague.id]);
  });

  it("refuses it on another train, and on the same train on another date", async () => {
    const net = await ticketNet();
    const other = await ticketNet(4, 4);
    const { view } = await paidBooking(net, ["Ewa Lis"]);
    const ticket = (await issueTicket(await view()))!;
    const conductor = await apiUser("CONDUCTOR");
    const otherDay = await db().service.create({
      data: { trainId: net.trainId, serviceDate: new Date(net.departsAt.getTime() + 86_400_000), departsAt: new Date(net.departsAt.getTime() + 86_400_000) },
    });
    for (const serviceId of [other.serviceId, otherDay.id]) {
      const res = await check(conductor, { serviceId, ticket });
      expect(res.body).toMatchObject({ outcome: "REFUSED", reason: "WRONG_SERVICE", message: "This ticket is for another train or date.", check: null });
    }
    expect(await db().ticketCheck.count({ where: { serviceId: { in: [other.serviceId, otherDay.id] } } })).toBe(0);
  });

  it("refuses a cancelled booking's ticket and a forged one, and records neither", async () => {
    const net = await ticketNet();
    const { user, pnr, view } = await paidBooking(net, ["Ola Mak"]);
    const booking = await view();
    const ticket = (await issueTicket(booking))!;
    const conductor = await apiUser("CONDUCTOR");
    const forger = signingKeyOf(generateKeyPairSync("ed25519").privateKey);
    const forged = signTicket(ticketPayloadOf(booking, new Date(), net.departsAt.toISOString().slice(0, 10)), { ...forger, kid: currentSigningKey().kid });
    expect((await check(conductor, { serviceId: net.serviceId, ticket: forged })).body).toMatchObject({ outcome: "REFUSED", reason: "FORGED", ticket: null });

    expect((await callRoute(cancel, { method: "POST", path: "/x", params: { pnr }, headers: user.auth })).status).toBe(200);
    expect((await check(conductor, { serviceId: net.serviceId, ticket })).body).toMatchObject({ outcome: "REFUSED", reason: "REVOKED" });
    expect((await check(conductor, { serviceId: net.serviceId, pnr })).body).toMatchObject({ outcome: "REFUSED", reason: "REVOKED" });
    expect((await check(conductor, { serviceId: net.serviceId, pnr: "ZZZZZZZZZZ" })).body).toMatchObject({ outcome: "REFUSED", reason: "NOT_FOUND" });
    expect(await db().ticketCheck.count({ where: { booking: { pnr } } })).toBe(0);
  });

  it("refuses the ticket issued before an exchange or a passenger's cancellation, and accepts the one issued after", async () => {
    if ((await db().exchangeRule.count({ where: { currency: "EUR", validTo: null } })) === 0) {
      await db().exchangeRule.create({ data: { minHoursBefore: 0, feeMinor: 0, currency: "EUR", validFrom: new Date("2020-01-01") } });
    }
    const net = await ticketNet();
    const later = await anotherService(net, new Date(net.departsAt.getTime() + 86_400_000));
    const { user, pnr, view } = await paidBooking(net, ["Zofia Lis", "Adam Lis"]);
    const before = (await issueTicket(await view()))!;
    const conductor = await apiUser("CONDUCTOR");
    const moved = await callRoute(exchange, {
      method: "POST", path: "/x", params: { pnr }, headers: { ...user.auth, "idempotency-key": newKey() },
      body: { serviceId: later.serviceId, from: net.codes[0], to: net.codes[2], class: "TKTCLASS" },
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect((await check(conductor, { serviceId: later.serviceId, ticket: before })).body).toMatchObject({ outcome: "REFUSED" });
    expect((await check(conductor, { serviceId: net.serviceId, ticket: before })).body).toMatchObject({ outcome: "REFUSED", reason: "REVOKED" });

    const afterExchange = (await issueTicket(await view()))!;
    expect((await callRoute(cancelPassenger, { method: "POST", path: "/x", params: { pnr, position: "2" }, headers: user.auth })).status).toBe(200);
    expect((await check(conductor, { serviceId: later.serviceId, ticket: afterExchange })).body).toMatchObject({ outcome: "REFUSED", reason: "REVOKED" });
    const current = (await issueTicket(await view()))!;
    const ok = await check(conductor, { serviceId: later.serviceId, ticket: current });
    expect(ok.body).toMatchObject({ outcome: "ACCEPTED" });
    expect(ok.body.ticket.passengers.map((p: { name: string }) => p.name)).toEqual(["Zofia Lis"]);
  });

  it("records a check sent again (a device syncing what it checked offline) once, at the time it was made", async () => {
    const net = await ticketNet();
    const { pnr, view } = await paidBooking(net, ["Piotr Mak"]);
    // The code the device scanned an hour ago, signed when the passenger opened the ticket.
    const ticket = signTicket(ticketPayloadOf(await view(), new Date(Date.now() - 3_600_000), net.departsAt.toISOString().slice(0, 10)), currentSigningKey());
    const conductor = await apiUser("CONDUCTOR");
    const key = randomUUID();
    const checkedAt = new Date(Date.now() - 10 * 60_000).toISOString();
    const a = await check(conductor, { serviceId: net.serviceId, ticket, checkedAt }, key);
    const b = await check(conductor, { serviceId: net.serviceId, ticket, checkedAt }, key);
    expect(a.body).toMatchObject({ outcome: "ACCEPTED", check: { checkedAt } });
    expect(b.body).toEqual(a.body);
    const rows = await db().ticketCheck.findMany({ where: { booking: { pnr } } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ offline: true, checkedAt: new Date(checkedAt) });
  });

  it("is for conductors and admins only, and refuses bad input with a 4xx that changes nothing", async () => {
    const net = await ticketNet();
    const { pnr } = await paidBooking(net, ["Marek Zając"]);
    const passenger = await apiUser("PASSENGER");
    expect((await check(passenger, { serviceId: net.serviceId, pnr })).status).toBe(403);
    const conductor = await apiUser("CONDUCTOR");
    expect((await check(conductor, { serviceId: net.serviceId, pnr }, null)).body.error.code).toBe("IDEMPOTENCY_KEY_REQUIRED");
    expect((await check(conductor, { serviceId: net.serviceId })).body.error).toMatchObject({ code: "VALIDATION_FAILED", details: { fieldErrors: { ticket: [expect.any(String)] } } });
    expect((await check(conductor, { serviceId: net.serviceId, pnr, ticket: "x" })).status).toBe(400);
    expect((await check(conductor, { serviceId: "no-such-service", pnr })).status).toBe(404);
    expect((await check(conductor, { serviceId: net.serviceId, pnr, checkedAt: "2020-01-01T00:00:00Z" })).status).toBe(400);
    expect(await db().ticketCheck.count({ where: { booking: { pnr } } })).toBe(0);
  });
});

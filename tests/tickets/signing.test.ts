// Signed tickets: a ticket verifies with the published key set and nothing else does: a changed
// payload, another key, an unknown key id, an expired ticket, a revoked one. A rotated key keeps
// verifying its tickets until they have expired, beside the new key.
import { generateKeyPairSync } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { POST as cancel } from "@/app/api/v1/bookings/[pnr]/cancel/route";
import { GET as keysDocument } from "@/app/.well-known/railbook-ticket-keys/route";
import { currentSigningKey, parseSigningKey, signingKeyOf, signTicket, type SigningKey } from "@/lib/tickets/signing-key";
import { issueTicket, ticketPayloadOf } from "@/lib/tickets/issue-ticket";
import { publishedKeys, registerSigningKey, ticketKeySet } from "@/lib/tickets/key-registry";
import { base64urlDecode, base64urlEncode, ticketKeySetSchema, verifyTicketToken, type PublishedKey, type TicketKeySet } from "@/lib/tickets/ticket-token";
import { callRoute } from "../booking/helpers";
import { paidBooking, ticketNet } from "./fixtures";

const freshKey = (): SigningKey => signingKeyOf(generateKeyPairSync("ed25519").privateKey);
const published = (key: SigningKey, verifyUntil: string | null = null): PublishedKey => ({ kid: key.kid, alg: "EdDSA", crv: "Ed25519", x: key.publicKey, status: "current", verifyUntil });
const setOf = (...keys: PublishedKey[]): Pick<TicketKeySet, "keys" | "revoked"> => ({ keys, revoked: [] });

afterAll(async () => {
  // The rotation test made a key of its own current: the app's key is current again for the other files.
  await registerSigningKey(db(), currentSigningKey(), { force: true });
});

describe("a signed ticket", () => {
  it("carries the PNR, service, segment, each passenger's coach and seat, validity and issue time, and verifies", async () => {
    const net = await ticketNet();
    const { pnr, view } = await paidBooking(net, ["Anna Nowak", "Jan Kowalski"]);
    const booking = await view();
    const token = (await issueTicket(booking))!;
    expect(token).toMatch(/^RB1\.[A-Za-z0-9_-]{8}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{86}$/);

    const result = await verifyTicketToken(token, await ticketKeySet(db()), { now: Date.now(), service: { trainNumber: booking.train.number, serviceDate: net.departsAt.toISOString().slice(0, 10) } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.ticket).toMatchObject({ p: pnr, t: booking.train.number, d: net.departsAt.toISOString().slice(0, 10), f: net.codes[0], o: net.codes[2], c: "TKTCLASS" });
    expect(result.ticket.x).toEqual(booking.passengers.map((p) => [p.name, p.coach, p.number]));
    expect(result.ticket.x.every(([, coach, seat]) => coach === "7" && typeof seat === "number")).toBe(true);
    expect(result.ticket.ex * 1000).toBeGreaterThan(Date.parse(booking.arrival));
    expect(result.ticket.nb * 1000).toBeLessThanOrEqual(Date.now());
    // Issued at the booking's confirmation: every rendering signs the very same ticket.
    expect(result.ticket.ia).toBe(Date.parse(booking.confirmedAt!));
    expect(await issueTicket(await view())).toBe(token);
  });

  it("refuses a payload changed after signing, and shows nothing of it", async () => {
    const key = freshKey();
    const payload = ticketPayloadOf(sampleBooking(), new Date(), "2026-12-20");
    const token = signTicket(payload, key);
    const [prefix, kid, body, sig] = token.split(".");
    const changed = JSON.parse(new TextDecoder().decode(base64urlDecode(body!)!));
    changed[6][0][2] = 99; // another seat
    const tampered = [prefix, kid, base64urlEncode(new TextEncoder().encode(JSON.stringify(changed))), sig].join(".");
    expect(await verifyTicketToken(token, setOf(published(key)), { now: Date.now() })).toMatchObject({ ok: true });
    expect(await verifyTicketToken(tampered, setOf(published(key)), { now: Date.now() })).toEqual({ ok: false, reason: "FORGED" });
    // One flipped signature character.
    const flipped = token.slice(0, -2) + (token.at(-2) === "A" ? "B" : "A") + token.at(-1);
    expect(await verifyTicketToken(flipped, setOf(published(key)), { now: Date.now() })).toEqual({ ok: false, reason: "FORGED" });
  });

  it("refuses a ticket signed with another key under the operator's key id, and one naming an unknown key", async () => {
    const operator = freshKey();
    const forger = freshKey();
    const payload = ticketPayloadOf(sampleBooking(), new Date(), "2026-12-20");
    const forged = signTicket(payload, { ...forger, kid: operator.kid });
    expect(await verifyTicketToken(forged, setOf(published(operator)), { now: Date.now() })).toEqual({ ok: false, reason: "FORGED" });
    expect(await verifyTicketToken(signTicket(payload, forger), setOf(published(operator)), { now: Date.now() })).toEqual({ ok: false, reason: "UNKNOWN_KEY" });
    expect(await verifyTicketToken("K7QWERTY23", setOf(published(operator)), { now: Date.now() })).toEqual({ ok: false, reason: "UNREADABLE" });
  });

  it("is valid from its issue until three hours after arrival, and for its own service only", async () => {
    const key = freshKey();
    const booking = sampleBooking();
    const issued = new Date();
    const token = signTicket(ticketPayloadOf(booking, issued, "2026-12-20"), key);
    const set = setOf(published(key));
    const arrival = Date.parse(booking.arrival);
    expect(await verifyTicketToken(token, set, { now: arrival + 3 * 3_600_000 - 1000, service: { trainNumber: "TLK 53170", serviceDate: "2026-12-20" } })).toMatchObject({ ok: true });
    expect(await verifyTicketToken(token, set, { now: arrival + 3 * 3_600_000 })).toMatchObject({ ok: false, reason: "EXPIRED" });
    expect(await verifyTicketToken(token, set, { now: issued.getTime() - 3_600_000 })).toMatchObject({ ok: false, reason: "NOT_YET_VALID" });
    expect(await verifyTicketToken(token, set, { now: issued.getTime() + 60_000, service: { trainNumber: "TLK 53170", serviceDate: "2026-12-21" } })).toMatchObject({ ok: false, reason: "WRONG_SERVICE" });
  });

  it("reads TICKET_SIGNING_KEY as a PKCS#8 PEM or a base64 seed, and names it by its public key", () => {
    const { privateKey } = generateKeyPairSync("ed25519");
    const pem = privateKey.export({ format: "pem", type: "pkcs8" }).toString();
    const seed = privateKey.export({ format: "der", type: "pkcs8" }).subarray(-32).toString("base64");
    expect(signingKeyOf(parseSigningKey(pem)).kid).toBe(signingKeyOf(parseSigningKey(seed)).kid);
    expect(() => parseSigningKey("c2hvcnQ=")).toThrow(/32-byte seed/);
    const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 }).privateKey.export({ format: "pem", type: "pkcs8" }).toString();
    expect(() => parseSigningKey(rsa)).toThrow(/Ed25519/);
  });
});

describe("revocation", () => {
  it("lists a cancelled booking: its ticket is refused, with the reason", async () => {
    const net = await ticketNet();
    const { user, pnr, view } = await paidBooking(net, ["Ewa Lis"]);
    const token = (await issueTicket(await view()))!;
    expect((await verifyTicketToken(token, await ticketKeySet(db()), { now: Date.now() })).ok).toBe(true);

    expect((await callRoute(cancel, { method: "POST", path: "/x", params: { pnr }, headers: user.auth })).status).toBe(200);
    const set = await ticketKeySet(db());
    expect(set.revoked).toContainEqual({ pnr, issuedBefore: null });
    expect(await verifyTicketToken(token, set, { now: Date.now() })).toMatchObject({ ok: false, reason: "REVOKED" });
    // And no new ticket is issued for it.
    expect(await issueTicket(await view())).toBeNull();
  });

  it("voids tickets issued before a change, not those issued after it", async () => {
    const net = await ticketNet();
    const { pnr, view } = await paidBooking(net, ["Ola Mak", "Piotr Mak"]);
    const before = (await issueTicket(await view()))!;
    await db().$executeRaw`UPDATE "Booking" SET "ticketsRevokedAt" = clock_timestamp() WHERE pnr = ${pnr}`;
    const after = (await issueTicket(await view()))!;
    const set = await ticketKeySet(db());
    expect(set.revoked.find((r) => r.pnr === pnr)?.issuedBefore).toEqual(expect.any(String));
    expect(await verifyTicketToken(before, set, { now: Date.now() })).toMatchObject({ ok: false, reason: "REVOKED" });
    expect(await verifyTicketToken(after, set, { now: Date.now() })).toMatchObject({ ok: true });
  });
});

describe("key rotation", () => {
  it("keeps the old key published, as retired, until the last ticket it signed has expired", async () => {
    const net = await ticketNet(8, 6);
    const { view } = await paidBooking(net, ["Marek Zając"]);
    const booking = await view();
    const oldKey = freshKey();
    await registerSigningKey(db(), oldKey);
    const oldTicket = signTicket(ticketPayloadOf(booking, new Date(), "2026-12-20"), oldKey);

    const newKey = freshKey();
    await registerSigningKey(db(), newKey);
    const newTicket = signTicket(ticketPayloadOf(booking, new Date(), "2026-12-20"), newKey);

    const keys = await publishedKeys(db());
    expect(keys.find((k) => k.kid === newKey.kid)).toMatchObject({ status: "current", verifyUntil: null });
    const retired = keys.find((k) => k.kid === oldKey.kid)!;
    expect(retired.status).toBe("retired");
    // At least until this booking's ticket expires (three hours after its arrival).
    expect(Date.parse(retired.verifyUntil!)).toBeGreaterThanOrEqual(Date.parse(booking.arrival) + 3 * 3_600_000);

    const set = { keys, revoked: [] };
    expect(await verifyTicketToken(oldTicket, set, { now: Date.now() })).toMatchObject({ ok: true, kid: oldKey.kid });
    expect(await verifyTicketToken(newTicket, set, { now: Date.now() })).toMatchObject({ ok: true, kid: newKey.kid });
    // Past its verifyUntil the retired key verifies nothing, and the document drops it.
    expect(await verifyTicketToken(oldTicket, set, { now: Date.parse(retired.verifyUntil!) })).toMatchObject({ ok: false, reason: "UNKNOWN_KEY" });
    await db().ticketSigningKey.update({ where: { id: oldKey.kid }, data: { verifyUntil: new Date(Date.now() - 1000) } });
    expect((await publishedKeys(db())).map((k) => k.kid)).not.toContain(oldKey.kid);
  });

  it("is published at /.well-known/railbook-ticket-keys in the documented shape", async () => {
    await registerSigningKey(db(), currentSigningKey(), { force: true });
    const res = await keysDocument();
    expect(res.status).toBe(200);
    const body = ticketKeySetSchema.parse(await res.json());
    expect(body.keys.filter((k) => k.status === "current").map((k) => k.kid)).toEqual([currentSigningKey().kid]);
    expect(base64urlDecode(body.keys.find((k) => k.kid === currentSigningKey().kid)!.x)).toHaveLength(32);
  });
});

/** A booking departing the day after tomorrow. */
function sampleBooking() {
  const departure = new Date(Date.now() + 2 * 86_400_000);
  const arrival = new Date(departure.getTime() + 8 * 3_600_000);
  return {
    pnr: "K7QWERTY23",
    status: "CONFIRMED" as const,
    serviceId: "svc",
    from: "GDG",
    to: "KRK",
    fromName: "Gdańsk Główny",
    toName: "Kraków Główny",
    class: "SECOND",
    quota: "GENERAL",
    train: { number: "TLK 53170", name: "Giewont" },
    departure: departure.toISOString(),
    arrival: arrival.toISOString(),
    holdExpiresAt: null,
    total: { amount: 6400, currency: "PLN" },
    passengers: [{ name: "Łucja Żółkiewska", age: 34, berthPreference: "NONE" as const, seatId: "a", coach: "7", number: 12, berth: null, status: "CONFIRMED" as const, fare: { amount: 6400, currency: "PLN" }, fullFare: { amount: 6400, currency: "PLN" }, concession: null }],
    createdAt: "2026-11-20T10:00:00.000Z",
    confirmedAt: "2026-11-20T10:03:00.000Z",
    cancelledAt: null,
    waitlistPosition: null,
  };
}

// The operator's manifest of a service and the message to all its passengers (decision 030): who
// travels and whether a conductor checked them, cancelled passengers apart, the CSV a spreadsheet
// reads, and a message that reaches each passenger once, however often it is sent.
import { describe, expect, it } from "vitest";
import { GET as manifestCsvRoute } from "@/app/admin/services/[serviceId]/manifest.csv/route";
import { POST as messageRoute } from "@/app/api/v1/admin/services/[serviceId]/messages/route";
import { db } from "@/lib/db";
import { checkTicket } from "@/lib/tickets/check-ticket";
import { cancelOwnPassenger } from "@/lib/booking/cancel-passenger";
import { serviceManifest } from "@/lib/admin/manifest/service-manifest";
import { csvField } from "@/lib/admin/manifest/manifest-csv";
import { sendServiceMessage, MESSAGE_KIND } from "@/lib/admin/manifest/service-message";
import { apiUser, callRoute, newKey } from "../booking/helpers";
import { adminActor, book, cancelAsPassenger, countingProvider, opsNet } from "./fixtures";

const SLOW_TEST_MS = 120_000;
const TRICKY = 'Kowalski, Jan "Johnny"';

async function bookedService() {
  const net = await opsNet();
  const [anna, bolek, cezary, dorota] = [await apiUser(), await apiUser(), await apiUser(), await apiUser()];
  const checkedPnr = await book(anna, net, { names: ["Anna Nowak", "Ola Nowak"] });
  const trickyPnr = await book(bolek, net, { names: [TRICKY], from: 1 });
  const cancelledPnr = await book(cezary, net, { names: ["Cezary Gone"] });
  await cancelAsPassenger(cezary, cancelledPnr);
  const heldPnr = await book(dorota, net, { names: ["Dorota Unpaid"], pay: false });
  // Ola alone leaves Anna's booking (partial cancellation).
  await cancelOwnPassenger({ userId: anna.id, role: "PASSENGER" }, checkedPnr, 2, countingProvider());
  const admin = await adminActor();
  const checked = await checkTicket(admin, { serviceId: net.serviceId, pnr: checkedPnr }, newKey());
  expect(checked.outcome).toBe("ACCEPTED");
  return { net, admin, users: { anna, bolek, cezary, dorota }, pnrs: { checkedPnr, trickyPnr, cancelledPnr, heldPnr } };
}

describe("service manifest", () => {
  it("lists travelling passengers checked or not, and counts cancelled ones apart", async () => {
    const { net, admin, users, pnrs } = await bookedService();
    const manifest = await serviceManifest(net.serviceId);
    expect(manifest.travelling.map((r) => [r.name, r.pnr, r.checkedAt !== null]).sort()).toEqual(
      [["Anna Nowak", pnrs.checkedPnr, true], [TRICKY, pnrs.trickyPnr, false]].sort(),
    );
    expect(manifest.checkedCount).toBe(1);
    expect(manifest.cancelled.map((r) => r.name).sort()).toEqual(["Cezary Gone", "Ola Nowak"]);
    expect([...manifest.travelling, ...manifest.cancelled].map((r) => r.pnr)).not.toContain(pnrs.heldPnr);
    expect(manifest.travelling.every((r) => r.coach === "5" && r.number !== null)).toBe(true);

    const csv = await fetchCsv(net.serviceId, admin.user.auth);
    expect(csv.status).toBe(200);
    expect(csv.type).toBe("text/csv; charset=utf-8");
    expect(csv.disposition).toMatch(/^attachment; filename="manifest-[A-Za-z0-9-]+-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = csv.text.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe("Coach,Seat,Name,From,To,Class,PNR,Status,Checked at");
    expect(lines.find((l) => l.includes(pnrs.trickyPnr))).toMatch(/^5,\d+,"Kowalski, Jan ""Johnny""",[^,]+,[^,]+,OPSCLASS,\w+,not checked,$/);
    expect(lines.find((l) => l.includes("Anna Nowak"))).toMatch(/,checked,\d{4}-\d{2}-\d{2}T/);
    expect(lines.filter((l) => l.endsWith(",cancelled,"))).toHaveLength(2);
    expect(lines.at(-1)).toBe("");
    expect(lines).toHaveLength(1 + 2 + 2 + 1);

    expect((await fetchCsv(net.serviceId, users.anna.auth)).status).toBe(403);
    expect((await fetchCsv(net.serviceId, {})).status).toBe(401);
  }, SLOW_TEST_MS);

  it("escapes CSV fields and defuses spreadsheet formulas", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField('a "b", c')).toBe('"a ""b"", c"');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvField("@x,y")).toBe(`"'@x,y"`);
    expect(csvField(12)).toBe("12");
    expect(csvField(null)).toBe("");
  });
});

describe("message to all passengers", () => {
  it("reaches each account with a confirmed booking once, in the app and by email, with one audit entry", async () => {
    const { net, admin, users } = await bookedService();
    const key = newKey();
    const message = { subject: "Buffet closed", body: "The buffet car is closed today, sorry.\nWater is free in coach 5." };
    const [first, second] = await Promise.all([sendServiceMessage(admin, net.serviceId, message, key), sendServiceMessage(admin, net.serviceId, message, key)]);
    expect([first.replayed, second.replayed].sort()).toEqual([false, true]);
    expect(first.messageId).toBe(second.messageId);
    expect(first).toMatchObject({ recipients: 2, bookings: 2 });

    const notices = await db().notification.findMany({ where: { kind: MESSAGE_KIND, data: { path: ["messageId"], equals: first.messageId } } });
    const byUser = (id: string) => notices.filter((n) => n.userId === id).map((n) => `${n.channel}:${n.status}`).sort();
    expect(byUser(users.anna.id)).toEqual(["EMAIL:PENDING", "IN_APP:SENT"]);
    expect(byUser(users.bolek.id)).toEqual(["EMAIL:PENDING", "IN_APP:SENT"]);
    expect(notices).toHaveLength(4);
    expect(notices[0]!.title).toMatch(/: Buffet closed$/);
    expect(notices[0]!.body).toContain("Water is free in coach 5.");

    const audits = await db().auditLog.findMany({ where: { action: "service.message", targetId: net.serviceId } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorId: admin.userId, details: { recipients: 2, bookings: 2, messageId: first.messageId } });

    // The API: the same key answers the first outcome without sending; a new key sends again.
    const path = `/api/v1/admin/services/${net.serviceId}/messages`;
    const params = { serviceId: net.serviceId };
    const replay = await callRoute(messageRoute, { method: "POST", path, params, body: message, headers: { ...admin.user.auth, "idempotency-key": key } });
    expect(replay.status).toBe(200);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.body).toMatchObject({ messageId: first.messageId, replayed: true });
    const reused = await callRoute(messageRoute, { method: "POST", path, params, body: { ...message, subject: "Other" }, headers: { ...admin.user.auth, "idempotency-key": key } });
    expect(reused.status).toBe(422);
    const fresh = await callRoute(messageRoute, { method: "POST", path, params, body: message, headers: { ...admin.user.auth, "idempotency-key": newKey() } });
    expect(fresh.status).toBe(201);
    expect(fresh.body).toMatchObject({ recipients: 2, replayed: false });
    expect(await db().auditLog.count({ where: { action: "service.message", targetId: net.serviceId } })).toBe(2);
    expect(await db().notification.count({ where: { kind: MESSAGE_KIND, userId: { in: [users.cezary.id, users.dorota.id] } } })).toBe(0);
  }, SLOW_TEST_MS);

  it("refuses passengers, a missing key, bad input and an unknown service", async () => {
    const net = await opsNet();
    const admin = await adminActor();
    const passenger = await apiUser();
    const path = `/api/v1/admin/services/${net.serviceId}/messages`;
    const params = { serviceId: net.serviceId };
    const body = { subject: "Hello there", body: "A message long enough." };
    const asPassenger = await callRoute(messageRoute, { method: "POST", path, params, body, headers: { ...passenger.auth, "idempotency-key": newKey() } });
    expect(asPassenger.status).toBe(403);
    expect(asPassenger.body.error.code).toBe("FORBIDDEN");
    const noKey = await callRoute(messageRoute, { method: "POST", path, params, body, headers: admin.user.auth });
    expect(noKey.status).toBe(400);
    const tooLong = await callRoute(messageRoute, { method: "POST", path, params, body: { subject: "x".repeat(121), body: "" }, headers: { ...admin.user.auth, "idempotency-key": newKey() } });
    expect(tooLong.status).toBe(400);
    expect(Object.keys(tooLong.body.error.details.fieldErrors).sort()).toEqual(["body", "subject"]);
    const unknown = await callRoute(messageRoute, { method: "POST", path, params: { serviceId: "no-such-service" }, body, headers: { ...admin.user.auth, "idempotency-key": newKey() } });
    expect(unknown.status).toBe(404);
    expect(await db().auditLog.count({ where: { action: "service.message", targetId: net.serviceId } })).toBe(0);
  }, SLOW_TEST_MS);
});

async function fetchCsv(serviceId: string, headers: Record<string, string>) {
  const response = await manifestCsvRoute(new Request(`http://localhost/admin/services/${serviceId}/manifest.csv`, { headers }), { params: Promise.resolve({ serviceId }) });
  return { status: response.status, type: response.headers.get("content-type"), disposition: response.headers.get("content-disposition"), text: await response.text() };
}

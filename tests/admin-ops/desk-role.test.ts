// The booking desk role (decision 031): desk staff look bookings up and resend e-tickets through the
// same API admins use, and every other operator API refuses them with 403. A resend queues one more
// e-ticket email in the outbox (no inbox duplicate) and is audited; a cancelled booking answers 409.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { GET as listBookings } from "@/app/api/v1/admin/bookings/route";
import { GET as bookingDetail } from "@/app/api/v1/admin/bookings/[pnr]/route";
import { POST as cancelBooking } from "@/app/api/v1/admin/bookings/[pnr]/cancel/route";
import { POST as resendTicket } from "@/app/api/v1/admin/bookings/[pnr]/resend-ticket/route";
import { GET as overview } from "@/app/api/v1/admin/overview/route";
import { GET as analytics } from "@/app/api/v1/admin/analytics/route";
import { GET as scheduleChanges, POST as scheduleChange } from "@/app/api/v1/admin/schedule-changes/route";
import { GET as users } from "@/app/api/v1/admin/users/route";
import { PUT as putRole } from "@/app/api/v1/admin/users/[userId]/role/route";
import { GET as adminLive } from "@/app/api/v1/live/admin/route";
import { setRole } from "@/lib/admin/users";
import { listAudit } from "@/lib/admin/audit-log";
import { apiUser, callRoute } from "../booking/helpers";
import { book, cancelAsPassenger, opsNet } from "./fixtures";

const SLOW_TEST_MS = 120_000;

async function emails(bookingPnr: string) {
  return db().notification.findMany({ where: { booking: { pnr: bookingPnr }, kind: "BOOKING_CONFIRMED" }, orderBy: { createdAt: "asc" } });
}

describe("the desk role", () => {
  it("finds a booking by PNR and e-mail, reads it, and resends its ticket by email only, audited", async () => {
    const net = await opsNet();
    const passenger = await apiUser();
    const pnr = await book(passenger, net);
    const desk = await apiUser("DESK");
    const email = (await db().user.findUniqueOrThrow({ where: { id: passenger.id } })).email;

    const byPnr = await callRoute(listBookings, { path: `/api/v1/admin/bookings?q=${pnr}`, headers: desk.auth });
    expect(byPnr.status).toBe(200);
    expect(byPnr.body.bookings.map((b: { pnr: string }) => b.pnr)).toEqual([pnr]);
    const byEmail = await callRoute(listBookings, { path: `/api/v1/admin/bookings?q=${encodeURIComponent(email)}`, headers: desk.auth });
    expect(byEmail.body.bookings.map((b: { pnr: string }) => b.pnr)).toEqual([pnr]);
    const detail = await callRoute(bookingDetail, { path: `/api/v1/admin/bookings/${pnr}`, params: { pnr }, headers: desk.auth });
    expect(detail.status).toBe(200);
    expect(detail.body.booking).toMatchObject({ pnr, status: "CONFIRMED" });

    const before = await emails(pnr);
    expect(before.map((n) => n.channel).sort()).toEqual(["EMAIL", "IN_APP"]);
    const resent = await callRoute(resendTicket, { method: "POST", path: `/api/v1/admin/bookings/${pnr}/resend-ticket`, params: { pnr: pnr.toLowerCase() }, headers: desk.auth });
    expect(resent.status, JSON.stringify(resent.body)).toBe(202);
    expect(resent.body).toMatchObject({ pnr, email });

    const after = await emails(pnr);
    const added = after.filter((n) => !before.some((b) => b.id === n.id));
    expect(added).toEqual([expect.objectContaining({ channel: "EMAIL", status: "PENDING", userId: passenger.id, data: expect.objectContaining({ resent: true }) })]);
    const audit = await listAudit({ targetId: pnr, action: "booking.ticket.resend" });
    expect(audit).toEqual([expect.objectContaining({ actor: expect.objectContaining({ id: desk.id }), details: expect.objectContaining({ email, role: "DESK" }) })]);
  }, SLOW_TEST_MS);

  it("answers 409 for a cancelled booking and queues nothing", async () => {
    const net = await opsNet();
    const passenger = await apiUser();
    const pnr = await book(passenger, net);
    await cancelAsPassenger(passenger, pnr);
    const desk = await apiUser("DESK");
    const before = (await emails(pnr)).length;
    const res = await callRoute(resendTicket, { method: "POST", path: `/api/v1/admin/bookings/${pnr}/resend-ticket`, params: { pnr }, headers: desk.auth });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: "CONFLICT", details: { reason: "BOOKING_CANCELLED" } });
    expect(res.body.error.message).toContain("cancelled");
    expect((await emails(pnr)).length).toBe(before);
    expect(await listAudit({ targetId: pnr, action: "booking.ticket.resend" })).toEqual([]);
  }, SLOW_TEST_MS);

  it("is refused with 403 by every other operator API, and a passenger by the desk's", async () => {
    const desk = await apiUser("DESK");
    const passenger = await apiUser();
    const pnr = "ABCDEFGHJK";
    const refused = [
      await callRoute(overview, { path: "/api/v1/admin/overview", headers: desk.auth }),
      await callRoute(analytics, { path: "/api/v1/admin/analytics", headers: desk.auth }),
      await callRoute(scheduleChanges, { path: "/api/v1/admin/schedule-changes?serviceId=x", headers: desk.auth }),
      await callRoute(scheduleChange, { method: "POST", path: "/api/v1/admin/schedule-changes", body: {}, headers: desk.auth }),
      await callRoute(users, { path: "/api/v1/admin/users", headers: desk.auth }),
      await callRoute(putRole, { method: "PUT", path: `/api/v1/admin/users/${desk.id}/role`, params: { userId: desk.id }, body: { role: "ADMIN" }, headers: desk.auth }),
      await callRoute(cancelBooking, { method: "POST", path: `/api/v1/admin/bookings/${pnr}/cancel`, params: { pnr }, body: {}, headers: desk.auth }),
      await callRoute(adminLive, { path: "/api/v1/live/admin", headers: desk.auth }),
      await callRoute(resendTicket, { method: "POST", path: `/api/v1/admin/bookings/${pnr}/resend-ticket`, params: { pnr }, headers: passenger.auth }),
      await callRoute(listBookings, { path: "/api/v1/admin/bookings", headers: passenger.auth }),
    ];
    expect(refused.map((r) => [r.status, r.body.error.code])).toEqual(refused.map(() => [403, "FORBIDDEN"]));
    expect((await db().user.findUniqueOrThrow({ where: { id: desk.id } })).role).toBe("DESK");
  });

  it("is given and taken by an audited role change, from -> to", async () => {
    const admin = await apiUser("ADMIN");
    const colleague = await apiUser();
    await setRole({ userId: admin.id, role: "ADMIN" }, { userId: colleague.id, role: "DESK" });
    await setRole({ userId: admin.id, role: "ADMIN" }, { userId: colleague.id, role: "CONDUCTOR" });
    const entries = await listAudit({ targetIds: [colleague.id], action: "user.role.change" });
    expect(entries.map((e) => [e.actor?.id, (e.details as { from: string }).from, (e.details as { to: string }).to])).toEqual([
      [admin.id, "DESK", "CONDUCTOR"],
      [admin.id, "PASSENGER", "DESK"],
    ]);
  });
});

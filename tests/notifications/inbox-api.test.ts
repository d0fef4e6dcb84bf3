// The inbox through its API: a passenger sees their own in-app notices (never the email twins,
// never someone else's), newest first and paged, with the unread count; marking read (some or all)
// moves the count and publishes a live event for open bells. The cron route delivers a bounded
// round only for the scheduler.
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { GET as list } from "@/app/api/v1/notifications/route";
import { POST as markRead } from "@/app/api/v1/notifications/read/route";
import { GET as cron } from "@/app/api/cron/deliver-notifications/route";
import { LiveListener } from "@/lib/live/listener";
import type { AnyLiveEvent } from "@/lib/live/events";
import { callRoute } from "../booking/helpers";
import { apiUser, book, bookingId, emailRows, opsNet, smtpForFile, withOwnDatabase, writeNotices } from "./fixtures";

withOwnDatabase();
const smtp = smtpForFile();

afterEach(() => {
  delete process.env.CRON_SECRET;
});

describe("GET /api/v1/notifications and POST /api/v1/notifications/read", () => {
  it("lists the caller's own notices newest first, pages them, and marks them read", async () => {
    const net = await opsNet();
    const ala = await apiUser();
    const other = await apiUser();
    const pnr = await book(ala, net); // BOOKING_CONFIRMED
    await writeNotices(ala.id, await bookingId(pnr), 3); // written later: newer
    await book(other, net);

    const first = await callRoute(list, { path: "/api/v1/notifications?limit=2", headers: ala.auth });
    expect(first.status).toBe(200);
    expect(first.body.unreadCount).toBe(4);
    expect(first.body.notifications).toHaveLength(2);
    expect(first.body.notifications.every((n: { pnr: string }) => n.pnr === pnr)).toBe(true);
    const rest = await callRoute(list, { path: `/api/v1/notifications?limit=10&before=${encodeURIComponent(first.body.nextBefore)}`, headers: ala.auth });
    expect(rest.body.nextBefore).toBeNull();
    const all = [...first.body.notifications, ...rest.body.notifications];
    expect(all).toHaveLength(4); // in-app only: the four email twins are not in the inbox
    expect(all.at(-1).kind).toBe("BOOKING_CONFIRMED");
    expect(new Set(all.map((n: { id: string }) => n.id)).size).toBe(4);

    const listener = new LiveListener(process.env.DATABASE_URL!);
    const heard: AnyLiveEvent[] = [];
    listener.subscribe((e) => heard.push(e));
    expect(await listener.ready(5_000)).toBe(true);
    try {
      const one = await callRoute(markRead, { method: "POST", path: "/x", body: { ids: [all[0].id, rest.body.notifications[0].id] }, headers: ala.auth });
      expect(one.body).toEqual({ updated: 2, unreadCount: 2 });
      const stranger = await callRoute(markRead, { method: "POST", path: "/x", body: { all: true }, headers: other.auth });
      expect(stranger.body.unreadCount).toBe(0);
      expect((await callRoute(list, { path: "/api/v1/notifications?limit=0", headers: ala.auth })).body).toEqual({ unreadCount: 2, notifications: [], nextBefore: null });
      const rest2 = await callRoute(markRead, { method: "POST", path: "/x", body: { all: true }, headers: ala.auth });
      expect(rest2.body).toEqual({ updated: 2, unreadCount: 0 });
      await new Promise((r) => setTimeout(r, 200));
      expect(heard.filter((e) => e.type === "notification" && (e as { userId: string }).userId === ala.id).length).toBeGreaterThanOrEqual(2);
    } finally {
      await listener.stop();
    }
    const unread = await callRoute(list, { path: "/api/v1/notifications?unread=true", headers: ala.auth });
    expect(unread.body.notifications).toEqual([]);
  });

  it("refuses the signed-out and a body that is neither ids nor all", async () => {
    expect((await callRoute(list, { path: "/api/v1/notifications" })).status).toBe(401);
    const user = await apiUser();
    const bad = await callRoute(markRead, { method: "POST", path: "/x", body: { ids: ["a"], all: true }, headers: user.auth });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("VALIDATION_FAILED");
  });
});

describe("GET /api/cron/deliver-notifications", () => {
  it("answers only the scheduler, then delivers what is due", async () => {
    process.env.CRON_SECRET = "s3cret-for-the-scheduler";
    const net = await opsNet();
    const user = await apiUser();
    const pnr = await book(user, net);
    expect((await callRoute(cron, { path: "/api/cron/deliver-notifications", headers: { authorization: "Bearer wrong" } })).status).toBe(401);
    expect((await emailRows({ bookingId: await bookingId(pnr) }))[0]!.status).toBe("PENDING");

    const ok = await callRoute(cron, { path: "/api/cron/deliver-notifications", headers: { authorization: "Bearer s3cret-for-the-scheduler" } });
    expect(ok.status).toBe(200);
    expect(ok.body.sent).toBeGreaterThanOrEqual(1);
    expect((await emailRows({ bookingId: await bookingId(pnr) }))[0]!.status).toBe("SENT");
    expect(smtp.server.mailbox.some((m) => m.parsed.subject?.includes(pnr))).toBe(true);
    expect(await db().notification.count({ where: { status: "PENDING" } })).toBe(0);
  });

  it("answers 503 NOT_CONFIGURED, sending nothing, when the server has no SMTP_URL", async () => {
    process.env.CRON_SECRET = "s3cret-for-the-scheduler";
    const net = await opsNet();
    const pnr = await book(await apiUser(), net);
    const smtpUrl = process.env.SMTP_URL;
    delete process.env.SMTP_URL;
    try {
      const res = await callRoute(cron, { path: "/api/cron/deliver-notifications", headers: { authorization: "Bearer s3cret-for-the-scheduler" } });
      expect(res.status).toBe(503);
      expect(res.body.error).toMatchObject({ code: "NOT_CONFIGURED", details: { missing: "SMTP_URL" } });
      expect((await emailRows({ bookingId: await bookingId(pnr) }))[0]!.status).toBe("PENDING");
    } finally {
      process.env.SMTP_URL = smtpUrl;
    }
  });
});

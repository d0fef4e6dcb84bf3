// The outbox is written with the change it reports: a paid booking has its confirmation in the
// inbox (SENT) and queued for email (PENDING) in the payment's own transaction; a transaction that
// rolls back leaves neither; a declined card and a hold about to run out produce their notices,
// the latter once per booking however many sweeps race for it.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { notifyInApp } from "@/lib/booking/notifications";
import { remindExpiringHolds } from "@/lib/booking/hold-reminders";
import { POST as pay } from "@/app/api/v1/bookings/[pnr]/payment/route";
import { callRoute, newKey } from "../booking/helpers";
import { apiUser, book, bookingId, emailRows, opsNet } from "./fixtures";

describe("the notification outbox", () => {
  it("writes the in-app notice and the email row in the payment's transaction", async () => {
    const net = await opsNet();
    const user = await apiUser();
    const pnr = await book(user, net);
    const id = await bookingId(pnr);
    const rows = await db().notification.findMany({ where: { bookingId: id }, orderBy: { channel: "asc" } });
    expect(rows.map((r) => [r.kind, r.channel, r.status, r.attempts])).toEqual([
      ["BOOKING_CONFIRMED", "IN_APP", "SENT", 0],
      ["BOOKING_CONFIRMED", "EMAIL", "PENDING", 0],
    ]);
    const payment = await db().payment.findFirstOrThrow({ where: { bookingId: id } });
    // Same transaction: the email is due from the payment's own instant, not from whenever a worker looked.
    expect(rows[1]!.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(Math.abs(rows[1]!.createdAt.getTime() - payment.createdAt.getTime())).toBeLessThan(1_000);
  });

  it("writes nothing when the transaction rolls back", async () => {
    const net = await opsNet();
    const user = await apiUser();
    const pnr = await book(user, net, { pay: false });
    const id = await bookingId(pnr);
    const failed = await db()
      .$transaction(async (tx) => {
        await notifyInApp(tx, { userId: user.id, bookingId: id, kind: "SCHEDULE_DELAY", title: "t", body: "b" }, new Date());
        expect(await tx.notification.count({ where: { bookingId: id } })).toBe(2); // visible inside
        throw new Error("the change failed after the notice was written");
      })
      .catch((e: Error) => e.message);
    expect(failed).toMatch(/change failed/);
    expect(await db().notification.count({ where: { bookingId: id } })).toBe(0);
  });

  it("tells the passenger when their card is declined, in the app and by email", async () => {
    const net = await opsNet();
    const user = await apiUser();
    const pnr = await book(user, net, { pay: false });
    const declined = await callRoute(pay, {
      method: "POST",
      path: "/x",
      params: { pnr },
      body: { cardNumber: "4000000000000002" },
      headers: { ...user.auth, "idempotency-key": newKey() },
    });
    expect(declined.status).toBe(402);
    const rows = await db().notification.findMany({ where: { bookingId: await bookingId(pnr) } });
    expect(rows.map((r) => `${r.kind}/${r.channel}`).sort()).toEqual(["PAYMENT_FAILED/EMAIL", "PAYMENT_FAILED/IN_APP"]);
    expect(rows[0]!.data).toMatchObject({ pnr, failureCode: "card_declined" });
  });

  it("reminds a hold about to run out once, even when sweeps race, and leaves other holds alone", async () => {
    const net = await opsNet();
    const user = await apiUser();
    const soon = await book(user, net, { pay: false });
    const later = await book(user, net, { pay: false });
    const paid = await book(user, net);
    const inNinety = new Date(Date.now() + 90_000);
    for (const pnr of [soon, paid]) await db().booking.update({ where: { pnr }, data: { holdExpiresAt: inNinety } });

    // Three at once, then one more later: the sweep is global, so only this user's rows are counted.
    await Promise.all([remindExpiringHolds(), remindExpiringHolds(), remindExpiringHolds()]);
    await remindExpiringHolds();

    const reminders = await db().notification.findMany({ where: { kind: "HOLD_EXPIRING", userId: user.id } });
    expect(reminders.map((r) => r.channel).sort()).toEqual(["EMAIL", "IN_APP"]);
    expect(reminders.every((r) => r.bookingId === reminders[0]!.bookingId)).toBe(true);
    expect(reminders[0]!.bookingId).toBe(await bookingId(soon));
    expect(reminders[0]!.title).toMatch(new RegExp(`${soon}: about [12] min left to pay`));
    expect(await emailRows({ bookingId: await bookingId(later) })).toEqual([]);
  });
});

// Operators see the accounts holding the most unpaid seats and can release one account's holds
// (issue 11, lib/admin/holds.ts): the seats go back on sale (to the waiting list first), the
// bookings' histories and the audit log say who did it, the passenger is told.
process.env.BOOKING_PICTURE_MS = "0";

import { beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { createBooking } from "@/lib/booking/create-booking";
import { requestPayment } from "@/lib/booking/pay-request";
import { listHolders, releaseHolds } from "@/lib/admin/holds";
import { SANDBOX_CARDS } from "@/lib/payments/sandbox";
import type { CreateBookingInput } from "@/lib/schemas/booking";
import { apiUser } from "../booking/helpers";
import type { Net } from "../booking/network";
import { adminActor, ensureOpsPricing, OPS_CLASS, opsNet } from "./fixtures";

beforeAll(ensureOpsPricing);

const actor = (u: { id: string }) => ({ userId: u.id, role: "PASSENGER" as const });
function trip(net: Net, passengers: number, extra: Partial<CreateBookingInput> = {}): CreateBookingInput {
  const [from, , to] = net.codes;
  return { serviceId: net.serviceId, from, to, class: OPS_CLASS, passengers: Array.from({ length: passengers }, (_, i) => ({ name: `P${i}`, age: 40 })), ...extra };
}

describe("unpaid holds, for operators", () => {
  it("lists the biggest holders first and releases one account's holds: seats back on sale, waiting list served, history, audit, notice", async () => {
    const net = await opsNet({ seats: 8 });
    const [hoarder, other, waiter, admin] = await Promise.all([apiUser(), apiUser(), apiUser(), adminActor()]);
    const held = [await createBooking(actor(hoarder), trip(net, 6), randomUUID()), await createBooking(actor(hoarder), trip(net, 1), randomUUID())];
    expect(held.map((o) => o.kind)).toEqual(["held", "held"]);
    expect((await createBooking(actor(other), trip(net, 1), randomUUID())).kind).toBe("held");
    // The train is full: a party of two waits, paid up front.
    const queued = await createBooking(actor(waiter), trip(net, 2, { joinWaitlist: true }), randomUUID());
    if (queued.kind !== "waitlisted") throw new Error(queued.kind);
    expect((await requestPayment(actor(waiter), queued.booking.pnr, { cardNumber: SANDBOX_CARDS.succeeds }, randomUUID())).kind).toBe("paid");

    const { holders } = await listHolders(1000);
    const mine = holders.filter((h) => [hoarder.id, other.id].includes(h.userId));
    expect(mine.map((h) => [h.userId, h.seats, h.bookings, h.trains])).toEqual([
      [hoarder.id, 7, 2, 1],
      [other.id, 1, 1, 1],
    ]);

    const released = await releaseHolds(admin, hoarder.id);
    expect(released).toMatchObject({ bookings: 2, seats: 7 });
    const pnrs = held.map((o) => (o.kind === "held" ? o.booking.pnr : ""));
    const bookings = await db().booking.findMany({ where: { pnr: { in: pnrs } }, include: { events: { where: { type: "EXPIRED" } } } });
    expect(bookings.map((b) => b.status)).toEqual(["EXPIRED", "EXPIRED"]);
    for (const b of bookings) expect(b.events).toEqual([expect.objectContaining({ actorUserId: admin.userId, actorRole: "ADMIN", data: { reason: "released by an operator" } })]);
    expect(await db().notification.count({ where: { userId: hoarder.id, kind: "HOLD_RELEASED", channel: "IN_APP" } })).toBe(2);
    expect(await db().auditLog.findFirst({ where: { action: "user.holds.release", targetId: hoarder.id } })).toMatchObject({ actorId: admin.userId, details: { seats: 7 } });

    // The waiting party got two of the freed seats; the other five are on sale again.
    expect((await db().booking.findUniqueOrThrow({ where: { pnr: queued.booking.pnr } })).status).toBe("CONFIRMED");
    expect((await createBooking(actor(other), trip(net, 5), randomUUID())).kind).toBe("held");
    expect((await listHolders(1000)).holders.some((h) => h.userId === hoarder.id)).toBe(false);
    // Releasing again finds nothing; an unknown account is NOT_FOUND.
    expect(await releaseHolds(admin, hoarder.id)).toMatchObject({ bookings: 0, seats: 0 });
    await expect(releaseHolds(admin, randomUUID())).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

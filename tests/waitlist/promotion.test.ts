// Promotion: a freed seat goes to the earliest paid waiting booking whose whole journey and party
// it can serve, in the very transaction that freed it; later ones that fit are served too.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { eventsOf } from "../booking/helpers";
import { cancelled, confirmed, ensureWaitlistPricing, payFor, seatNumbers, statusOf, touched, view, waiting, wlNet } from "./fixtures";
import { checkTouched } from "./invariants";

beforeAll(ensureWaitlistPricing);
afterEach(() => checkTouched(touched));

const A = 0;
const B = 1;
const C = 2;

describe("promotion from the waiting list", () => {
  it("confirms the first paid waiter on the freed seat, as the system, and tells them", async () => {
    const net = await wlNet({ seats: 2 });
    const leaving = await confirmed(net, { seats: [1] });
    await confirmed(net, { seats: [2] });
    const first = await waiting(net);
    const second = await waiting(net);

    const res = await cancelled(leaving.user, leaving.pnr);
    expect(res.status).toBe(200);

    const promoted = await view(first.user, first.pnr);
    expect(promoted.body).toMatchObject({ status: "CONFIRMED", waitlistPosition: null, holdExpiresAt: null });
    expect(promoted.body.confirmedAt).not.toBeNull();
    expect(promoted.body.passengers).toEqual([expect.objectContaining({ status: "CONFIRMED", coach: "W", number: 1 })]);
    expect(await statusOf(first.pnr)).toMatchObject({ status: "CONFIRMED", entry: "PROMOTED" });
    expect((await eventsOf(first.pnr)).map((e) => [e.type, e.actorRole])).toEqual([
      ["WAITLISTED", "PASSENGER"],
      ["WAITLIST_PAID", "PASSENGER"],
      ["WAITLIST_PROMOTED", "SYSTEM"],
    ]);
    const notices = await db().notification.findMany({ where: { booking: { pnr: first.pnr }, kind: "WAITLIST_PROMOTED" } });
    expect(notices.filter((n) => n.channel === "IN_APP")).toEqual([expect.objectContaining({ userId: first.user.id, title: `Booking ${first.pnr} confirmed from the waiting list` })]);
    expect((await view(second.user, second.pnr)).body).toMatchObject({ status: "WAITLISTED", waitlistPosition: 1 });
  });

  it("serves only journeys the freed seat covers: a freed A->B seat skips a waiting A->C for a later A->B", async () => {
    const net = await wlNet({ seats: 2 });
    const ab = await confirmed(net, { from: A, to: B, seats: [1] });
    const bc = await confirmed(net, { from: B, to: C, seats: [1] });
    const ac = await confirmed(net, { from: A, to: C, seats: [2] });
    const longWait = await waiting(net, { from: A, to: C });
    const shortWait = await waiting(net, { from: A, to: B });

    await cancelled(ab.user, ab.pnr);
    expect(await statusOf(longWait.pnr)).toMatchObject({ status: "WAITLISTED", entry: "WAITING" });
    expect(await statusOf(shortWait.pnr)).toMatchObject({ status: "CONFIRMED", entry: "PROMOTED" });
    expect(await seatNumbers(shortWait.pnr)).toEqual([1]);

    // B -> C of seat 1 alone still cannot take the A -> C party.
    await cancelled(bc.user, bc.pnr);
    expect((await view(longWait.user, longWait.pnr)).body).toMatchObject({ status: "WAITLISTED", waitlistPosition: 1 });

    await cancelled(ac.user, ac.pnr);
    expect(await statusOf(longWait.pnr)).toMatchObject({ status: "CONFIRMED", entry: "PROMOTED" });
    expect(await seatNumbers(longWait.pnr)).toEqual([2]);
  });

  it("lets a party of 3 wait while a later party of 1 that fits is served, then seats the 3 together", async () => {
    const net = await wlNet({ seats: 3 });
    const [one, two, three] = [await confirmed(net), await confirmed(net), await confirmed(net)];
    const party = await waiting(net, { passengers: 3 });
    const single = await waiting(net);

    await cancelled(one.user, one.pnr);
    expect(await statusOf(single.pnr)).toMatchObject({ status: "CONFIRMED" });
    expect((await view(party.user, party.pnr)).body.waitlistPosition).toBe(1);

    await cancelled(two.user, two.pnr);
    await cancelled(three.user, three.pnr);
    expect((await statusOf(party.pnr)).status).toBe("WAITLISTED"); // 2 free seats, 3 travellers

    await cancelled(single.user, single.pnr);
    expect(await statusOf(party.pnr)).toMatchObject({ status: "CONFIRMED", entry: "PROMOTED" });
    expect(await seatNumbers(party.pnr)).toEqual([1, 2, 3]);
  });

  it("promotes several waiters from one cancelled party, first come first served among those that fit", async () => {
    const net = await wlNet({ seats: 4 });
    const family = await confirmed(net, { passengers: 4 });
    const w = [
      await waiting(net, { passengers: 2 }),
      await waiting(net, { passengers: 3 }),
      await waiting(net),
      await waiting(net),
      await waiting(net),
    ];
    expect(w.map((x) => x.position)).toEqual([1, 2, 3, 4, 5]);

    await cancelled(family.user, family.pnr);
    const statuses = await Promise.all(w.map(async (x) => (await statusOf(x.pnr)).status));
    expect(statuses).toEqual(["CONFIRMED", "WAITLISTED", "CONFIRMED", "CONFIRMED", "WAITLISTED"]);
    expect((await view(w[1]!.user, w[1]!.pnr)).body.waitlistPosition).toBe(1);
    expect((await view(w[4]!.user, w[4]!.pnr)).body.waitlistPosition).toBe(2);
    const seats = [...(await seatNumbers(w[0]!.pnr)), ...(await seatNumbers(w[2]!.pnr)), ...(await seatNumbers(w[3]!.pnr))];
    expect(seats.sort()).toEqual([1, 2, 3, 4]);
  });

  it("passes over an unpaid place, and promotes it the moment it is paid if a seat is free", async () => {
    const net = await wlNet({ seats: 2 });
    const [one, two] = [await confirmed(net, { seats: [1] }), await confirmed(net, { seats: [2] })];
    const unpaid = await waiting(net, {}, { pay: false });
    const paid = await waiting(net);

    await cancelled(one.user, one.pnr);
    expect(await statusOf(unpaid.pnr)).toMatchObject({ status: "WAITLISTED", entry: "WAITING" });
    expect(await statusOf(paid.pnr)).toMatchObject({ status: "CONFIRMED", entry: "PROMOTED" });

    await cancelled(two.user, two.pnr); // nobody paid is waiting: the seat stays on sale
    expect((await statusOf(unpaid.pnr)).status).toBe("WAITLISTED");

    const payment = await payFor(unpaid.user, unpaid.pnr);
    expect(payment.status).toBe(200);
    expect(payment.body.booking).toMatchObject({ status: "CONFIRMED", waitlistPosition: null });
    expect(payment.body.booking.passengers[0]).toMatchObject({ status: "CONFIRMED", number: 2 });
    expect((await eventsOf(unpaid.pnr)).map((e) => e.type)).toEqual(["WAITLISTED", "WAITLIST_PAID", "WAITLIST_PROMOTED"]);
  });

  it("cancels a promoted booking like any confirmed one (no waiting-list refund), and its seat goes on down the queue", async () => {
    const net = await wlNet({ seats: 1 });
    const first = await confirmed(net);
    const promoted = await waiting(net);
    const next = await waiting(net);
    await cancelled(first.user, first.pnr);
    expect((await statusOf(promoted.pnr)).status).toBe("CONFIRMED");

    const res = await cancelled(promoted.user, promoted.pnr);
    expect(res.status).toBe(200);
    expect(await db().refund.count({ where: { booking: { pnr: promoted.pnr }, reason: "WAITLIST_CANCELLED" } })).toBe(0);
    expect(await statusOf(next.pnr)).toMatchObject({ status: "CONFIRMED", entry: "PROMOTED" });
  });
});

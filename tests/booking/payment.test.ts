// Paying for a hold: confirmed only with a SUCCEEDED payment, declined cards recorded, one charge
// per Idempotency-Key, nothing charged once the hold has run out, and pay racing cancel.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as createBooking } from "@/app/api/v1/bookings/route";
import { POST as pay } from "@/app/api/v1/bookings/[pnr]/payment/route";
import { POST as cancel } from "@/app/api/v1/bookings/[pnr]/cancel/route";
import { db } from "@/lib/db";
import { apiUser, callRoute, ensureFares, eventsOf, lapseHold, newKey, type ApiUser } from "./helpers";
import { createNet, type Net } from "./network";

const GOOD = "4242 4242 4242 4242";
const DECLINED = "4000-0000-0000-0002";

beforeAll(ensureFares);

async function hold(user: ApiUser, net: Net, passengers = 1): Promise<string> {
  const res = await callRoute(createBooking, {
    method: "POST",
    path: "/api/v1/bookings",
    body: { serviceId: net.serviceId, from: net.codes[0], to: net.codes[2], class: "SECOND", passengers: Array.from({ length: passengers }, (_, i) => ({ name: `P${i}`, age: 30 })) },
    headers: { ...user.auth, "idempotency-key": newKey() },
  });
  expect(res.status).toBe(201);
  return res.body.pnr;
}

function payFor(user: ApiUser, pnr: string, cardNumber: string, key: string | null = newKey()) {
  return callRoute(pay, {
    method: "POST",
    path: `/api/v1/bookings/${pnr}/payment`,
    params: { pnr },
    body: { cardNumber },
    headers: { ...user.auth, ...(key === null ? {} : { "idempotency-key": key }) },
  });
}

const seated = (size: number) => createNet({ coaches: [{ label: "7", kind: "SEATED", classCode: "SECOND", size }] });

describe("POST /api/v1/bookings/{pnr}/payment", () => {
  it("confirms the booking with a SUCCEEDED payment, makes the seats permanent and tells the passenger", async () => {
    const net = await seated(4);
    const user = await apiUser();
    const pnr = await hold(user, net, 2);
    const res = await payFor(user, pnr, GOOD);

    expect(res.status).toBe(200);
    expect(res.body.booking).toMatchObject({ pnr, status: "CONFIRMED", holdExpiresAt: null });
    expect(res.body.booking.confirmedAt).toEqual(expect.any(String));
    expect(res.body.payment).toEqual({ id: expect.any(String), status: "SUCCEEDED", amount: res.body.booking.total.amount, currency: "PLN", cardLast4: "4242" });

    const booking = await db().booking.findUniqueOrThrow({ where: { pnr }, include: { payments: true, passengers: { include: { allocations: true } }, notifications: true } });
    expect(booking.payments).toEqual([expect.objectContaining({ status: "SUCCEEDED", provider: "sandbox", amountMinor: booking.totalMinor, cardLast4: "4242" })]);
    expect(booking.passengers.flatMap((p) => p.allocations.map((a) => a.expiresAt))).toEqual([null, null]);
    // One notice, on both channels: in the inbox at once, and an email queued for the worker.
    expect(booking.notifications).toHaveLength(2);
    expect(booking.notifications).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "BOOKING_CONFIRMED", channel: "IN_APP", status: "SENT" }),
        expect.objectContaining({ kind: "BOOKING_CONFIRMED", channel: "EMAIL", status: "PENDING" }),
      ]),
    );
    expect((await eventsOf(pnr)).map((e) => [e.type, e.actorUserId, e.actorRole])).toEqual([
      ["HELD", user.id, "PASSENGER"],
      ["CONFIRMED", user.id, "PASSENGER"],
    ]);
  });

  it("records a declined card, keeps the hold, and lets the passenger pay with another card", async () => {
    const net = await seated(4);
    const user = await apiUser();
    const pnr = await hold(user, net);

    const declined = await payFor(user, pnr, DECLINED);
    expect(declined.status).toBe(402);
    expect(declined.body.error).toMatchObject({ code: "PAYMENT_DECLINED", details: { failureCode: "card_declined" } });
    expect((await db().booking.findUniqueOrThrow({ where: { pnr } })).status).toBe("HELD");

    const unknown = await payFor(user, pnr, "5555 5555 5555 4444");
    expect(unknown.status).toBe(402);

    const paid = await payFor(user, pnr, GOOD);
    expect(paid.status).toBe(200);
    const payments = await db().payment.findMany({ where: { booking: { pnr } }, orderBy: { createdAt: "asc" } });
    expect(payments.map((p) => [p.status, p.failureCode, p.cardLast4])).toEqual([
      ["DECLINED", "card_declined", "0002"],
      ["DECLINED", "test_mode_unknown_card", "4444"],
      ["SUCCEEDED", null, "4242"],
    ]);
    expect((await eventsOf(pnr)).map((e) => e.type)).toEqual(["HELD", "PAYMENT_DECLINED", "PAYMENT_DECLINED", "CONFIRMED"]);
  });

  it("refuses a card number that fails the Luhn check before trying it", async () => {
    const net = await seated(4);
    const user = await apiUser();
    const pnr = await hold(user, net);
    const res = await payFor(user, pnr, "4242 4242 4242 4241");
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("VALIDATION_FAILED");
    expect(res.body.error.details.fieldErrors.cardNumber).toHaveLength(1);
    expect(await db().payment.count({ where: { booking: { pnr } } })).toBe(0);
  });

  it("charges once for the same Idempotency-Key, however often and however concurrently it is sent", async () => {
    const net = await seated(4);
    const user = await apiUser();
    const pnr = await hold(user, net);
    const key = newKey();
    const results = await Promise.all(Array.from({ length: 4 }, () => payFor(user, pnr, GOOD, key)));
    const later = await payFor(user, pnr, GOOD, key);

    for (const r of [...results, later]) {
      expect(r.status).toBe(200);
      expect(r.body).toEqual(results[0]!.body);
    }
    expect(later.headers.get("idempotent-replayed")).toBe("true");
    expect(await db().payment.count({ where: { booking: { pnr } } })).toBe(1);

    // A new key is a new attempt: the booking is already paid, so it is refused and charges nothing.
    const again = await payFor(user, pnr, GOOD);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("CONFLICT");
    const reused = await payFor(user, pnr, "4000 0000 0000 0002", key);
    expect(reused.status).toBe(422);
    expect(await db().payment.count({ where: { booking: { pnr } } })).toBe(1);
  });

  it("refuses to charge once the hold has run out, swept or not", async () => {
    const net = await seated(4);
    const user = await apiUser();
    const pnr = await hold(user, net);
    await lapseHold(pnr);

    const res = await payFor(user, pnr, GOOD);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("HOLD_EXPIRED");
    expect(await db().payment.count({ where: { booking: { pnr } } })).toBe(0);
    expect((await db().booking.findUniqueOrThrow({ where: { pnr } })).status).toBe("HELD");
  });

  it("refuses to pay a lapsed hold whose seat someone else has since taken", async () => {
    const net = await seated(1);
    const [late, quick] = [await apiUser(), await apiUser()];
    const pnr = await hold(late, net);
    await lapseHold(pnr);
    await hold(quick, net); // the only seat, free again because the first hold ran out
    await db().booking.update({ where: { pnr }, data: { holdExpiresAt: new Date(Date.now() + 60_000) } }); // a clock disagreeing

    const res = await payFor(late, pnr, GOOD);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("HOLD_EXPIRED");
    expect(await db().payment.count({ where: { booking: { pnr } } })).toBe(0);
  });

  it("refuses to charge for a train cancelled since the hold was made", async () => {
    const net = await seated(4);
    const user = await apiUser();
    const pnr = await hold(user, net);
    await db().service.update({ where: { id: net.serviceId }, data: { status: "CANCELLED" } });
    const res = await payFor(user, pnr, GOOD);
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: "SERVICE_NOT_BOOKABLE", details: { reason: "CANCELLED" } });
    expect(await db().payment.count({ where: { booking: { pnr } } })).toBe(0);
  });

  it("needs an Idempotency-Key and answers 404 for someone else's booking", async () => {
    const net = await seated(4);
    const [owner, stranger] = [await apiUser(), await apiUser()];
    const pnr = await hold(owner, net);
    const missing = await payFor(owner, pnr, GOOD, null);
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe("IDEMPOTENCY_KEY_REQUIRED");
    const theirs = await payFor(stranger, pnr, GOOD);
    expect(theirs.status).toBe(404);
    expect(theirs.body.error.code).toBe("NOT_FOUND");
    expect(await db().payment.count({ where: { booking: { pnr } } })).toBe(0);
  });

  it("lets exactly one of a payment and a cancellation racing on one booking win, consistently", async () => {
    const net = await seated(20);
    const user = await apiUser();
    const outcomes: string[] = [];
    const started = performance.now();
    for (let round = 0; round < 8; round++) {
      const pnr = await hold(user, net);
      // Every other round gives the payment a head start, so both orders of arrival get raced.
      const headStart = round % 2 === 1 ? 15 : 0;
      const [paid, cancelled] = await Promise.all([
        payFor(user, pnr, GOOD),
        new Promise((resolve) => setTimeout(resolve, headStart)).then(() =>
          callRoute(cancel, { method: "POST", path: `/api/v1/bookings/${pnr}/cancel`, params: { pnr }, headers: user.auth }),
        ),
      ]);
      const booking = await db().booking.findUniqueOrThrow({ where: { pnr }, include: { payments: true, refunds: true } });
      const succeeded = booking.payments.filter((p) => p.status === "SUCCEEDED");
      expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200); // a confirmed booking can still be cancelled
      if (paid.status === 200) {
        // Paid first, then cancelled: one charge, and the cancellation saw it.
        outcomes.push("paid-then-cancelled");
        expect(succeeded).toHaveLength(1);
        expect(cancelled.body.booking.status).toBe("CANCELLED");
      } else {
        outcomes.push("cancelled-first");
        expect(paid.status, JSON.stringify(paid.body)).toBe(409);
        expect(succeeded).toHaveLength(0);
        expect(booking.payments).toHaveLength(0);
        expect(cancelled.body.refund.amount).toBe(0);
      }
      expect(booking.status).toBe("CANCELLED");
      expect(await db().seatAllocation.count({ where: { passenger: { bookingId: booking.id }, releasedAt: null } })).toBe(0);
    }
    console.info(`[measure] pay vs cancel, 8 rounds in ${(performance.now() - started).toFixed(0)} ms: ${JSON.stringify(outcomes)}`);
  });
});

afterAll(async () => {
  // Invariants over everything this run wrote, whichever test wrote it.
  const confirmedUnpaid = await db().booking.count({ where: { status: "CONFIRMED", payments: { none: { status: "SUCCEEDED" } } } });
  expect(confirmedUnpaid).toBe(0);
  const orphanPayments = await db().$queryRaw<{ n: number }[]>`
    SELECT COUNT(*)::int AS n FROM "Payment" p LEFT JOIN "Booking" b ON b.id = p."bookingId" WHERE b.id IS NULL`;
  expect(orphanPayments[0]!.n).toBe(0);
  const twiceCharged = await db().$queryRaw<{ n: number }[]>`
    SELECT COUNT(*)::int AS n FROM (SELECT "bookingId" FROM "Payment" WHERE status = 'SUCCEEDED' AND "idempotencyKey" NOT LIKE 'exchange:%'
      GROUP BY "bookingId" HAVING COUNT(*) > 1) x`; // an exchange's difference is a second, separate charge
  expect(twiceCharged[0]!.n).toBe(0);
});

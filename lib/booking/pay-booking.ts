// Paying for a held booking. One SERIALIZABLE transaction locks the booking, then its seats,
// checks the hold is still good, charges, and records the outcome: a SUCCEEDED payment confirms
// the booking (allocations lose their expiry, events and a notice are written) and a DECLINED one
// is recorded, with a PAYMENT_FAILED notice (lib/booking/payment-declined.ts), the booking left
// HELD. So there is never a CONFIRMED booking without a SUCCEEDED payment, nor a payment without
// its booking, and a refused or expired hold charges nothing.
// A waiting-list place is paid through here too (lib/booking/waitlist/pay-waitlisted.ts).
//
// The provider is called inside the transaction. That is acceptable for the sandbox, which is
// local, instant and idempotent per key (a retried transaction gets the same charge back). A real
// remote provider must not be called while rows are locked: write a PENDING Payment in one
// transaction, call the provider outside, settle PENDING -> SUCCEEDED/DECLINED in a second
// transaction (or from its webhook), and reconcile PENDING rows left by crashes.
import "server-only";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { PaymentProvider } from "@/lib/payments/provider";
import { appendEvent } from "@/lib/booking/events";
import { type UserActor } from "@/lib/auth/actor";
import { notifyInApp } from "@/lib/booking/notifications";
import { lockOwnBooking, type LockedBooking } from "@/lib/booking/own-booking";
import { chargeBooking, type PayResult } from "@/lib/booking/charge";
import { recordDeclinedPayment } from "@/lib/booking/payment-declined";
import { payWaitlisted } from "@/lib/booking/waitlist/pay-waitlisted";
import { liveAllocation } from "@/lib/inventory/live";

export type { PaymentSummary, PayResult } from "@/lib/booking/charge";

function refuseUnlessHeld(booking: LockedBooking): void {
  if (booking.status === "CONFIRMED") throw new AppError("CONFLICT", "This booking is already paid.", { status: booking.status });
  if (booking.status === "CANCELLED") throw new AppError("CONFLICT", "This booking was cancelled and can no longer be paid.", { status: booking.status });
  if (booking.status !== "HELD") throw new AppError("HOLD_EXPIRED");
}

/**
 * Locks the booking's seats, asks whether another booking holds any of them now, and reads the
 * wall clock and the service's state, in one statement: every round trip here is time the other
 * requests of the inventory wait for their turn.
 *
 * Another booking holds one of our seats only if this hold ran out and the seat was sold on: the
 * payment is then refused. Reading the seats' allocations (not just our own rows) is also what lets
 * SERIALIZABLE see a hold transaction that took a seat at the very moment this one expired, and
 * abort one of the two. The clock is read after the seat locks (it depends on them), so a hold
 * that ran out while this transaction waited for them is over.
 */
async function seatsAndClock(tx: Tx, booking: LockedBooking): Promise<{ stillOurs: boolean; now: Date; status: string; leavesAt: Date }> {
  const [row] = await tx.$queryRaw<{ seats: number; takenByOther: boolean; now: Date; status: string; leavesAt: Date }[]>`
    WITH mine AS (
      SELECT ss.id, EXISTS (
        SELECT 1 FROM "SeatAllocation" o
        JOIN "BookingPassenger" op ON op.id = o."bookingPassengerId"
        WHERE o."serviceSeatId" = ss.id AND op."bookingId" <> ${booking.id}
          AND ${liveAllocation("o")}
          AND o."fromSeq" < ${booking.toSeq} AND o."toSeq" > ${booking.fromSeq}) AS "takenByOther"
      FROM "ServiceSeat" ss
      WHERE ss.id IN (
        SELECT a."serviceSeatId" FROM "SeatAllocation" a
        JOIN "BookingPassenger" p ON p.id = a."bookingPassengerId"
        WHERE p."bookingId" = ${booking.id} AND a."releasedAt" IS NULL)
      ORDER BY ss.id
      FOR UPDATE OF ss
    ), checked AS (
      SELECT COUNT(*)::int AS seats, COALESCE(bool_or("takenByOther"), false) AS "takenByOther" FROM mine
    )
    SELECT checked.seats, checked."takenByOther", clock_timestamp() AS now, s.status::text AS status,
           s."departsAt" + (COALESCE(fs."departureOffsetMinutes", 0) + s."delayMinutes") * INTERVAL '1 minute' AS "leavesAt"
    FROM checked, "Booking" b
    JOIN "Service" s ON s.id = b."serviceId"
    LEFT JOIN "TrainStop" fs ON fs."trainId" = s."trainId" AND fs.sequence = b."fromSeq"
    WHERE b.id = ${booking.id}`;
  return { stillOurs: row!.seats > 0 && !row!.takenByOther, now: row!.now, status: row!.status, leavesAt: row!.leavesAt };
}

/** A train cancelled or gone since the hold was made is not sold, held or not. */
function assertStillBookable(service: { status: string; leavesAt: Date }, now: Date): void {
  if (service.status === "CANCELLED") {
    throw new AppError("SERVICE_NOT_BOOKABLE", "This train service has been cancelled, so the booking cannot be paid.", { reason: "CANCELLED" });
  }
  if (service.leavesAt <= now) {
    throw new AppError("SERVICE_NOT_BOOKABLE", "This train has already left, so the booking cannot be paid.", { reason: "DEPARTED" });
  }
}

/** Paid: the booking is confirmed and its seats stop expiring, in one statement. */
async function confirm(tx: Tx, bookingId: string, now: Date): Promise<void> {
  await tx.$executeRaw`
    WITH confirmed AS (
      UPDATE "Booking" SET status = 'CONFIRMED', "confirmedAt" = ${now}, "holdExpiresAt" = NULL, "updatedAt" = ${now}
      WHERE id = ${bookingId}
      RETURNING id
    )
    UPDATE "SeatAllocation" a SET "expiresAt" = NULL
    FROM "BookingPassenger" p, confirmed
    WHERE p.id = a."bookingPassengerId" AND p."bookingId" = confirmed.id AND a."releasedAt" IS NULL`;
}

export async function payBooking(
  tx: Tx,
  actor: UserActor,
  input: { pnr: string; cardNumber: string; idempotencyKey: string },
  provider: PaymentProvider,
): Promise<PayResult & { waitlisted: boolean }> {
  const booking = await lockOwnBooking(tx, actor.userId, input.pnr);
  if (booking.status === "WAITLISTED") return { ...(await payWaitlisted(tx, actor, booking, input, provider)), waitlisted: true };
  refuseUnlessHeld(booking);
  const { stillOurs, now, ...service } = await seatsAndClock(tx, booking);
  if (!stillOurs || !booking.holdExpiresAt || booking.holdExpiresAt <= now) throw new AppError("HOLD_EXPIRED");
  assertStillBookable(service, now);

  const payment = await chargeBooking(tx, booking, input, provider, now);
  if (payment.status === "DECLINED") {
    await recordDeclinedPayment(tx, actor, booking, payment, now);
    return { bookingId: booking.id, payment, waitlisted: false };
  }

  await confirm(tx, booking.id, now);
  await appendEvent(tx, booking.id, "CONFIRMED", actor, { paymentId: payment.id, amountMinor: payment.amountMinor });
  await notifyInApp(
    tx,
    {
      userId: actor.userId,
      bookingId: booking.id,
      kind: "BOOKING_CONFIRMED",
      title: `Booking ${booking.pnr} confirmed`,
      body: "Your payment went through and your seats are confirmed.",
      data: { pnr: booking.pnr },
    },
    now,
  );
  return { bookingId: booking.id, payment, waitlisted: false };
}

// A declined card, the same for a held booking and for a waiting-list place paid up front: the
// PAYMENT_DECLINED event and a PAYMENT_FAILED notice (in the app and by email), in the payment's
// transaction. Nothing else changes, so the wording says what the passenger still has: held seats
// until the hold runs out, or an unpaid waiting-list place until its payment deadline.
import "server-only";
import type { Tx } from "@/lib/db";
import { appendEvent } from "@/lib/booking/events";
import { type UserActor } from "@/lib/auth/actor";
import { notifyInApp } from "@/lib/booking/notifications";
import type { LockedBooking } from "@/lib/booking/own-booking";
import type { PaymentSummary } from "@/lib/booking/charge";

/** `booking` is HELD or WAITLISTED, locked by the payment that was just declined. */
export async function recordDeclinedPayment(
  tx: Tx,
  actor: UserActor,
  booking: Pick<LockedBooking, "id" | "pnr" | "status">,
  payment: PaymentSummary,
  now: Date,
): Promise<void> {
  const waitlisted = booking.status === "WAITLISTED";
  const stillYours = waitlisted
    ? "Your waiting-list place is kept, unpaid, until its payment deadline, so you can try another card."
    : "Your seats stay held until the hold runs out, so you can try another card.";
  await appendEvent(tx, booking.id, "PAYMENT_DECLINED", actor, { paymentId: payment.id, failureCode: payment.failureCode });
  await notifyInApp(
    tx,
    {
      userId: actor.userId,
      bookingId: booking.id,
      kind: "PAYMENT_FAILED",
      title: `Payment for ${booking.pnr} declined`,
      body: `Your card was declined and nothing was charged. ${stillYours}`,
      // `waitlisted` picks the email's wording (lib/notifications/templates/payment-failed.ts).
      data: { pnr: booking.pnr, failureCode: payment.failureCode, paymentId: payment.id, waitlisted },
    },
    now,
  );
}

// Paying for a waiting-list place, through the same POST /bookings/{pnr}/payment as a hold. The
// booking stays WAITLISTED (a paid one has no payment deadline: holdExpiresAt is cleared) and from
// then on it is eligible for promotion. Promotion runs in this very transaction: a seat may have
// come free while the place was unpaid, and it must not stay free now that someone paid for it.
import "server-only";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { PaymentProvider } from "@/lib/payments/provider";
import { appendEvent } from "@/lib/booking/events";
import { type UserActor } from "@/lib/auth/actor";
import { currentTime } from "@/lib/booking/clock";
import type { LockedBooking } from "@/lib/booking/own-booking";
import { chargeBooking, type PayResult } from "@/lib/booking/charge";
import { recordDeclinedPayment } from "@/lib/booking/payment-declined";
import { promoteWaitlist } from "@/lib/booking/waitlist/promote";
import { waitlistOpen } from "@/lib/booking/waitlist/queue";

/** `booking` is WAITLISTED and locked by the caller (lib/booking/pay-booking.ts). */
export async function payWaitlisted(
  tx: Tx,
  actor: UserActor,
  booking: LockedBooking,
  input: { cardNumber: string; idempotencyKey: string },
  provider: PaymentProvider,
): Promise<PayResult> {
  if (booking.holdExpiresAt === null) {
    throw new AppError("CONFLICT", "This waiting-list place is already paid. We will tell you when a seat is yours.", { status: booking.status });
  }
  const now = await currentTime(tx);
  if (booking.holdExpiresAt <= now) throw new AppError("HOLD_EXPIRED", "The time to pay for your waiting-list place ran out. Search again to book.");
  const service = await tx.booking.findUniqueOrThrow({
    where: { id: booking.id },
    select: { serviceId: true, classCode: true, quotaCode: true, service: { select: { status: true, chartPreparedAt: true, departsAt: true } } },
  });
  if (!waitlistOpen(service.service, now)) {
    throw new AppError("SERVICE_NOT_BOOKABLE", "The waiting list for this train has closed: it was cancelled or its chart is prepared.", { reason: "WAITLIST_CLOSED" });
  }

  const payment = await chargeBooking(tx, booking, input, provider, now);
  if (payment.status === "DECLINED") {
    await recordDeclinedPayment(tx, actor, booking, payment, now);
    return { bookingId: booking.id, payment };
  }
  await tx.booking.update({ where: { id: booking.id }, data: { holdExpiresAt: null } });
  await appendEvent(tx, booking.id, "WAITLIST_PAID", actor, { paymentId: payment.id, amountMinor: payment.amountMinor });
  await promoteWaitlist(tx, { serviceId: service.serviceId, classCode: service.classCode, quotaCode: service.quotaCode });
  return { bookingId: booking.id, payment };
}

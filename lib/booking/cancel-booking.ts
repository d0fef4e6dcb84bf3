// Cancelling a booking: one SERIALIZABLE transaction locks the booking, prices the refund with the
// rules in force now, releases the seats at once (releasedAt), refunds through the provider and
// records the Refund, the CANCELLED event and an in-app notice. A HELD booking was never paid, so
// it cancels with nothing to refund.
import "server-only";
import type { Db, Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { PaymentProvider } from "@/lib/payments/provider";
import type { RefundQuoteView } from "@/lib/schemas/booking";
import { appendEvent, type UserActor } from "@/lib/booking/events";
import { currentTime } from "@/lib/booking/clock";
import { lockOwnBooking } from "@/lib/booking/own-booking";
import { notifyInApp } from "@/lib/booking/notifications";
import { quoteRefund, type RefundQuote } from "@/lib/booking/refund-policy";
import { isPnr } from "@/lib/booking/pnr";
import { bookingTx } from "@/lib/booking/booking-tx";
import { bookingViewById } from "@/lib/booking/booking-view";

export interface CancelResult {
  bookingId: string;
  refund: { amountMinor: number; currency: string };
}

export async function cancelBooking(tx: Tx, actor: UserActor, pnr: string, provider: PaymentProvider): Promise<CancelResult> {
  const booking = await lockOwnBooking(tx, actor.userId, pnr);
  if (booking.status === "CANCELLED") throw new AppError("CONFLICT", "This booking is already cancelled.", { status: booking.status });
  if (booking.status === "EXPIRED") throw new AppError("HOLD_EXPIRED", "This hold ran out, so there is nothing to cancel.");
  const now = await currentTime(tx);
  if (booking.status === "HELD" && booking.holdExpiresAt && booking.holdExpiresAt <= now) {
    throw new AppError("HOLD_EXPIRED", "This hold ran out, so there is nothing to cancel.");
  }

  const quote = await quoteRefund(tx, booking.id, now);
  await tx.booking.update({ where: { id: booking.id }, data: { status: "CANCELLED", cancelledAt: now } });
  await tx.bookingPassenger.updateMany({ where: { bookingId: booking.id }, data: { status: "CANCELLED" } });
  await tx.seatAllocation.updateMany({ where: { passenger: { bookingId: booking.id }, releasedAt: null }, data: { releasedAt: now } });

  let refundId: string | null = null;
  if (quote.amountMinor > 0 && quote.paymentRef) {
    // Keyed by booking: a booking is cancelled once, so it is refunded at most once, retries included.
    await provider.refund({ providerRef: quote.paymentRef, amountMinor: quote.amountMinor, currency: quote.currency, idempotencyKey: `cancel:${booking.id}` });
    const refund = await tx.refund.create({
      data: {
        bookingId: booking.id,
        paymentId: quote.paymentId,
        ruleId: quote.rule?.id ?? null,
        amountMinor: quote.amountMinor,
        currency: quote.currency,
        reason: quote.reason === "SERVICE_CANCELLED" ? "SERVICE_CANCELLED" : "PASSENGER_CANCELLED",
        createdById: actor.userId,
        createdAt: now,
      },
    });
    refundId = refund.id;
  }
  await appendEvent(tx, booking.id, "CANCELLED", actor, {
    previousStatus: booking.status,
    refundMinor: quote.amountMinor,
    refundReason: quote.reason,
    ruleId: quote.rule?.id ?? null,
    refundId,
    hoursBeforeDeparture: Math.round(quote.hoursBeforeDeparture * 100) / 100,
  });
  await notifyInApp(
    tx,
    {
      userId: actor.userId,
      bookingId: booking.id,
      kind: "BOOKING_CANCELLED",
      title: `Booking ${booking.pnr} cancelled`,
      body: quote.amountMinor > 0 ? "Your booking is cancelled and a refund is on its way to your card." : "Your booking is cancelled.",
      data: { pnr: booking.pnr, refundMinor: quote.amountMinor, currency: quote.currency },
    },
    now,
  );
  return { bookingId: booking.id, refund: { amountMinor: quote.amountMinor, currency: quote.currency } };
}

/** What cancelling now would refund, for the UI to show before the passenger confirms. */
export async function refundQuoteFor(client: Db, userId: string, pnr: string): Promise<RefundQuoteView> {
  const booking = isPnr(pnr) ? await client.booking.findFirst({ where: { pnr, userId }, select: { id: true, status: true, holdExpiresAt: true } }) : null;
  if (!booking) throw new AppError("NOT_FOUND", "We could not find a booking with that reference.");
  const now = await currentTime(client);
  const expired = booking.status === "HELD" && booking.holdExpiresAt !== null && booking.holdExpiresAt <= now;
  const quote: RefundQuote = await quoteRefund(client, booking.id, now);
  return {
    pnr,
    status: expired ? "EXPIRED" : booking.status,
    cancellable: !expired && (booking.status === "HELD" || booking.status === "CONFIRMED"),
    refund: { amount: quote.amountMinor, currency: quote.currency },
    hoursBeforeDeparture: Math.round(quote.hoursBeforeDeparture * 100) / 100,
    rule: quote.rule
      ? { minHoursBefore: quote.rule.minHoursBefore, refundBasisPoints: quote.rule.refundBasisPoints, fee: { amount: quote.rule.feeMinor, currency: quote.rule.currency } }
      : null,
    reason: quote.reason,
  };
}

/** POST /api/v1/bookings/{pnr}/cancel end to end: the cancellation and the answer, in one transaction. */
export async function cancelOwnBooking(actor: UserActor, pnr: string, provider: PaymentProvider) {
  return bookingTx(async (tx) => {
    const { bookingId, refund } = await cancelBooking(tx, actor, pnr, provider);
    return { booking: await bookingViewById(tx, bookingId), refund: { amount: refund.amountMinor, currency: refund.currency } };
  });
}

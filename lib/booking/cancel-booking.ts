// Cancelling a booking: one SERIALIZABLE transaction locks the booking, prices the refund with the
// rules in force now, releases the seats at once (releasedAt), refunds through the provider and
// records the Refund, the CANCELLED event and the owner's notice. That one notice carries the
// refund (amount, currency, Refund id): no separate refund notice is sent (docs/decisions/014). A
// HELD booking was never paid, so it cancels with nothing to refund. Operators cancel through the
// same core (cancelLockedBooking), as themselves, for a passenger or for a whole cancelled train
// (lib/admin/), and chart preparation cancels what still waits (lib/booking/waitlist/prepare-charts.ts).
// Released seats go to the waiting list in the same transaction, and a waiting booking leaves its
// queue (lib/booking/waitlist/).
import "server-only";
import { noteOutcome } from "@/lib/metrics/metrics";
import type { Db, Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError, isAppError } from "@/lib/errors";
import { formatMoney } from "@/lib/money";
import type { PaymentProvider } from "@/lib/payments/provider";
import type { RefundQuoteView } from "@/lib/schemas/booking";
import { appendEvent } from "@/lib/booking/events";
import { type Actor, type UserActor } from "@/lib/auth/actor";
import { currentTime } from "@/lib/booking/clock";
import { lockOwnBooking, type LockedBooking } from "@/lib/booking/own-booking";
import { notifyInApp, type InAppNotice } from "@/lib/booking/notifications";
import { quoteRefund, ruleView, type RefundQuote } from "@/lib/booking/refund-policy";
import { isPnr } from "@/lib/booking/pnr";
import { inventoryTx } from "@/lib/inventory/transaction";
import { bookingViewById } from "@/lib/booking/booking-view";
import { afterCancel } from "@/lib/booking/waitlist/promote";
import { refundToCards } from "@/lib/booking/refunds";

/** Refund.reason by what priced the refund, where it is not simply the passenger cancelling. */
const REFUND_REASONS: Partial<Record<RefundQuote["reason"], string>> = { SERVICE_CANCELLED: "SERVICE_CANCELLED", WAITLISTED: "WAITLIST_CANCELLED" };

export interface CancelResult {
  bookingId: string;
  refund: { amountMinor: number; currency: string };
}

export async function cancelBooking(tx: Tx, actor: UserActor, pnr: string, provider: PaymentProvider): Promise<CancelResult> {
  const booking = await lockOwnBooking(tx, actor.userId, pnr);
  return cancelLockedBooking(tx, booking, { actor, ownerId: actor.userId, provider });
}

/** How a cancellation made by someone other than the passenger differs from the passenger's own. */
export interface CancelOptions {
  /** Who cancels: recorded on the event and as the refund's creator (none for the system, e.g. at chart time). */
  actor: Actor;
  /** The booking's owner: the one who is told. */
  ownerId: string;
  provider: PaymentProvider;
  /** Everything paid back, whatever the rules say (an operator's goodwill). */
  fullRefund?: boolean;
  /** Refund.reason; by default SERVICE_CANCELLED for a cancelled train, else PASSENGER_CANCELLED. */
  refundReason?: string;
  /** Extra facts for the CANCELLED event (why an operator cancelled, on whose behalf). */
  eventData?: Prisma.InputJsonObject;
  /**
   * The notice to the owner, in place of the usual "Booking cancelled" (a cancelled train says why).
   * Its data gets the refund's facts (refundMinor, currency, refundId) here, whichever notice it is.
   */
  notice?: (refund: { amountMinor: number; currency: string }) => Omit<InAppNotice, "userId" | "bookingId">;
}

/**
 * The cancellation itself, for a booking row the caller has already locked (FOR UPDATE). The
 * passenger's own cancel, an operator's cancel on their behalf and a cancelled train all go
 * through here, so they release seats, refund and record history the same way.
 */
export async function cancelLockedBooking(tx: Tx, booking: LockedBooking, options: CancelOptions): Promise<CancelResult> {
  const { actor, provider } = options;
  if (booking.status === "CANCELLED") throw new AppError("CONFLICT", "This booking is already cancelled.", { status: booking.status });
  if (booking.status === "EXPIRED") throw new AppError("HOLD_EXPIRED", "This hold ran out, so there is nothing to cancel.");
  const now = await currentTime(tx);
  // An unpaid hold, or an unpaid waiting-list place, whose time ran out.
  if ((booking.status === "HELD" || booking.status === "WAITLISTED") && booking.holdExpiresAt && booking.holdExpiresAt <= now) {
    throw new AppError("HOLD_EXPIRED", "This hold ran out, so there is nothing to cancel.");
  }

  const quote = await quoteRefund(tx, booking.id, now);
  const amountMinor = options.fullRefund ? quote.paidMinor : quote.amountMinor;
  await tx.booking.update({ where: { id: booking.id }, data: { status: "CANCELLED", cancelledAt: now } });
  await tx.bookingPassenger.updateMany({ where: { bookingId: booking.id }, data: { status: "CANCELLED" } });
  await tx.seatAllocation.updateMany({ where: { passenger: { bookingId: booking.id }, releasedAt: null }, data: { releasedAt: now } });
  await afterCancel(tx, booking, now);

  // Keyed by booking: a booking is cancelled once, so it is refunded at most once, retries included.
  const refundIds = quote.paymentRef
    ? await refundToCards(tx, provider, {
        bookingId: booking.id,
        amountMinor,
        currency: quote.currency,
        key: `cancel:${booking.id}`,
        reason: options.refundReason ?? REFUND_REASONS[quote.reason] ?? "PASSENGER_CANCELLED",
        ruleId: options.fullRefund ? null : (quote.rule?.id ?? null),
        createdById: actor === "SYSTEM" ? null : actor.userId,
        now,
      })
    : [];
  const refundId = refundIds[0] ?? null;
  await appendEvent(tx, booking.id, "CANCELLED", actor, {
    previousStatus: booking.status,
    refundMinor: amountMinor,
    refundReason: quote.reason,
    ruleId: quote.rule?.id ?? null,
    refundId,
    hoursBeforeDeparture: Math.round(quote.hoursBeforeDeparture * 100) / 100,
    ...(options.fullRefund ? { fullRefund: true, ruleRefundMinor: quote.amountMinor } : {}),
    ...options.eventData,
  });
  const refund = { amountMinor, currency: quote.currency };
  const notice = options.notice?.(refund) ?? {
    kind: "BOOKING_CANCELLED" as const,
    title: `Booking ${booking.pnr} cancelled`,
    body: amountMinor > 0 ? `Your booking is cancelled and ${formatMoney(amountMinor, quote.currency)} is on its way back to your card.` : "Your booking is cancelled.",
  };
  const data = { ...notice.data, pnr: booking.pnr, refundMinor: amountMinor, currency: quote.currency, refundId };
  await notifyInApp(tx, { ...notice, data, userId: options.ownerId, bookingId: booking.id }, now);
  return { bookingId: booking.id, refund };
}

/** What cancelling now would refund, for the UI to show before the passenger confirms. */
export async function refundQuoteFor(client: Db, userId: string, pnr: string): Promise<RefundQuoteView> {
  const booking = isPnr(pnr) ? await client.booking.findFirst({ where: { pnr, userId }, select: { id: true, status: true, holdExpiresAt: true } }) : null;
  if (!booking) throw new AppError("NOT_FOUND", "We could not find a booking with that reference.");
  const now = await currentTime(client);
  const expired = (booking.status === "HELD" || booking.status === "WAITLISTED") && booking.holdExpiresAt !== null && booking.holdExpiresAt <= now;
  const quote: RefundQuote = await quoteRefund(client, booking.id, now);
  return {
    pnr,
    status: expired ? "EXPIRED" : booking.status,
    cancellable: !expired && (booking.status === "HELD" || booking.status === "CONFIRMED" || booking.status === "WAITLISTED"),
    refund: { amount: quote.amountMinor, currency: quote.currency },
    hoursBeforeDeparture: Math.round(quote.hoursBeforeDeparture * 100) / 100,
    rule: ruleView(quote.rule),
    reason: quote.reason,
  };
}

/** POST /api/v1/bookings/{pnr}/cancel end to end: the cancellation and the answer, in one transaction. */
export async function cancelOwnBooking(actor: UserActor, pnr: string, provider: PaymentProvider) {
  try {
    const cancelled = await inventoryTx(async (tx) => {
      const { bookingId, refund } = await cancelBooking(tx, actor, pnr, provider);
      return { booking: await bookingViewById(tx, bookingId), refund: { amount: refund.amountMinor, currency: refund.currency } };
    });
    noteOutcome("cancel", "cancelled");
    return cancelled;
  } catch (error) {
    if (isAppError(error)) noteOutcome("cancel", error.code);
    throw error;
  }
}

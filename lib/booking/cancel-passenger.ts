// Cancelling one passenger of a booking (issue 17): the others keep travelling on the same PNR.
// One SERIALIZABLE transaction locks the booking, prices that passenger's refund with the rules in
// force now (their fare alone: floor(fare * basis points) - fee, as cancelling the whole booking
// prices each passenger), releases their seat at once for whoever waits for it, pays the refund
// back, marks the passenger CANCELLED, lowers the booking's total and revokes the tickets issued
// before (the new one lists the passenger as cancelled). The last passenger left is the whole
// booking: that goes through the ordinary cancellation (lib/booking/cancel-booking.ts).
// A waiting-list place is one request for N seats in the queue: it is cancelled whole, not in part.
import "server-only";
import type { Db, Tx } from "@/lib/db";
import { AppError, isAppError } from "@/lib/errors";
import { formatMoney } from "@/lib/money";
import type { PaymentProvider } from "@/lib/payments/provider";
import type { UserActor } from "@/lib/auth/actor";
import { noteOutcome } from "@/lib/metrics/metrics";
import { inventoryTx } from "@/lib/inventory/transaction";
import { appendEvent } from "@/lib/booking/events";
import { currentTime } from "@/lib/booking/clock";
import { isPnr } from "@/lib/booking/pnr";
import { lockOwnBooking, type LockedBooking } from "@/lib/booking/own-booking";
import { notifyInApp } from "@/lib/booking/notifications";
import { quoteRefund, ruleView, refundUnderRule, type RefundQuote } from "@/lib/booking/refund-policy";
import { refundToCards } from "@/lib/booking/refunds";
import { cancelLockedBooking } from "@/lib/booking/cancel-booking";
import { bookingViewById } from "@/lib/booking/booking-view";
import { promoteWaitlist } from "@/lib/booking/waitlist/promote";
import type { BookingView, PassengerRefundQuoteView } from "@/lib/schemas/booking";

interface PassengerRow {
  id: string;
  position: number;
  name: string;
  fareMinor: number;
  status: "CONFIRMED" | "WAITLISTED" | "CANCELLED";
}

export interface PassengerCancelResult {
  booking: BookingView;
  /** Who was cancelled (position 1..6 on the booking) and what they get back. */
  passenger: { position: number; name: string };
  refund: { amount: number; currency: string };
  /** The passenger was the last one travelling: the whole booking is cancelled. */
  wholeBooking: boolean;
}

/** One passenger's refund under the quote for the whole booking, priced the same way (the rule per passenger). */
function passengerRefund(quote: RefundQuote, fareMinor: number): number {
  switch (quote.reason) {
    case "NOT_PAID":
    case "NO_RULE":
      return 0;
    case "SERVICE_CANCELLED":
    case "WAITLISTED":
      return Math.min(quote.paidMinor, fareMinor);
    case "PAID_FARE_RULE":
      return quote.rule ? Math.min(quote.paidMinor, refundUnderRule([fareMinor], quote.rule)) : 0;
  }
}

function refuseUnlessPartlyCancellable(booking: Pick<LockedBooking, "status" | "holdExpiresAt">, now: Date): void {
  if (booking.status === "CANCELLED") throw new AppError("CONFLICT", "This booking is already cancelled.", { status: booking.status });
  if (booking.status === "EXPIRED" || (booking.status === "HELD" && booking.holdExpiresAt !== null && booking.holdExpiresAt <= now)) {
    throw new AppError("HOLD_EXPIRED", "This hold ran out, so there is nothing to cancel.");
  }
  if (booking.status === "WAITLISTED") {
    throw new AppError("CONFLICT", "A waiting-list place is cancelled whole: cancel the booking instead.", { status: booking.status });
  }
}

async function passengersOf(client: Db | Tx, bookingId: string): Promise<PassengerRow[]> {
  return client.bookingPassenger.findMany({
    where: { bookingId },
    orderBy: { position: "asc" },
    select: { id: true, position: true, name: true, fareMinor: true, status: true },
  });
}

function pick(passengers: PassengerRow[], position: number): PassengerRow {
  const passenger = passengers.find((p) => p.position === position);
  if (!passenger) throw new AppError("NOT_FOUND", `This booking has no passenger ${position}.`);
  if (passenger.status === "CANCELLED") throw new AppError("CONFLICT", `${passenger.name} is already cancelled.`, { position });
  return passenger;
}

/** In the caller's transaction: cancels passenger `position` of the caller's booking `pnr`. */
export async function cancelPassenger(tx: Tx, actor: UserActor, pnr: string, position: number, provider: PaymentProvider): Promise<PassengerCancelResult> {
  const booking = await lockOwnBooking(tx, actor.userId, pnr);
  const now = await currentTime(tx);
  refuseUnlessPartlyCancellable(booking, now);
  const passengers = await passengersOf(tx, booking.id);
  const passenger = pick(passengers, position);
  const travelling = passengers.filter((p) => p.status !== "CANCELLED");

  if (travelling.length === 1) {
    const { refund } = await cancelLockedBooking(tx, booking, { actor, ownerId: actor.userId, provider, eventData: { lastPassenger: position } });
    return {
      booking: await bookingViewById(tx, booking.id),
      passenger: { position, name: passenger.name },
      refund: { amount: refund.amountMinor, currency: refund.currency },
      wholeBooking: true,
    };
  }

  const quote = await quoteRefund(tx, booking.id, now);
  const amountMinor = passengerRefund(quote, passenger.fareMinor);
  await tx.bookingPassenger.update({ where: { id: passenger.id }, data: { status: "CANCELLED" } });
  await tx.seatAllocation.updateMany({ where: { bookingPassengerId: passenger.id, releasedAt: null }, data: { releasedAt: now } });
  await tx.booking.update({
    where: { id: booking.id },
    data: { totalMinor: Math.max(0, booking.totalMinor - passenger.fareMinor), ...(booking.status === "CONFIRMED" ? { ticketsRevokedAt: now } : {}) },
  });
  const refundIds = await refundToCards(tx, provider, {
    bookingId: booking.id,
    amountMinor,
    currency: booking.currency,
    key: `cancel-passenger:${passenger.id}`,
    reason: quote.reason === "SERVICE_CANCELLED" ? "SERVICE_CANCELLED" : "PASSENGER_CANCELLED",
    ruleId: quote.reason === "PAID_FARE_RULE" ? (quote.rule?.id ?? null) : null,
    createdById: actor.userId,
    now,
  });
  await appendEvent(tx, booking.id, "PASSENGER_CANCELLED", actor, {
    position,
    refundMinor: amountMinor,
    refundReason: quote.reason,
    ruleId: quote.rule?.id ?? null,
    refundIds,
    hoursBeforeDeparture: Math.round(quote.hoursBeforeDeparture * 100) / 100,
  });
  await notifyInApp(
    tx,
    {
      userId: actor.userId,
      bookingId: booking.id,
      kind: "PASSENGER_CANCELLED",
      title: `${passenger.name} cancelled from booking ${booking.pnr}`,
      body:
        amountMinor > 0
          ? `${passenger.name} no longer travels; ${formatMoney(amountMinor, booking.currency)} is on its way back to your card. Your new ticket lists who travels.`
          : `${passenger.name} no longer travels. Your new ticket lists who travels.`,
      data: { pnr: booking.pnr, position, refundMinor: amountMinor, currency: booking.currency, refundId: refundIds[0] ?? null },
    },
    now,
  );
  // The seat is free from now: whoever waits for it gets it in this transaction.
  const inventory = await tx.booking.findUniqueOrThrow({ where: { id: booking.id }, select: { serviceId: true, classCode: true, quotaCode: true } });
  await promoteWaitlist(tx, inventory);
  return {
    booking: await bookingViewById(tx, booking.id),
    passenger: { position, name: passenger.name },
    refund: { amount: amountMinor, currency: booking.currency },
    wholeBooking: false,
  };
}

/** What cancelling passenger `position` now would refund (nothing changes). */
export async function passengerRefundQuote(client: Db, userId: string, pnr: string, position: number): Promise<PassengerRefundQuoteView> {
  const booking = isPnr(pnr)
    ? await client.booking.findFirst({ where: { pnr, userId }, select: { id: true, status: true, holdExpiresAt: true, currency: true } })
    : null;
  if (!booking) throw new AppError("NOT_FOUND", "We could not find a booking with that reference.");
  const now = await currentTime(client);
  const passengers = await passengersOf(client, booking.id);
  const passenger = pick(passengers, position);
  let cancellable = true;
  try {
    refuseUnlessPartlyCancellable(booking, now);
  } catch (error) {
    if (!isAppError(error)) throw error;
    cancellable = false;
  }
  const quote = await quoteRefund(client, booking.id, now);
  const travelling = passengers.filter((p) => p.status !== "CANCELLED").length;
  return {
    pnr,
    position,
    name: passenger.name,
    cancellable,
    wholeBooking: travelling === 1,
    refund: { amount: cancellable ? passengerRefund(quote, passenger.fareMinor) : 0, currency: booking.currency },
    fare: { amount: passenger.fareMinor, currency: booking.currency },
    hoursBeforeDeparture: Math.round(quote.hoursBeforeDeparture * 100) / 100,
    rule: ruleView(quote.rule),
    reason: quote.reason,
  };
}

/** POST /api/v1/bookings/{pnr}/passengers/{position}/cancel end to end, in one transaction. */
export async function cancelOwnPassenger(actor: UserActor, pnr: string, position: number, provider: PaymentProvider): Promise<PassengerCancelResult> {
  try {
    const result = await inventoryTx((tx) => cancelPassenger(tx, actor, pnr, position, provider));
    noteOutcome("cancel", result.wholeBooking ? "cancelled" : "passenger_cancelled");
    return result;
  } catch (error) {
    if (isAppError(error)) noteOutcome("cancel", error.code);
    throw error;
  }
}

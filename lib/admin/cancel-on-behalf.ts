// An operator cancels a passenger's booking for them (at the counter, on the phone). The refund is
// what the rules give, unless the operator ticks "full refund" (goodwill). Either way it runs
// through the passenger's own cancel core, recorded as done by the operator: the CANCELLED event
// has the admin as actor and says on whose behalf, and the Refund names the admin as its creator.
import "server-only";
import type { Db, Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { formatMoney } from "@/lib/money";
import type { PaymentProvider } from "@/lib/payments/provider";
import { inventoryTx } from "@/lib/inventory/transaction";
import { bookingViewById } from "@/lib/booking/booking-view";
import { cancelLockedBooking } from "@/lib/booking/cancel-booking";
import { currentTime } from "@/lib/booking/clock";
import type { UserActor } from "@/lib/auth/actor";
import type { LockedBooking } from "@/lib/booking/own-booking";
import { isPnr } from "@/lib/booking/pnr";
import { quoteRefund } from "@/lib/booking/refund-policy";
import type { AdminCancelInput } from "@/lib/schemas/admin-ops";
import type { AdminCancelQuote } from "@/lib/schemas/admin-ops-views";
import type { BookingView } from "@/lib/schemas/booking";

/** Refund.reason for a goodwill refund beyond the rules. */
export const GOODWILL_REFUND = "OPERATOR_FULL_REFUND";

/** Both amounts the operator chooses between, as of now. */
export async function adminRefundQuote(client: Db | Tx, bookingId: string): Promise<AdminCancelQuote> {
  const booking = await client.booking.findUniqueOrThrow({ where: { id: bookingId }, select: { status: true, holdExpiresAt: true } });
  const now = await currentTime(client);
  const quote = await quoteRefund(client, bookingId, now);
  const lapsed = booking.status === "HELD" && booking.holdExpiresAt !== null && booking.holdExpiresAt <= now;
  return {
    cancellable: !lapsed && ["HELD", "CONFIRMED", "WAITLISTED"].includes(booking.status),
    byRules: { amount: quote.amountMinor, currency: quote.currency },
    full: { amount: quote.paidMinor, currency: quote.currency },
    reason: quote.reason,
    hoursBeforeDeparture: Math.round(quote.hoursBeforeDeparture * 100) / 100,
  };
}

async function lockAnyBooking(tx: Tx, pnr: string): Promise<LockedBooking & { userId: string; serviceCancelled: boolean }> {
  const ref = pnr.toUpperCase();
  if (!isPnr(ref)) throw new AppError("NOT_FOUND", "We could not find a booking with that reference.");
  const [row] = await tx.$queryRaw<(LockedBooking & { userId: string; serviceCancelled: boolean })[]>`
    SELECT b.id, b.pnr, b."userId", b.status::text AS status, b."holdExpiresAt", b."totalMinor", b.currency, b."fromSeq", b."toSeq",
           (s.status = 'CANCELLED') AS "serviceCancelled"
    FROM "Booking" b JOIN "Service" s ON s.id = b."serviceId"
    WHERE b.pnr = ${ref}
    FOR UPDATE OF b`;
  if (!row) throw new AppError("NOT_FOUND", "We could not find a booking with that reference.");
  return row;
}

export interface CancelOnBehalfResult {
  booking: BookingView;
  refund: { amount: number; currency: string };
  fullRefund: boolean;
}

export async function cancelOnBehalf(admin: UserActor, input: AdminCancelInput, provider: PaymentProvider): Promise<CancelOnBehalfResult> {
  return inventoryTx(async (tx) => {
    const booking = await lockAnyBooking(tx, input.pnr);
    if (input.expectedRefundMinor !== undefined && ["HELD", "CONFIRMED", "WAITLISTED"].includes(booking.status)) {
      // The operator confirmed an amount they were shown; if time or the rules have moved it, they see the new one first.
      const quote = await adminRefundQuote(tx, booking.id);
      const now = input.fullRefund ? quote.full : quote.byRules;
      if (now.amount !== input.expectedRefundMinor) {
        throw new AppError(
          "CONFLICT",
          `The refund is now ${formatMoney(now.amount, now.currency)}, not ${formatMoney(input.expectedRefundMinor, now.currency)}. Check it and confirm again.`,
          { refund: now },
        );
      }
    }
    const reasonText = input.reason ? ` Reason: ${input.reason}` : "";
    const { bookingId, refund } = await cancelLockedBooking(tx, booking, {
      actor: admin,
      ownerId: booking.userId,
      provider,
      fullRefund: input.fullRefund,
      refundReason: input.fullRefund && !booking.serviceCancelled ? GOODWILL_REFUND : undefined,
      eventData: { onBehalfOf: booking.userId, operatorReason: input.reason ?? null },
      notice: (r) => ({
        kind: "BOOKING_CANCELLED",
        title: `Booking ${booking.pnr} cancelled by RailBook staff`,
        body: `${r.amountMinor > 0 ? `Your booking is cancelled and ${formatMoney(r.amountMinor, r.currency)} is on its way back to your card.` : "Your booking is cancelled."}${reasonText}`,
        data: { byOperator: true },
      }),
    });
    return { booking: await bookingViewById(tx, bookingId), refund: { amount: refund.amountMinor, currency: refund.currency }, fullRefund: input.fullRefund };
  });
}

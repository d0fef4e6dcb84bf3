// POST /api/v1/bookings/{pnr}/payment end to end: Idempotency-Key, then the payment transaction,
// whose answer (paid: 200, declined: 402) is stored with it, so paying twice with one key charges
// once and answers the same both times.
import "server-only";
import { AppError } from "@/lib/errors";
import type { PaymentInput } from "@/lib/schemas/booking";
import { idempotent, type IdempotentResult } from "@/lib/idempotency/with-idempotency";
import { cardFingerprint } from "@/lib/payments/card";
import { paymentProvider } from "@/lib/payments";
import type { PaymentProvider } from "@/lib/payments/provider";
import { db } from "@/lib/db";
import { inventoryTx } from "@/lib/inventory/transaction";
import { inventoryKey } from "@/lib/inventory/turns";
import { payBooking } from "@/lib/booking/pay-booking";
import { bookingViewById } from "@/lib/booking/booking-view";
import type { UserActor } from "@/lib/auth/actor";

export const PAYMENT_SCOPE = "POST /api/v1/bookings/{pnr}/payment";

export async function requestPayment(
  actor: UserActor,
  pnr: string,
  input: PaymentInput,
  idempotencyKey: string | null,
  provider: PaymentProvider = paymentProvider(),
): Promise<IdempotentResult> {
  // A payment locks its seats and reads their allocations, so under SERIALIZABLE it cannot overlap
  // a hold on the same inventory without one of the two being aborted: it takes its turn with
  // them in this instance's queue (lib/inventory/turns.ts). Measured in bench/ (Rush):
  // without it, payments during a rush ran out of serialization retries (503 SERVICE_BUSY).
  // The inventory of a booking never changes, so reading it outside the transaction is safe; an
  // unknown PNR gets no queue and is refused by the transaction as before.
  const booking = await db().booking.findFirst({ where: { pnr, userId: actor.userId }, select: { serviceId: true, classCode: true, quotaCode: true } });
  const queueKey = booking ? inventoryKey(booking.serviceId, booking.classCode, booking.quotaCode) : undefined;
  return idempotent(
    // The card enters the comparison only as a keyed fingerprint: the key row must not hold anything
    // from which the number could be recovered.
    { userId: actor.userId, scope: PAYMENT_SCOPE, key: idempotencyKey, request: { pnr, card: cardFingerprint(input.cardNumber) } },
    async (tx, key) => {
      const { bookingId, payment } = await payBooking(tx, actor, { pnr, cardNumber: input.cardNumber, idempotencyKey: key }, provider);
      if (payment.status === "DECLINED") {
        const declined = new AppError("PAYMENT_DECLINED", undefined, { paymentId: payment.id, failureCode: payment.failureCode });
        return { status: declined.status, body: declined.toJSON() };
      }
      return {
        status: 200,
        body: {
          booking: await bookingViewById(tx, bookingId),
          payment: { id: payment.id, status: payment.status, amount: payment.amountMinor, currency: payment.currency, cardLast4: payment.cardLast4 },
        },
      };
    },
    { runTx: (work, options) => inventoryTx(work, { ...options, queueKey }) },
  );
}

// Paying for a booking end to end, transport-neutral: the Idempotency-Key (a repeat with the same
// key replays the first outcome: charged once, answered the same), then the payment transaction
// (lib/booking/pay-booking.ts), whose outcome (paid, or declined) is stored with the key.
import "server-only";
import type { PaymentInput } from "@/lib/schemas/booking";
import { idempotent, parseKey, requestHash } from "@/lib/idempotency/keys";
import { cardFingerprint } from "@/lib/payments/card";
import { paymentProvider } from "@/lib/payments";
import type { PaymentProvider } from "@/lib/payments/provider";
import { db } from "@/lib/db";
import { inventoryTx } from "@/lib/inventory/transaction";
import { inventoryKey } from "@/lib/inventory/state";
import { payBooking } from "@/lib/booking/pay-booking";
import { bookingViewById } from "@/lib/booking/booking-view";
import type { UserActor } from "@/lib/auth/actor";
import { paymentFromLegacy, refused, refusedOrThrow, type PaidOutcome, type PaymentOutcome } from "@/lib/booking/outcomes";

export const PAYMENT_SCOPE = "booking.pay";

export async function requestPayment(
  actor: UserActor,
  pnr: string,
  input: PaymentInput,
  idempotencyKey: string | null,
  provider: PaymentProvider = paymentProvider(),
): Promise<PaymentOutcome> {
  const parsed = parseKey(idempotencyKey);
  if ("error" in parsed) return refused(parsed.error);
  try {
    // A payment locks its seats and reads their allocations, so under SERIALIZABLE it cannot overlap
    // a batch of holds on the same inventory without one of the two being aborted: it takes its
    // turn with them in this instance's queue (lib/inventory/turns.ts). The inventory of a booking
    // never changes, so reading it outside the transaction is safe; an unknown PNR gets no queue
    // and is refused by the transaction as before.
    const booking = await db().booking.findFirst({ where: { pnr, userId: actor.userId }, select: { serviceId: true, classCode: true, quotaCode: true } });
    const queueKey = booking ? inventoryKey(booking) : undefined;
    const { outcome, replayed } = await idempotent<PaidOutcome>(
      {
        ref: { userId: actor.userId, scope: PAYMENT_SCOPE, key: parsed.key },
        // The card enters the comparison only as a keyed fingerprint: the key row must not hold
        // anything from which the number could be recovered.
        hash: requestHash({ pnr, card: cardFingerprint(input.cardNumber) }),
        fromLegacy: paymentFromLegacy,
      },
      async (tx) => {
        const { bookingId, payment } = await payBooking(tx, actor, { pnr, cardNumber: input.cardNumber, idempotencyKey: parsed.key }, provider);
        if (payment.status === "DECLINED") return { kind: "declined", payment: { id: payment.id, failureCode: payment.failureCode } };
        return {
          kind: "paid",
          booking: await bookingViewById(tx, bookingId),
          payment: { id: payment.id, status: payment.status, amount: payment.amountMinor, currency: payment.currency, cardLast4: payment.cardLast4 },
        };
      },
      { runTx: (work, options) => inventoryTx(work, { ...options, queueKey }) },
    );
    return { ...outcome, replayed };
  } catch (error) {
    return refusedOrThrow(error);
  }
}

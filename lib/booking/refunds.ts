// Paying money back to the cards a booking was paid with. A booking may have more than one
// payment (its fare, then the difference of an exchange: lib/booking/exchange.ts), and a card
// provider refunds a charge at most up to what that charge took, so a refund is split over the
// booking's payments, newest first, each up to what is left of it. One Refund row per payment
// touched, all with the same reason and rule. Called inside the booking's transaction, with the
// booking row locked; the provider's idempotency key per slice makes a retried transaction refund
// nothing twice.
import "server-only";
import type { Tx } from "@/lib/db";
import type { PaymentProvider } from "@/lib/payments/provider";

export interface RefundRequest {
  bookingId: string;
  amountMinor: number;
  currency: string;
  /** Base of the provider's idempotency keys: one operation refunds once (`cancel:<bookingId>`...). */
  key: string;
  reason: string;
  ruleId: string | null;
  createdById: string | null;
  now: Date;
}

/** Refunds `amountMinor` over the booking's payments; returns the Refund rows' ids (none when nothing is due). */
export async function refundToCards(tx: Tx, provider: PaymentProvider, request: RefundRequest): Promise<string[]> {
  if (request.amountMinor <= 0) return [];
  const payments = await tx.payment.findMany({
    where: { bookingId: request.bookingId, status: "SUCCEEDED", providerRef: { not: null } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, providerRef: true, amountMinor: true, refunds: { select: { amountMinor: true } } },
  });
  // Refunds recorded before they named a payment count against the newest one.
  const unattributed = await tx.refund.aggregate({ where: { bookingId: request.bookingId, paymentId: null }, _sum: { amountMinor: true } });
  let loose = unattributed._sum.amountMinor ?? 0;
  const ids: string[] = [];
  let left = request.amountMinor;
  for (const [i, payment] of payments.entries()) {
    if (left <= 0) break;
    let open = payment.amountMinor - payment.refunds.reduce((sum, r) => sum + r.amountMinor, 0);
    const absorbed = Math.min(loose, Math.max(0, open));
    open -= absorbed;
    loose -= absorbed;
    const slice = Math.min(left, open);
    if (slice <= 0) continue;
    await provider.refund({ providerRef: payment.providerRef!, amountMinor: slice, currency: request.currency, idempotencyKey: i === 0 ? request.key : `${request.key}:${payment.id}` });
    const refund = await tx.refund.create({
      data: {
        bookingId: request.bookingId,
        paymentId: payment.id,
        ruleId: request.ruleId,
        amountMinor: slice,
        currency: request.currency,
        reason: request.reason,
        createdById: request.createdById,
        createdAt: request.now,
      },
    });
    ids.push(refund.id);
    left -= slice;
  }
  // The amount was priced from what the booking was paid less what it got back, so it fits.
  if (left > 0) throw new Error(`refund of ${request.amountMinor} for booking ${request.bookingId} exceeds its payments by ${left}`);
  return ids;
}

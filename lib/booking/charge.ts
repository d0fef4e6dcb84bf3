// Charging a booking's total and recording the Payment row, the same for a held booking and for a
// waiting-list place paid up front. The provider is called inside the booking transaction, which
// suits the local sandbox only (lib/booking/pay-booking.ts says what a remote provider needs).
import "server-only";
import type { Tx } from "@/lib/db";
import type { PaymentProvider } from "@/lib/payments/provider";
import { last4 } from "@/lib/payments/card";

export interface PaymentSummary {
  id: string;
  status: "SUCCEEDED" | "DECLINED";
  amountMinor: number;
  currency: string;
  cardLast4: string;
  failureCode: string | null;
}

export interface PayResult {
  bookingId: string;
  payment: PaymentSummary;
}

export async function chargeBooking(
  tx: Tx,
  booking: { id: string; totalMinor: number; currency: string },
  input: { cardNumber: string; idempotencyKey: string },
  provider: PaymentProvider,
  now: Date,
): Promise<PaymentSummary> {
  const charge = await provider.charge({
    amountMinor: booking.totalMinor,
    currency: booking.currency,
    cardNumber: input.cardNumber,
    // Per booking as well as per client key, so one key reused on two bookings is two charges.
    idempotencyKey: `${booking.id}:${input.idempotencyKey}`,
  });
  const payment = await tx.payment.create({
    data: {
      bookingId: booking.id,
      provider: provider.name,
      providerRef: charge.providerRef,
      amountMinor: booking.totalMinor,
      currency: booking.currency,
      status: charge.status,
      cardLast4: last4(input.cardNumber),
      failureCode: charge.failureCode ?? null,
      idempotencyKey: input.idempotencyKey,
      createdAt: now,
    },
  });
  return {
    id: payment.id,
    status: charge.status,
    amountMinor: payment.amountMinor,
    currency: payment.currency,
    cardLast4: payment.cardLast4!,
    failureCode: payment.failureCode,
  };
}

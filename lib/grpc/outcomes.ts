// Booking outcomes (lib/booking/outcomes.ts) as gRPC answers, the twin of lib/http-outcomes.ts: a
// hold or a waiting-list place is the Booking, a declined card and every refusal a status whose
// code comes from the refusal's AppError (lib/grpc/status.ts). Thrown, so lib/grpc/unary.ts
// answers it like any other error.
import { declinedError, type BookingOutcome, type PaymentOutcome } from "@/lib/booking/outcomes";
import type { ExchangeOutcome } from "@/lib/booking/exchange";
import { bookingMessage, money, paymentMessage } from "@/lib/grpc/messages";

export function bookingReply(outcome: BookingOutcome) {
  if (outcome.kind === "refused") throw outcome.error;
  return bookingMessage(outcome.booking);
}

export function paymentReply(outcome: PaymentOutcome) {
  if (outcome.kind === "refused") throw outcome.error;
  if (outcome.kind === "declined") throw declinedError(outcome.payment);
  return { booking: bookingMessage(outcome.booking), payment: paymentMessage(outcome.payment) };
}

export function exchangeReply(outcome: ExchangeOutcome) {
  if (outcome.kind === "refused") throw outcome.error;
  const { booking, price, payment, refund } = outcome;
  return {
    booking: bookingMessage(booking),
    price: { credit: money(price.credit), new_fare: money(price.newFare), fee: money(price.fee), difference: money(price.difference) },
    payment: payment && paymentMessage({ ...payment, status: "SUCCEEDED" }),
    refund: refund && money(refund),
  };
}

// Booking outcomes (lib/booking/outcomes.ts) as HTTP answers, for the route handlers: the one place
// that knows a hold is 201, a declined card 402 and a refusal its error code's status.
import { errorResponse, json } from "@/lib/http";
import { declinedError, type BookingOutcome, type PaymentOutcome } from "@/lib/booking/outcomes";
import type { ExchangeOutcome } from "@/lib/booking/exchange";

function replayHeaders(replayed: boolean): Record<string, string> {
  return replayed ? { "Idempotent-Replayed": "true" } : {};
}

export function bookingResponse(outcome: BookingOutcome): Response {
  if (outcome.kind === "refused") return errorResponse(outcome.error);
  return json(outcome.booking, 201, replayHeaders(outcome.replayed));
}

export function paymentResponse(outcome: PaymentOutcome): Response {
  const headers = { ...replayHeaders(outcome.replayed), "Cache-Control": "no-store" };
  if (outcome.kind === "refused") return errorResponse(outcome.error);
  if (outcome.kind === "declined") {
    const error = declinedError(outcome.payment);
    return json(error.toJSON(), error.status, headers);
  }
  return json({ booking: outcome.booking, payment: outcome.payment }, 200, headers);
}

export function exchangeResponse(outcome: ExchangeOutcome): Response {
  if (outcome.kind === "refused") return errorResponse(outcome.error);
  const { booking, price, payment, refund } = outcome;
  return json({ booking, price, payment, refund }, 200, { ...replayHeaders(outcome.replayed), "Cache-Control": "no-store" });
}

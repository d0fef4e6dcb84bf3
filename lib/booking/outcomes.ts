// What a booking operation did, as a value: every front end (route handler, server action, CLI,
// gRPC, the assistant) maps these to its own protocol (lib/http-outcomes.ts for HTTP). Outcomes
// that wrote something are stored with their Idempotency-Key and replayed from it; refusals wrote
// nothing and are not stored (lib/idempotency/keys.ts).
import { AppError } from "@/lib/errors";
import type { BookingView } from "@/lib/schemas/booking";

export interface PaymentView {
  id: string;
  status: "SUCCEEDED" | "DECLINED";
  amount: number;
  currency: string;
  cardLast4: string;
}

/** A request refused: nothing was written. `error` says why, in the one error type (lib/errors.ts). */
export interface Refused {
  kind: "refused";
  error: AppError;
  replayed: false;
}

export type HoldOutcome = { kind: "held"; booking: BookingView } | { kind: "waitlisted"; booking: BookingView };
export type BookingOutcome = (HoldOutcome & { replayed: boolean }) | Refused;

export type PaidOutcome =
  | { kind: "paid"; booking: BookingView; payment: PaymentView }
  /** The card was declined: a DECLINED payment and a notice were written, the booking is as it was. */
  | { kind: "declined"; payment: { id: string; failureCode: string | null } };
export type PaymentOutcome = (PaidOutcome & { replayed: boolean }) | Refused;

export function refused(error: AppError): Refused {
  return { kind: "refused", error, replayed: false };
}

/** An operation's outcome from a thrown refusal; anything that is not an AppError is a bug and stays thrown. */
export function refusedOrThrow(error: unknown): Refused {
  if (error instanceof AppError) return refused(error);
  throw error;
}

/** A create-booking answer stored before outcomes were (HTTP 201 and the booking view). */
export function holdFromLegacy(status: number, body: unknown): HoldOutcome {
  const booking = body as BookingView;
  if (status !== 201) throw new Error(`unexpected stored booking answer: HTTP ${status}`);
  return booking.status === "WAITLISTED" ? { kind: "waitlisted", booking } : { kind: "held", booking };
}

/** A payment answer stored before outcomes were (HTTP 200 {booking, payment}, or 402 PAYMENT_DECLINED). */
export function paymentFromLegacy(status: number, body: unknown): PaidOutcome {
  if (status === 200) return { kind: "paid", ...(body as { booking: BookingView; payment: PaymentView }) };
  const details = (body as { error?: { details?: { paymentId: string; failureCode: string | null } } }).error?.details;
  if (status === 402 && details) return { kind: "declined", payment: { id: details.paymentId, failureCode: details.failureCode } };
  throw new Error(`unexpected stored payment answer: HTTP ${status}`);
}

/** The refusal a declined payment answers with, on every transport. */
export function declinedError(payment: { id: string; failureCode: string | null }): AppError {
  return new AppError("PAYMENT_DECLINED", undefined, { paymentId: payment.id, failureCode: payment.failureCode });
}

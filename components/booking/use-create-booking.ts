"use client";
// Sending the booking: checked first with the server's own schema (same messages, same dotted
// keys; booking-input.ts), then POST /api/v1/bookings with an Idempotency-Key that is reused only
// when the very same submission is retried after an unknown outcome. On 201 the passenger goes on
// to pay: for held seats, or for a place on the waiting list (same checkout).
import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import type { FieldErrors } from "@/lib/errors";
import type { BookingView, CreateBookingInput } from "@/lib/schemas/booking";
import { ApiError, AttemptKeys, apiRequest, isApiError } from "./api-client";
import { checkBooking, type BookingRequest } from "./booking-input";

export type { BookingRequest };

export interface Failure {
  message: string;
  code: string;
  /** Seats the server said were taken (SEAT_UNAVAILABLE). */
  seatIds: string[];
}

export function useCreateBooking(onSeatsTaken: (seatIds: string[]) => void, onBooked: () => void) {
  const router = useRouter();
  const keys = useRef(new AttemptKeys());
  const [pending, setPending] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<Failure | null>(null);
  /** Bumped on every failed submit, so the form can move focus to what needs fixing. */
  const [attempt, setAttempt] = useState(0);

  function fail(errors: FieldErrors, f: Failure | null) {
    setFieldErrors(errors);
    setFailure(f);
    setAttempt((n) => n + 1);
  }

  async function submit(request: BookingRequest): Promise<void> {
    const checked = checkBooking(request);
    if (!checked.ok) {
      fail(checked.fieldErrors, { code: checked.code, message: checked.message, seatIds: [] });
      return;
    }
    const body: CreateBookingInput = checked.input;
    setPending(true);
    setFailure(null);
    try {
      const booking = await apiRequest<BookingView>("/api/v1/bookings", { method: "POST", body, idempotencyKey: keys.current.keyFor(body) });
      keys.current.settle();
      onBooked();
      // Stay pending while the checkout page loads; the hold has started.
      router.push(`/bookings/${booking.pnr}/pay`);
    } catch (error) {
      setPending(false);
      const e: ApiError = isApiError(error) ? error : new ApiError(0, "NETWORK", "Something went wrong. Try again.");
      if (!e.outcomeUnknown) keys.current.settle();
      const seatIds = Array.isArray(e.details.seatIds) ? (e.details.seatIds as string[]) : [];
      if (e.code === "SEAT_UNAVAILABLE" || e.code === "SOLD_OUT") onSeatsTaken(seatIds);
      fail(e.code === "VALIDATION_FAILED" ? e.fieldErrors : {}, { code: e.code, message: e.message, seatIds });
    }
  }

  return { submit, pending, fieldErrors, failure, attempt };
}

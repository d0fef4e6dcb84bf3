"use client";
// Sending the booking: checked first with the server's own schema (same messages, same dotted
// keys), then POST /api/v1/bookings with an Idempotency-Key that is reused only when the very same
// submission is retried after an unknown outcome. On 201 the passenger goes on to pay: for held
// seats, or for a place on the waiting list (same checkout).
import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import type { FieldErrors } from "@/lib/errors";
import { createBookingSchema, type BookingView, type CreateBookingInput } from "@/lib/schemas/booking";
import { fieldErrorsFrom } from "@/lib/validation";
import { ApiError, AttemptKeys, apiRequest, isApiError } from "./api-client";
import type { PassengerDraft } from "./passenger-fields";

export interface BookingRequest {
  serviceId: string;
  from: string;
  to: string;
  classCode: string;
  quota: string;
  auto: boolean;
  passengers: PassengerDraft[];
  seatIds: string[];
  /** Sold out for the party: join the waiting list (seats are then chosen for you). */
  joinWaitlist?: boolean;
}

export interface Failure {
  message: string;
  code: string;
  /** Seats the server said were taken (SEAT_UNAVAILABLE). */
  seatIds: string[];
}

function toInput(r: BookingRequest): unknown {
  return {
    serviceId: r.serviceId,
    from: r.from,
    to: r.to,
    class: r.classCode,
    ...(r.quota !== "GENERAL" ? { quota: r.quota } : {}),
    passengers: r.passengers.map((p, i) => ({
      name: p.name,
      // An empty box is "missing", not age 0; letters stay text so the schema says what is wrong.
      age: p.age.trim() === "" ? undefined : /^\d+$/.test(p.age.trim()) ? Number(p.age.trim()) : p.age,
      ...(r.auto && p.berthPreference !== "NONE" ? { berthPreference: p.berthPreference } : {}),
      ...(!r.auto && r.seatIds[i] ? { seatId: r.seatIds[i] } : {}),
    })),
    ...(r.joinWaitlist ? { joinWaitlist: true } : {}),
  };
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
    if (!request.auto && request.seatIds.length !== request.passengers.length) {
      const n = request.passengers.length;
      fail({}, {
        code: "SEATS_NOT_CHOSEN",
        message: `Choose ${n} ${n === 1 ? "seat" : "seats"} on the map, one for each passenger (you have chosen ${request.seatIds.length}), or turn on "Choose seats for me".`,
        seatIds: [],
      });
      return;
    }
    const parsed = createBookingSchema.safeParse(toInput(request));
    if (!parsed.success) {
      fail(fieldErrorsFrom(parsed.error), { code: "VALIDATION_FAILED", message: "Some details are missing or not valid. Check the marked fields.", seatIds: [] });
      return;
    }
    const body: CreateBookingInput = parsed.data;
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

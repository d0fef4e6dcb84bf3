// The booking form's draft -> the API's body, and the check made before sending it. Pure (no React,
// no Prisma) so Vitest can cover it: the form reports every missing or wrong field at once, under
// the same dotted keys and with the same sentences the API would answer with.
import type { FieldErrors } from "@/lib/errors";
import { createBookingSchema, type CreateBookingInput } from "@/lib/schemas/booking";
import { fieldErrorsFrom } from "@/lib/validation";
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
  /** Seats chosen for the party must keep it together, or the hold is refused. */
  together?: boolean;
}

export type BookingCheck =
  | { ok: true; input: CreateBookingInput }
  | { ok: false; fieldErrors: FieldErrors; code: "SEATS_NOT_CHOSEN" | "VALIDATION_FAILED"; message: string };

/** A signed decimal as typed ("-3", "1.5"); anything else stays text. */
const NUMBER = /^[+-]?\d+(\.\d+)?$/;

/**
 * An empty box is "missing", not age 0. Numbers, negative or fractional ones too, go to the schema
 * as numbers so it says what is wrong with them ("Age cannot be negative."), not that none was given.
 */
export function ageOf(typed: string): number | string | undefined {
  const t = typed.trim();
  if (t === "") return undefined;
  return NUMBER.test(t) ? Number(t) : t;
}

export function bookingInput(r: BookingRequest): unknown {
  return {
    serviceId: r.serviceId,
    from: r.from,
    to: r.to,
    class: r.classCode,
    ...(r.quota !== "GENERAL" ? { quota: r.quota } : {}),
    passengers: r.passengers.map((p, i) => ({
      name: p.name,
      age: ageOf(p.age),
      ...(r.auto && p.berthPreference !== "NONE" ? { berthPreference: p.berthPreference } : {}),
      ...(!r.auto && r.seatIds[i] ? { seatId: r.seatIds[i] } : {}),
      ...(p.concession ? { concession: p.concession } : {}),
    })),
    ...(r.joinWaitlist ? { joinWaitlist: true } : {}),
    ...(r.auto && r.together && !r.joinWaitlist && r.passengers.length > 1 ? { together: true } : {}),
  };
}

const seatWord = (n: number) => `${n} ${n === 1 ? "seat" : "seats"}`;

/** Every problem at once: each passenger's name and age, and each missing seat next to that passenger. */
export function checkBooking(r: BookingRequest): BookingCheck {
  const n = r.passengers.length;
  const seatsWrong = !r.auto && r.seatIds.length !== n;
  // With seats still to pick, check the rest as if none were chosen, so the schema's "a seat for
  // every passenger, or none" does not repeat what the per-passenger seat messages already say.
  const parsed = createBookingSchema.safeParse(bookingInput(seatsWrong ? { ...r, seatIds: [] } : r));
  if (parsed.success && !seatsWrong) return { ok: true, input: parsed.data };

  const fieldErrors: FieldErrors = parsed.success ? {} : fieldErrorsFrom(parsed.error);
  if (seatsWrong) {
    r.passengers.forEach((_, i) => {
      if (!r.seatIds[i]) (fieldErrors[`passengers.${i}.seatId`] ??= []).push(`Pick a seat on the map for passenger ${i + 1}.`);
    });
  }
  const onlySeats = seatsWrong && parsed.success;
  return {
    ok: false,
    fieldErrors,
    code: onlySeats ? "SEATS_NOT_CHOSEN" : "VALIDATION_FAILED",
    message: onlySeats
      ? `Choose ${seatWord(n)} on the map, one for each passenger (you have chosen ${r.seatIds.length}), or turn on "Choose seats for me".`
      : "Some details are missing or not valid. Check the marked fields.",
  };
}

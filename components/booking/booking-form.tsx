"use client";
// Who travels and how their seats are chosen: 1-6 passengers, either the seats picked on the map
// (one per passenger, in the order picked) or "Choose seats for me" with a preference each.
// Shows the total, sends the booking and explains any refusal next to what caused it.
import { useEffect, useRef, useState } from "react";
import Link from "next/link";
import { formatMoney } from "@/lib/money";
import { MAX_PASSENGERS } from "@/lib/schemas/booking";
import { concessionFor, pricePassenger, type ConcessionTerms } from "@/lib/fares/concession-terms";
import { ageOf } from "./booking-input";
import { emptyPassenger, PassengerFields, type BerthPreference, type PassengerDraft } from "./passenger-fields";
import { useCreateBooking, type BookingRequest } from "./use-create-booking";
import { WaitlistOffer } from "./waitlist-offer";

interface Props {
  request: Omit<BookingRequest, "passengers" | "auto">;
  passengers: PassengerDraft[];
  onPassengersChange: (passengers: PassengerDraft[]) => void;
  auto: boolean;
  onAutoChange: (auto: boolean) => void;
  /** "Coach 7, seat 21, window" for a seat id, when the map knows it. */
  describeSeat: (seatId: string) => string | undefined;
  onSeatsTaken: (seatIds: string[]) => void;
  /** The hold exists: the seats now show as taken, by this passenger. */
  onBooked: () => void;
  preferences: BerthPreference[];
  concessions: ConcessionTerms[];
  fare: { amount: number; currency: string } | null;
  signInHref: string | null;
  /** Too few seats left for the party: offer the waiting list instead of a hold (seats chosen for you). */
  soldOut?: boolean;
}

const FIELD_KEY = /^passengers\.\d+\.(name|age|berthPreference|seatId|concession)$/;

/** A passenger's fare by the same rules the server charges with; null until the age (and concession) allow telling. */
function previewOf(fare: { amount: number; currency: string } | null, concessions: ConcessionTerms[], p: PassengerDraft) {
  const age = ageOf(p.age);
  if (!fare || typeof age !== "number" || !Number.isInteger(age) || age < 0) return null;
  const choice = concessionFor(concessions, { age, concession: p.concession || null });
  if (!choice.ok) return null;
  const price = pricePassenger(fare.amount, choice.concession);
  return { ...price, currency: fare.currency };
}

export function BookingForm(props: Props) {
  const { request, passengers, onPassengersChange, onAutoChange, describeSeat, onSeatsTaken, onBooked, preferences, concessions, fare, signInHref, soldOut = false } = props;
  const previews = passengers.map((p) => previewOf(fare, concessions, p));
  const allPriced = previews.every((p) => p !== null);
  const reduced = previews.some((p) => p?.concession);
  // The waiting list always chooses seats, so a sold-out class is booked as "choose for me".
  const auto = props.auto || soldOut;
  const form = useRef<HTMLFormElement>(null);
  const [together, setTogether] = useState(false);
  const { submit, pending, fieldErrors, failure, attempt } = useCreateBooking(onSeatsTaken, onBooked);

  useEffect(() => {
    if (attempt === 0) return;
    const target = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form.current?.querySelector<HTMLElement>("[data-form-alert]");
    target?.focus();
  }, [attempt]);

  const otherErrors = Object.entries(fieldErrors)
    .filter(([key]) => !FIELD_KEY.test(key))
    .flatMap(([, messages]) => messages);
  const takenNames = (failure?.seatIds ?? []).map(describeSeat).filter((s): s is string => Boolean(s));
  const failureMessage =
    failure?.code === "SEAT_UNAVAILABLE" && takenNames.length > 0
      ? `${takenNames.join(" and ")} ${takenNames.length === 1 ? "was" : "were"} just taken by someone else. Pick another seat on the map.`
      : failure?.message;

  function update(index: number, value: PassengerDraft) {
    onPassengersChange(passengers.map((p, i) => (i === index ? value : p)));
  }

  return (
    <form
      ref={form}
      noValidate
      aria-labelledby="booking-form-title"
      onSubmit={(event) => {
        event.preventDefault();
        if (!pending) void submit({ ...request, passengers, auto, joinWaitlist: soldOut, together });
      }}
      className="space-y-4 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-6"
    >
      <h2 id="booking-form-title" className="text-xl font-semibold text-brand-900">
        Passengers
      </h2>

      <label className={`flex cursor-pointer items-start gap-3 rounded-lg bg-brand-50 p-3 ${soldOut ? "hidden" : ""}`}>
        <input type="checkbox" checked={auto} onChange={(e) => onAutoChange(e.target.checked)} className="mt-1 h-5 w-5 accent-brand-600" />
        <span>
          <span className="block font-medium text-brand-900">Choose seats for me</span>
          <span className="block text-sm text-slate-700">
            {auto ? "We will seat your group together, following each passenger's preference where we can." : "You are picking seats on the map, one for each passenger."}
          </span>
        </span>
      </label>

      {auto && !soldOut && passengers.length > 1 && (
        <label className="flex cursor-pointer items-start gap-3 px-3">
          <input type="checkbox" checked={together} onChange={(e) => setTogether(e.target.checked)} className="mt-1 h-5 w-5 accent-brand-600" />
          <span>
            <span className="block font-medium text-slate-900">We must sit together</span>
            <span className="block text-sm text-slate-700">If no seats together are left, tell us instead of seating the group apart.</span>
          </span>
        </label>
      )}

      {passengers.map((p, i) => (
        <PassengerFields
          key={i}
          index={i}
          value={p}
          onChange={(value) => update(i, value)}
          errors={fieldErrors}
          seat={auto ? null : request.seatIds[i] ? describeSeat(request.seatIds[i]!) : undefined}
          preferences={auto ? preferences : null}
          onRemove={passengers.length > 1 ? () => onPassengersChange(passengers.filter((_, j) => j !== i)) : undefined}
          concessions={concessions}
          preview={previews[i] ?? null}
        />
      ))}

      {passengers.length < MAX_PASSENGERS && (
        <button
          type="button"
          onClick={() => onPassengersChange([...passengers, emptyPassenger()])}
          className="rounded-md border border-brand-600 px-3 py-2 text-sm font-medium text-brand-700 hover:bg-brand-50"
        >
          Add a passenger
        </button>
      )}

      {failureMessage && (
        <div role="alert" tabIndex={-1} data-form-alert className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-red-900">
          <p>{failureMessage}</p>
          {otherErrors.length > 0 && (
            <ul className="mt-1 list-disc pl-5 text-sm">
              {[...new Set(otherErrors)].map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          )}
          {failure?.code === "UNAUTHENTICATED" && signInHref && (
            <Link href={signInHref} className="mt-1 inline-block font-medium underline">
              Sign in
            </Link>
          )}
        </div>
      )}

      <div className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 pt-4">
        <p className="text-lg">
          Total{" "}
          <span className="font-semibold tabular-nums" data-testid="booking-total">
            {fare
              ? allPriced
                ? formatMoney(previews.reduce((sum, p) => sum + p!.fareMinor, 0), fare.currency)
                : formatMoney(fare.amount * passengers.length, fare.currency)
              : "—"}
          </span>
          <span className="block text-sm text-slate-600">
            {passengers.length} passenger{passengers.length > 1 ? "s" : ""}
            {fare && !reduced ? ` × ${formatMoney(fare.amount, fare.currency)}` : ""}
            {fare && reduced ? `, concessions applied (full fare ${formatMoney(fare.amount, fare.currency)})` : ""}
            {fare && !allPriced ? " before concessions: enter every age" : ""}
          </span>
        </p>
        {soldOut ? (
          <WaitlistOffer request={request} partySize={passengers.length} pending={pending} signedIn={!signInHref} />
        ) : null}
        {signInHref ? (
          <Link href={signInHref} className="rounded-md bg-brand-600 px-5 py-2.5 font-semibold text-white hover:bg-brand-700">
            Sign in to book
          </Link>
        ) : soldOut ? null : (
          <button
            type="submit"
            disabled={pending}
            className="rounded-md bg-brand-600 px-5 py-2.5 font-semibold text-white hover:bg-brand-700 disabled:cursor-wait disabled:opacity-70"
          >
            {pending ? "Holding your seats…" : "Hold seats and continue to payment"}
          </button>
        )}
      </div>
    </form>
  );
}

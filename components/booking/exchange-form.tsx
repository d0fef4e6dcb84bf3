"use client";
// Choosing the journey to change to, then seeing what the change costs (the server's quote: the new
// fares, the exchange fee, the fares already paid, the difference) before confirming. A card is
// asked for only when the difference is to be paid. One Idempotency-Key per attempt (reused only to
// repeat an attempt whose outcome is unknown), so a double click cannot exchange or charge twice.
import { useId, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { formatMoney } from "@/lib/money";
import { paymentSchema, type ExchangeQuoteView } from "@/lib/schemas/booking";
import { fieldErrorsFrom } from "@/lib/validation";
import { AttemptKeys, apiRequest, isApiError } from "./api-client";

export interface ExchangeOption {
  serviceId: string;
  label: string;
  times: string;
  from: string;
  to: string;
  classes: { code: string; name: string; available: number; fare: { amount: number; currency: string } }[];
  /** The train the booking is on now. */
  booked: boolean;
}

type Choice = { serviceId: string; from: string; to: string; class: string };
type Quote = { kind: "idle" } | { kind: "loading" } | { kind: "ready"; quote: ExchangeQuoteView } | { kind: "error"; message: string };

const money = (m: { amount: number; currency: string }) => formatMoney(m.amount, m.currency);

export function ExchangeForm({ pnr, options, passengers, bookedClass }: { pnr: string; options: ExchangeOption[]; passengers: number; bookedClass: string }) {
  const id = useId();
  const router = useRouter();
  const keys = useRef(new AttemptKeys());
  const [choice, setChoice] = useState<Choice | null>(null);
  const [quote, setQuote] = useState<Quote>({ kind: "idle" });
  const [card, setCard] = useState("");
  const [cardError, setCardError] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);

  async function choose(next: Choice) {
    setChoice(next);
    setAlert(null);
    setCardError(null);
    setQuote({ kind: "loading" });
    try {
      const q = await apiRequest<ExchangeQuoteView>(`/api/v1/bookings/${pnr}/exchange?${new URLSearchParams(next)}`);
      setQuote({ kind: "ready", quote: q });
    } catch (error) {
      setQuote({ kind: "error", message: isApiError(error) ? error.message : "We could not price this change. Try again." });
    }
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!choice || quote.kind !== "ready" || !quote.quote.exchangeable || pending) return;
    let cardNumber: string | undefined;
    if (quote.quote.cardNeeded) {
      const parsed = paymentSchema.safeParse({ cardNumber: card });
      if (!parsed.success) {
        setCardError(fieldErrorsFrom(parsed.error).cardNumber?.[0] ?? "Check the card number.");
        return;
      }
      cardNumber = parsed.data.cardNumber;
    }
    setCardError(null);
    setAlert(null);
    setPending(true);
    const body = { ...choice, ...(cardNumber ? { cardNumber } : {}) };
    try {
      await apiRequest(`/api/v1/bookings/${pnr}/exchange`, { method: "POST", body, idempotencyKey: keys.current.keyFor(body) });
      keys.current.settle();
      router.push(`/bookings/${pnr}?changed=1`);
      router.refresh();
    } catch (error) {
      setPending(false);
      if (!isApiError(error)) {
        setAlert("Something went wrong. Try again.");
        return;
      }
      if (!error.outcomeUnknown) keys.current.settle();
      if (error.fieldErrors.cardNumber) {
        setCardError(error.fieldErrors.cardNumber[0] ?? error.message);
        return;
      }
      setAlert(`${error.message} Your booking has not changed.`);
      requestAnimationFrame(() => alertRef.current?.focus());
    }
  }

  const q = quote.kind === "ready" ? quote.quote : null;
  return (
    <form noValidate onSubmit={submit} className="space-y-4">
      <fieldset className="space-y-3">
        <legend className="sr-only">Train and class</legend>
        {options.map((o) => (
          <div key={o.serviceId} className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
            <p className="font-semibold text-slate-900">
              {o.label} <span className="font-normal text-slate-700">{o.times}</span>
              {o.booked && <span className="ml-2 rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-700">your train now</span>}
            </p>
            <div className="mt-2 flex flex-wrap gap-2">
              {o.classes.map((c) => {
                const enough = c.available >= passengers;
                const value = `${o.serviceId}/${c.code}`;
                const current = o.booked && c.code === bookedClass;
                return (
                  <label
                    key={c.code}
                    className={`flex cursor-pointer items-center gap-2 rounded-md border px-3 py-2 text-sm ${enough && !current ? "border-slate-300 hover:bg-slate-50" : "cursor-not-allowed border-slate-200 text-slate-400"} has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50`}
                  >
                    <input
                      type="radio"
                      name={`${id}-choice`}
                      value={value}
                      disabled={!enough || current || pending}
                      checked={choice ? `${choice.serviceId}/${choice.class}` === value : false}
                      onChange={() => choose({ serviceId: o.serviceId, from: o.from, to: o.to, class: c.code })}
                    />
                    <span>
                      {c.name}: {money(c.fare)} each{" "}
                      <span className="text-slate-500">({current ? "booked now" : enough ? `${c.available} free` : "not enough seats"})</span>
                    </span>
                  </label>
                );
              })}
            </div>
          </div>
        ))}
      </fieldset>

      <div aria-live="polite" className="space-y-3">
        {quote.kind === "loading" && <p className="text-slate-600">Working out the price of this change…</p>}
        {quote.kind === "error" && <p role="alert" className="text-red-800">{quote.message}</p>}
        {q && !q.exchangeable && (
          <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">
            {q.refusal?.message ?? "This booking cannot be changed to that journey."}
          </p>
        )}
        {q?.exchangeable && q.price && (
          <section aria-label="Price of the change" className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
            <dl className="grid max-w-md grid-cols-[1fr_auto] gap-x-6 gap-y-1 text-sm">
              <dt>New fare ({passengers} {passengers === 1 ? "passenger" : "passengers"})</dt>
              <dd className="text-right tabular-nums">{money(q.price.newFare)}</dd>
              <dt>Exchange fee</dt>
              <dd className="text-right tabular-nums">{money(q.price.fee)}</dd>
              <dt>Already paid</dt>
              <dd className="text-right tabular-nums">−{money(q.price.credit)}</dd>
              <dt className="border-t border-slate-200 pt-1 font-semibold">{q.price.difference.amount >= 0 ? "To pay now" : "Refunded to your card"}</dt>
              <dd className="border-t border-slate-200 pt-1 text-right text-lg font-semibold tabular-nums" data-testid="exchange-difference">
                {money({ ...q.price.difference, amount: Math.abs(q.price.difference.amount) })}
              </dd>
            </dl>
          </section>
        )}
      </div>

      {q?.exchangeable && q.cardNeeded && (
        <div>
          <label htmlFor={`${id}-card`} className="block text-sm font-medium text-slate-800">
            Card number (sandbox: 4242 4242 4242 4242)
          </label>
          <input
            id={`${id}-card`}
            inputMode="numeric"
            autoComplete="cc-number"
            value={card}
            onChange={(e) => setCard(e.target.value)}
            aria-invalid={cardError ? true : undefined}
            aria-describedby={cardError ? `${id}-card-error` : undefined}
            className={`mt-1 block w-full max-w-sm rounded-md border bg-white px-3 py-2 font-mono shadow-sm ${cardError ? "border-red-600" : "border-slate-300"}`}
          />
          {cardError && <p id={`${id}-card-error`} className="mt-1 text-sm text-red-700">{cardError}</p>}
        </div>
      )}
      {alert && (
        <div ref={alertRef} role="alert" tabIndex={-1} className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-red-900">
          {alert}
        </div>
      )}
      <button
        type="submit"
        disabled={!q?.exchangeable || pending}
        className="rounded-md bg-brand-600 px-5 py-3 font-semibold text-white hover:bg-brand-700 disabled:cursor-not-allowed disabled:opacity-60"
      >
        {pending ? "Changing…" : "Confirm the change"}
      </button>
    </form>
  );
}

"use client";
// The card form of the checkout (a sandbox provider: the test cards are printed on the page).
// Each attempt gets its own Idempotency-Key, reused only when the same card is sent again after an
// unknown outcome, so a double click or a dropped connection can never charge twice.
import { useId, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { paymentSchema } from "@/lib/schemas/booking";
import { fieldErrorsFrom } from "@/lib/validation";
import { formatMoney } from "@/lib/money";
import { AttemptKeys, apiRequest, isApiError } from "./api-client";

interface Props {
  pnr: string;
  total: { amount: number; currency: string };
  disabled: boolean;
  onHoldExpired: () => void;
  waitlisted?: boolean;
}

export function PaymentForm({ pnr, total, disabled, onHoldExpired, waitlisted = false }: Props) {
  const id = useId();
  const router = useRouter();
  const keys = useRef(new AttemptKeys());
  const [card, setCard] = useState("");
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);

  async function pay(event: React.FormEvent) {
    event.preventDefault();
    if (pending || disabled) return;
    const parsed = paymentSchema.safeParse({ cardNumber: card });
    if (!parsed.success) {
      setFieldError(fieldErrorsFrom(parsed.error).cardNumber?.[0] ?? "Check the card number.");
      setAlert(null);
      input.current?.focus();
      return;
    }
    setFieldError(null);
    setAlert(null);
    setPending(true);
    try {
      await apiRequest(`/api/v1/bookings/${pnr}/payment`, { method: "POST", body: parsed.data, idempotencyKey: keys.current.keyFor(parsed.data) });
      keys.current.settle();
      router.push(`/bookings/${pnr}`);
      router.refresh();
    } catch (error) {
      setPending(false);
      if (!isApiError(error)) {
        setAlert("Something went wrong. Try again.");
        return;
      }
      if (!error.outcomeUnknown) keys.current.settle();
      if (error.code === "HOLD_EXPIRED") return onHoldExpired();
      if (error.code === "VALIDATION_FAILED") {
        setFieldError(error.fieldErrors.cardNumber?.[0] ?? error.message);
        input.current?.focus();
        return;
      }
      const kept = waitlisted ? "Your place on the waiting list is still kept" : "Your seats are still held";
      setAlert(error.code === "PAYMENT_DECLINED" ? `${error.message} ${kept}, so you can try another card.` : error.message);
      // Focus moves to the message so a screen-reader user hears why, then can Tab back to the card.
      requestAnimationFrame(() => alertRef.current?.focus());
    }
  }

  return (
    <form noValidate onSubmit={pay} aria-labelledby={`${id}-title`} className="space-y-4 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-6">
      <h2 id={`${id}-title`} className="text-xl font-semibold text-brand-900">
        Pay by card
      </h2>
      <div className="rounded-md bg-slate-50 p-3 text-sm text-slate-700 ring-1 ring-slate-200">
        <p className="font-semibold">Test cards</p>
        <p>
          This is a sandbox: no money moves. <span className="font-mono">4242 4242 4242 4242</span> succeeds,{" "}
          <span className="font-mono">4000 0000 0000 0002</span> is declined.
        </p>
      </div>
      <div>
        <label htmlFor={`${id}-card`} className="block text-sm font-medium text-slate-800">
          Card number
        </label>
        <input
          ref={input}
          id={`${id}-card`}
          inputMode="numeric"
          autoComplete="cc-number"
          placeholder="1234 5678 9012 3456"
          value={card}
          onChange={(e) => setCard(e.target.value)}
          disabled={disabled}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError ? `${id}-card-error` : undefined}
          className={`mt-1 block w-full max-w-sm rounded-md border bg-white px-3 py-2 font-mono text-base shadow-sm ${fieldError ? "border-red-600" : "border-slate-300"}`}
        />
        {fieldError && (
          <p id={`${id}-card-error`} className="mt-1 text-sm text-red-700">
            {fieldError}
          </p>
        )}
      </div>
      {alert && (
        <div ref={alertRef} role="alert" tabIndex={-1} className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-red-900">
          {alert}
        </div>
      )}
      <button
        type="submit"
        disabled={pending || disabled}
        className="w-full rounded-md bg-brand-600 px-5 py-3 font-semibold text-white hover:bg-brand-700 disabled:cursor-not-allowed disabled:opacity-60 sm:w-auto"
      >
        {pending ? "Paying…" : `Pay ${formatMoney(total.amount, total.currency)}`}
      </button>
    </form>
  );
}

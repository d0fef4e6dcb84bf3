"use client";
// "Cancel booking" (and "Cancel" beside one passenger): a modal dialog (the native <dialog>, which traps focus, closes on Escape and
// returns focus to the button) that first shows what cancelling now would refund, from the
// server's quote, and cancels only when the passenger confirms having seen that amount.
import { useId, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { formatMoney } from "@/lib/money";
import type { RefundQuoteView } from "@/lib/schemas/booking";
import { apiRequest, isApiError } from "./api-client";

type Money = { amount: number; currency: string };
/** What both quotes (a whole booking's, one passenger's) say: the refund, why, and under which rule. */
type Quote = Pick<RefundQuoteView, "refund" | "reason" | "rule" | "cancellable">;
type Step = { kind: "loading" } | { kind: "quote"; quote: Quote } | { kind: "cancelling"; quote: Quote } | { kind: "error"; message: string };

function explain(quote: Quote): string {
  const refund = formatMoney(quote.refund.amount, quote.refund.currency);
  switch (quote.reason) {
    case "NOT_PAID":
      return "You have not paid for this booking, so there is nothing to refund. Cancelling releases the held seats.";
    case "SERVICE_CANCELLED":
      return `The train was cancelled, so you get everything back: ${refund}.`;
    case "WAITLISTED":
      return `You have not been given a seat yet, so you get everything you paid back: ${refund}.`;
    case "NO_RULE":
      return `It is too close to departure for a refund under our rules. You will get back ${refund}.`;
    default: {
      const rule = quote.rule;
      const terms = rule
        ? ` (${rule.refundBasisPoints / 100}% of each fare${rule.fee.amount > 0 ? `, less a ${formatMoney(rule.fee.amount, rule.fee.currency)} fee per passenger` : ""})`
        : "";
      return `You will get back ${refund}${terms} to the card you paid with.`;
    }
  }
}

/**
 * Stays mounted when the page refreshes to show the cancelled booking, so the refund it was told
 * about stays on screen; `cancellable` hides the button once there is nothing left to cancel.
 */
export function CancelBooking({ pnr, cancellable }: { pnr: string; cancellable: boolean }) {
  return (
    <CancelDialog
      url={`/api/v1/bookings/${pnr}/cancel`}
      cancellable={cancellable}
      buttonLabel="Cancel booking"
      title={`Cancel booking ${pnr}?`}
      keepLabel="Keep booking"
      confirmLabel="Yes, cancel booking"
      done={(refund) => `Booking cancelled. ${refund.amount > 0 ? `${formatMoney(refund.amount, refund.currency)} will be refunded to your card.` : "There is no refund to make."}`}
      failure="We could not cancel the booking. Try again."
    />
  );
}

/** "Cancel this passenger": one of several stops travelling; the others keep their seats (a new ticket lists them). */
export function CancelPassenger({ pnr, position, name }: { pnr: string; position: number; name: string }) {
  return (
    <CancelDialog
      url={`/api/v1/bookings/${pnr}/passengers/${position}/cancel`}
      cancellable
      small
      buttonLabel="Cancel"
      buttonName={`Cancel ${name} only`}
      title={`Cancel ${name} only?`}
      note="The others keep their seats. Your ticket is issued again without this passenger: use the new one."
      keepLabel="Keep this passenger"
      confirmLabel={`Yes, cancel ${name}`}
      done={(refund) => `${name} cancelled. ${refund.amount > 0 ? `${formatMoney(refund.amount, refund.currency)} will be refunded to your card.` : "There is no refund to make."}`}
      failure="We could not cancel this passenger. Try again."
    />
  );
}

interface CancelDialogProps {
  /** GET: the quote; POST: the cancellation, answering `{ refund }`. */
  url: string;
  cancellable: boolean;
  buttonLabel: string;
  /** The button's accessible name where its visible label alone is ambiguous (contains the label). */
  buttonName?: string;
  small?: boolean;
  title: string;
  note?: string;
  keepLabel: string;
  confirmLabel: string;
  done: (refund: Money) => string;
  failure: string;
}

function CancelDialog({ url, cancellable, buttonLabel, buttonName, small, title, note, keepLabel, confirmLabel, done: doneText, failure }: CancelDialogProps) {
  const id = useId();
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [step, setStep] = useState<Step>({ kind: "loading" });
  const [done, setDone] = useState<Money | null>(null);

  async function open() {
    setStep({ kind: "loading" });
    dialog.current?.showModal();
    try {
      setStep({ kind: "quote", quote: await apiRequest<Quote>(url) });
    } catch (error) {
      setStep({ kind: "error", message: isApiError(error) ? error.message : "We could not work out the refund. Try again." });
    }
  }

  async function confirm(quote: Quote) {
    setStep({ kind: "cancelling", quote });
    try {
      const result = await apiRequest<{ refund: Money }>(url, { method: "POST" });
      setDone(result.refund);
      dialog.current?.close();
      router.refresh();
    } catch (error) {
      setStep({ kind: "error", message: isApiError(error) ? error.message : failure });
    }
  }

  if (done) {
    return (
      <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-emerald-900">
        {doneText(done)}
      </p>
    );
  }

  if (!cancellable) return null;
  const quote = step.kind === "quote" || step.kind === "cancelling" ? step.quote : null;
  return (
    <>
      <button
        type="button"
        onClick={open}
        aria-label={buttonName}
        className={`rounded-md border border-red-300 bg-white font-medium text-red-800 hover:bg-red-50 ${small ? "px-2 py-1 text-sm" : "px-4 py-2"}`}
      >
        {buttonLabel}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-body`}
        className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-xl p-0 text-left shadow-xl backdrop:bg-slate-900/50"
      >
        <div className="space-y-4 p-5">
          <h2 id={`${id}-title`} className="text-lg font-semibold text-slate-900">
            {title}
          </h2>
          <div id={`${id}-body`} aria-live="polite" className="space-y-2">
            {step.kind === "loading" && <p className="text-slate-600">Working out your refund…</p>}
            {step.kind === "error" && (
              <p role="alert" className="text-red-800">
                {step.message}
              </p>
            )}
            {quote && (
              <>
                <p className="text-2xl font-semibold" data-testid="refund-quote">
                  Refund: {formatMoney(quote.refund.amount, quote.refund.currency)}
                </p>
                <p className="text-slate-700">{quote.cancellable ? explain(quote) : "This can no longer be cancelled."}</p>
                {note && quote.cancellable && <p className="text-sm text-slate-600">{note}</p>}
              </>
            )}
          </div>
          <div className="flex flex-wrap justify-end gap-2">
            <button type="button" onClick={() => dialog.current?.close()} className="rounded-md border border-slate-300 px-4 py-2 font-medium text-slate-800 hover:bg-slate-50">
              {keepLabel}
            </button>
            {quote?.cancellable && (
              <button
                type="button"
                disabled={step.kind === "cancelling"}
                onClick={() => confirm(quote)}
                className="rounded-md bg-red-700 px-4 py-2 font-semibold text-white hover:bg-red-800 disabled:opacity-60"
              >
                {step.kind === "cancelling" ? "Cancelling…" : confirmLabel}
              </button>
            )}
          </div>
        </div>
      </dialog>
    </>
  );
}

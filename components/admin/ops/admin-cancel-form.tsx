"use client";
// "Cancel with refund" for an operator: the refund the rules give now is shown first, with the
// option of a full refund as goodwill; the amount on the button is the one that will be refunded.
// The server refuses (and shows the new figure) if that amount changed before the press.
import { useState } from "react";
import { formatMoney } from "@/lib/money";
import type { AdminCancelQuote } from "@/lib/schemas/admin-ops-views";
import { cancelOnBehalfAction } from "@/app/admin/bookings/[pnr]/actions";
import { FormAlert, SubmitButton, TextField } from "@/components/auth/form-controls";
import { CheckboxField } from "@/components/admin/fields";
import { useAdminForm } from "@/components/admin/use-admin-form";

const WHY: Record<string, string> = {
  PAID_FARE_RULE: "per the refund rules for the time left before departure",
  NOT_PAID: "nothing was paid",
  SERVICE_CANCELLED: "the train is cancelled, so everything paid comes back",
  NO_RULE: "too close to departure for a refund under the rules",
  WAITLISTED: "a waiting-list place is refunded in full",
};

export function AdminCancelForm({ pnr, quote }: { pnr: string; quote: AdminCancelQuote }) {
  const { state, pending, formRef, onSubmit, errors } = useAdminForm(cancelOnBehalfAction);
  const [full, setFull] = useState(false);
  const refund = full ? quote.full : quote.byRules;
  const money = (m: { amount: number; currency: string }) => formatMoney(m.amount, m.currency);
  if (!quote.cancellable) return state.status === "success" ? <FormAlert state={state} /> : null;

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4" aria-describedby={`${pnr}-quote`}>
      <FormAlert state={state} />
      <input type="hidden" name="pnr" value={pnr} />
      <input type="hidden" name="expectedRefundMinor" value={refund.amount} />
      <dl id={`${pnr}-quote`} className="grid gap-2 text-sm sm:grid-cols-2">
        <div className="rounded-md bg-slate-50 p-3">
          <dt className="font-medium text-slate-700">By the rules</dt>
          <dd className="text-lg font-semibold tabular-nums text-slate-900" data-testid="refund-by-rules">
            {money(quote.byRules)}
          </dd>
          <dd className="text-slate-600">{WHY[quote.reason] ?? quote.reason} ({quote.hoursBeforeDeparture} h before departure)</dd>
        </div>
        <div className="rounded-md bg-slate-50 p-3">
          <dt className="font-medium text-slate-700">Full refund</dt>
          <dd className="text-lg font-semibold tabular-nums text-slate-900">{money(quote.full)}</dd>
          <dd className="text-slate-600">Everything paid and not yet refunded</dd>
        </div>
      </dl>
      <CheckboxField name="fullRefund" label="Give a full refund (operator goodwill)" checked={full} onChange={(e) => setFull(e.currentTarget.checked)} errors={errors.fullRefund} />
      <TextField name="reason" label="Note for the passenger and the history (optional)" maxLength={200} defaultValue={state.values?.reason ?? ""} errors={errors.reason} />
      {errors.expectedRefundMinor ? <p className="text-sm text-red-700">{errors.expectedRefundMinor.join(" ")}</p> : null}
      <SubmitButton pending={pending} pendingText="Cancelling…">
        {`Cancel booking and refund ${money(refund)}`}
      </SubmitButton>
    </form>
  );
}

"use client";
// A rule set as one editable list, saved together (unchanged thresholds keep their history row):
// refund rules, "cancelled at least H hours before departure: P % back, less a fee", and exchange
// rules, "changed at least H hours before departure: a fee per passenger".
import { useState } from "react";
import type { ActionState } from "@/lib/action-state";
import { MAX_REFUND_RULES } from "@/lib/schemas/admin-pricing";
import { exchangeRulesAction, refundRulesAction } from "@/app/admin/pricing/actions";
import { FormAlert, SubmitButton, TextField } from "@/components/auth/form-controls";
import { useAdminForm } from "./use-admin-form";
import { GroupError } from "./fields";
import { rowButton, useEditableRows } from "./editable-rows";

export interface RuleDraft {
  minHoursBefore: string;
  /** Refund rules only. */
  refundPercent: string;
  fee: string;
}

const KINDS = {
  refund: { action: refundRulesAction, save: "Save refund rules" },
  exchange: { action: exchangeRulesAction, save: "Save exchange rules" },
} as const;

export function RefundRulesForm({ currency, initial, kind = "refund" }: { currency: string; initial: RuleDraft[]; kind?: keyof typeof KINDS }) {
  const { state, pending, formRef, onSubmit } = useAdminForm(KINDS[kind].action);
  const refund = kind === "refund";
  const [reshapedAfter, setReshapedAfter] = useState<ActionState | null>(null);
  const { rows, update, remove, add, announcement, focusRef } = useEditableRows(initial.length ? initial : [{ minHoursBefore: "0", refundPercent: "0", fee: "0.00" }], () => setReshapedAfter(state));
  const errors = reshapedAfter === state ? {} : (state.fieldErrors ?? {});

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3">
      <FormAlert state={state} />
      <input type="hidden" name="currency" value={currency} />
      <GroupError id={`${kind}-rules-error`} errors={errors.rules} />
      <ol className="space-y-3">
        {rows.map((row, i) => (
          <li key={row.key} ref={focusRef(`${row.key}:hours`)}>
            <fieldset className="rounded-lg border border-slate-200 bg-slate-50 p-3">
              <legend className="px-1 font-semibold text-slate-800">{`Rule ${i + 1}`}</legend>
              <div className="grid gap-3 sm:grid-cols-3">
                <TextField name={`rules.${i}.minHoursBefore`} label="At least (hours before)" inputMode="numeric" value={row.minHoursBefore} onChange={(e) => update(row.key, { minHoursBefore: e.target.value })} errors={errors[`rules.${i}.minHoursBefore`]} />
                {refund && (
                  <TextField name={`rules.${i}.refundPercent`} label="Refunded (%)" inputMode="decimal" value={row.refundPercent} onChange={(e) => update(row.key, { refundPercent: e.target.value })} errors={errors[`rules.${i}.refundPercent`]} />
                )}
                <TextField name={`rules.${i}.fee`} label={`Fee per passenger (${currency})`} inputMode="decimal" value={row.fee} onChange={(e) => update(row.key, { fee: e.target.value })} errors={errors[`rules.${i}.fee`]} />
              </div>
              <button type="button" className={`${rowButton} mt-3`} disabled={rows.length <= 1} onClick={() => remove(i, () => `Rule ${i + 1} removed.`, `add-${kind}-rule`)} aria-label={`Remove rule ${i + 1}`}>
                Remove
              </button>
            </fieldset>
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap gap-3">
        <button ref={focusRef(`add-${kind}-rule`)} type="button" className={rowButton} disabled={rows.length >= MAX_REFUND_RULES} onClick={() => add({ minHoursBefore: "", refundPercent: "", fee: "0.00" }, undefined, `Rule ${rows.length + 1} added.`, "hours")}>
          Add a rule
        </button>
        <SubmitButton pending={pending} pendingText="Saving…">
          {KINDS[kind].save}
        </SubmitButton>
      </div>
      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </form>
  );
}

"use client";
// One concession's discount. Saving opens a new discount from now and closes the old one; the
// page's history table shows both (lib/admin/network/concessions.ts, docs/decisions/041).
import { basisPointsToPercent } from "@/lib/schemas/admin-pricing";
import { concessionDiscountAction } from "@/app/admin/pricing/actions";
import { FormAlert, SubmitButton, TextField } from "@/components/auth/form-controls";
import { useAdminForm } from "./use-admin-form";

interface Props {
  code: string;
  name: string;
  currentBasisPoints: number | null;
}

export function ConcessionDiscountForm({ code, name, currentBasisPoints }: Props) {
  const { state, pending, formRef, onSubmit, errors } = useAdminForm(concessionDiscountAction);
  const value = state.values?.discount ?? (currentBasisPoints === null ? "" : basisPointsToPercent(currentBasisPoints));

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3" aria-label={`${name} discount`}>
      <FormAlert state={state} />
      <input type="hidden" name="concessionCode" value={code} />
      <div className="max-w-xs">
        <TextField name="discount" label="Discount (% off the fare)" inputMode="decimal" defaultValue={value} errors={errors.discount} />
      </div>
      <SubmitButton pending={pending} pendingText="Saving…">
        {`Save ${name} discount`}
      </SubmitButton>
    </form>
  );
}

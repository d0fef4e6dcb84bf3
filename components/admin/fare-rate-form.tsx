"use client";
// One class's fare terms. Saving opens a new rate from now and closes the old one; the page's
// history table shows both (lib/admin/network/fares.ts).
import { minorToInput } from "@/lib/schemas/admin-pricing";
import { changeFareAction } from "@/app/admin/pricing/actions";
import { FormAlert, SubmitButton, TextField } from "@/components/auth/form-controls";
import { useAdminForm } from "./use-admin-form";

interface Props {
  classCode: string;
  className: string;
  current: { baseMinor: number; perKmMinor: number; minMinor: number; currency: string } | null;
}

export function FareRateForm({ classCode, className, current }: Props) {
  const { state, pending, formRef, onSubmit, errors } = useAdminForm(changeFareAction);
  const currency = current?.currency ?? "PLN";
  const value = (field: "base" | "perKm" | "min", minor: number | undefined) => state.values?.[field] ?? (minor === undefined ? "" : minorToInput(minor));

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3" aria-label={`${className} fares`}>
      <FormAlert state={state} />
      <input type="hidden" name="classCode" value={classCode} />
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField name="base" label={`Base fare (${currency})`} inputMode="decimal" defaultValue={value("base", current?.baseMinor)} errors={errors.base} />
        <TextField name="perKm" label={`Per km (${currency})`} inputMode="decimal" defaultValue={value("perKm", current?.perKmMinor)} errors={errors.perKm} />
        <TextField name="min" label={`Minimum fare (${currency})`} inputMode="decimal" defaultValue={value("min", current?.minMinor)} errors={errors.min} />
      </div>
      <SubmitButton pending={pending} pendingText="Saving…">
        {`Save ${className.toLowerCase()} fares`}
      </SubmitButton>
    </form>
  );
}

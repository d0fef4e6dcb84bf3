"use client";
// Generate a train's services over a date range on chosen days of the week. Running it again over
// the same dates is harmless: dates that have a service are skipped and reported.
import { WEEKDAYS } from "@/lib/schemas/admin-network";
import { generateServicesAction } from "@/app/admin/services/actions";
import { FormAlert, SubmitButton, TextField } from "@/components/auth/form-controls";
import { useAdminForm } from "./use-admin-form";
import { GroupError, SelectField } from "./fields";

interface Props {
  trains: { id: string; number: string; name: string; active: boolean }[];
  trainId?: string;
  from: string;
  to: string;
}

export function GenerateServicesForm({ trains, trainId, from, to }: Props) {
  const { state, pending, formRef, onSubmit, errors } = useAdminForm(generateServicesAction);
  const v = state.values;
  // After a submit, the boxes show what was sent; on first render every day is ticked.
  const checked = (day: number) => (v ? v[`day${day}`] === "on" : true);

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4">
      <FormAlert state={state} />
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField
          name="trainId"
          label="Train"
          placeholder="Choose a train"
          defaultValue={v?.trainId ?? trainId ?? ""}
          options={trains.map((t) => ({ value: t.id, label: `${t.number} ${t.name}${t.active ? "" : " (withdrawn)"}` }))}
          errors={errors.trainId}
        />
        <TextField name="from" label="First date" type="date" defaultValue={v?.from ?? from} errors={errors.from} />
        <TextField name="to" label="Last date" type="date" defaultValue={v?.to ?? to} errors={errors.to} />
      </div>
      <fieldset aria-describedby={errors.weekdays ? "weekdays-error" : undefined}>
        <legend className="text-sm font-medium text-slate-800">Runs on</legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-2">
          {WEEKDAYS.map((w) => (
            <label key={w.day} className="flex items-center gap-1.5 text-sm">
              <input type="checkbox" name={`day${w.day}`} defaultChecked={checked(w.day)} className="h-5 w-5 rounded border-slate-400" />
              <span aria-hidden="true">{w.short}</span>
              <span className="sr-only">{w.name}</span>
            </label>
          ))}
        </div>
        <GroupError id="weekdays-error" errors={errors.weekdays} />
      </fieldset>
      <SubmitButton pending={pending} pendingText="Generating…">
        Generate services
      </SubmitButton>
    </form>
  );
}

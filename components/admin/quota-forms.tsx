"use client";
// Quota forms: who a quota admits (a minimum age), a train's standing pools (for services generated
// from now on) and moving free seats between General and a pool on one existing service.
import { QUOTA_MOVE_DIRECTIONS } from "@/lib/schemas/admin-pricing";
import { moveSeatsAction, quotaRuleAction, trainQuotaAction } from "@/app/admin/pricing/actions";
import { FormAlert, SubmitButton, TextField } from "@/components/auth/form-controls";
import { useAdminForm } from "./use-admin-form";
import { SelectField } from "./fields";

type Option = { value: string; label: string };

export function TrainQuotaForm({ trainId, classes, quotas }: { trainId: string; classes: Option[]; quotas: Option[] }) {
  const { state, pending, formRef, onSubmit, errors } = useAdminForm(trainQuotaAction);
  const v = state.values;
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3">
      <FormAlert state={state} />
      <input type="hidden" name="trainId" value={trainId} />
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField name="classCode" label="Class" defaultValue={v?.classCode ?? classes[0]?.value} options={classes} errors={errors.classCode} />
        <SelectField name="quotaCode" label="Quota" defaultValue={v?.quotaCode ?? quotas[0]?.value} options={quotas} errors={errors.quotaCode} />
        <TextField name="seatCount" label="Seats in the pool" inputMode="numeric" defaultValue={v?.seatCount ?? ""} hint="0 removes the pool." errors={errors.seatCount} />
      </div>
      <SubmitButton pending={pending} pendingText="Saving…">
        Save pool
      </SubmitButton>
    </form>
  );
}

export function MoveSeatsForm({ serviceId, classes, quotas }: { serviceId: string; classes: Option[]; quotas: Option[] }) {
  const { state, pending, formRef, onSubmit, errors } = useAdminForm(moveSeatsAction);
  const v = state.values;
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3">
      <FormAlert state={state} />
      <input type="hidden" name="serviceId" value={serviceId} />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField name="classCode" label="Class" defaultValue={v?.classCode ?? classes[0]?.value} options={classes} errors={errors.classCode} />
        <SelectField name="quotaCode" label="Pool" defaultValue={v?.quotaCode ?? quotas[0]?.value} options={quotas} errors={errors.quotaCode} />
        <SelectField name="direction" label="Direction" defaultValue={v?.direction ?? "INTO_POOL"} options={QUOTA_MOVE_DIRECTIONS} errors={errors.direction} />
        <TextField name="count" label="Seats to move" inputMode="numeric" defaultValue={v?.count ?? ""} hint="Only seats nobody holds on any part of the journey move." errors={errors.count} />
      </div>
      <SubmitButton pending={pending} pendingText="Moving…">
        Move seats
      </SubmitButton>
    </form>
  );
}

export function QuotaRuleForm({ quotas }: { quotas: Option[] }) {
  const { state, pending, formRef, onSubmit, errors } = useAdminForm(quotaRuleAction);
  const v = state.values;
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3">
      <FormAlert state={state} />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField name="quotaCode" label="Quota" defaultValue={v?.quotaCode ?? quotas[0]?.value} options={quotas} errors={errors.quotaCode} />
        <TextField
          name="minAge"
          label="Minimum age of every traveller"
          inputMode="numeric"
          defaultValue={v?.minAge ?? ""}
          hint="Leave empty to admit anyone."
          errors={errors.minAge}
        />
      </div>
      <SubmitButton pending={pending} pendingText="Saving…">
        Save rule
      </SubmitButton>
    </form>
  );
}

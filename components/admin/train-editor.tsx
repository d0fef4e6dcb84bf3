"use client";
// The train form: details, stops and coaches, saved together (lib/admin/network/save-train.ts).
// Row errors are hidden once the rows are added to, removed or reordered after a failed save:
// they name rows by position, which no longer points at the same row.
import { useEffect, useRef, useState } from "react";
import type { ActionState } from "@/lib/action-state";
import { TRAIN_TYPES } from "@/lib/schemas/admin-train";
import { createTrainAction, updateTrainAction } from "@/app/admin/trains/actions";
import { FormAlert, SubmitButton, TextField } from "@/components/auth/form-controls";
import { useAdminForm } from "./use-admin-form";
import { CheckboxField, SelectField } from "./fields";
import { rowsFromValues } from "./editable-rows";
import { STOP_FIELDS, TrainStopsEditor, emptyStop, type StopDraft } from "./train-stops-editor";
import { COACH_FIELDS, TrainCoachesEditor, type CoachDraft } from "./train-coaches-editor";
import { ExistingServicesChoice, type GeneratedServices } from "./existing-services-choice";

interface Props {
  trainId?: string;
  /** Flat field values to start from ("number", "stops.0.stationId", ...). */
  values: Record<string, string>;
  stations: { id: string; code: string; name: string; timeZone: string }[];
  coachTypes: { id: string; code: string; name: string; classCode: string; seats: number }[];
  /** Coming services of the train being edited, if any: the editor asks what new times do to them. */
  generated?: GeneratedServices | null;
}

export function TrainEditor({ trainId, values, stations, coachTypes, generated }: Props) {
  const { state, pending, formRef, onSubmit, errors } = useAdminForm(trainId ? updateTrainAction : createTrainAction);
  // "Saved" is said next to the button the operator just pressed, and focused there, not at the top
  // of a long form; errors still go to the field that holds them (useFocusOnError).
  const savedRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (state.status === "success") savedRef.current?.focus();
  }, [state]);
  const [reshapedAfter, setReshapedAfter] = useState<ActionState | null>(null);
  const rowErrors = reshapedAfter === state ? {} : errors;
  const reshaped = () => setReshapedAfter(state);
  const detail = (field: string) => state.values?.[field] ?? values[field] ?? "";

  const stops: StopDraft[] = rowsFromValues(values, "stops", STOP_FIELDS);
  const coaches: CoachDraft[] = rowsFromValues(values, "coaches", COACH_FIELDS);

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-6">
      {state.status === "error" ? <FormAlert state={state} /> : null}
      {trainId ? <input type="hidden" name="id" value={trainId} /> : null}
      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold">Details</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField name="number" label="Train number" required maxLength={20} defaultValue={detail("number")} hint="Like EIC 5300." errors={errors.number} />
          <TextField name="name" label="Name" required maxLength={100} defaultValue={detail("name")} errors={errors.name} />
          <SelectField name="type" label="Type" defaultValue={detail("type") || "INTERCITY"} options={TRAIN_TYPES} errors={errors.type} />
          <CheckboxField className="self-end pb-2" name="active" label="Active (offered when services are generated)" defaultChecked={detail("active") === "on"} errors={errors.active} />
        </div>
      </fieldset>
      <TrainStopsEditor initial={stops.length >= 2 ? stops : [emptyStop(), emptyStop()]} stations={stations} errors={rowErrors} onStructureChange={reshaped} />
      <TrainCoachesEditor initial={coaches.length > 0 ? coaches : [{ coachTypeId: "", label: "" }]} coachTypes={coachTypes} errors={rowErrors} onStructureChange={reshaped} />
      {/* Keyed by the answer, so a saved form starts the next edit with nothing chosen. */}
      {generated ? <ExistingServicesChoice key={state.status === "success" ? String(state.message) : "edit"} generated={generated} errors={errors.existingServices} /> : null}
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={pending} pendingText="Saving…">
          {trainId ? "Save train" : "Create train"}
        </SubmitButton>
        {state.status === "success" && state.message ? (
          <p ref={savedRef} role="status" tabIndex={-1} data-testid="train-saved" className="flex-1 rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-800">
            {state.message}
          </p>
        ) : null}
      </div>
    </form>
  );
}

"use client";
// Create or edit a station. The time zone field suggests the IANA names the runtime knows; the
// server accepts only those (lib/schemas/admin-network.ts canonicalTimeZone).
import { useActionState, useId, useState } from "react";
import { initialActionState } from "@/lib/action-state";
import { createStationAction, deleteStationAction, updateStationAction } from "@/app/admin/stations/actions";
import { FormAlert, SubmitButton, TextField } from "@/components/auth/form-controls";
import { useAdminForm } from "./use-admin-form";

interface Station {
  id: string;
  code: string;
  name: string;
  city: string;
  timeZone: string;
  minChangeMinutes: number;
}

/** `defaultZone`: a new station's zone until the operator picks one (OPERATOR_TIME_ZONE, from the server page). */
export function StationForm({ station, zones, defaultZone }: { station?: Station; zones: string[]; defaultZone: string }) {
  const { state, pending, formRef, onSubmit } = useAdminForm(station ? updateStationAction : createStationAction);
  const listId = useId();
  const errors = state.fieldErrors ?? {};
  const value = (field: keyof Omit<Station, "id">) =>
    state.values?.[field] ?? (station ? String(station[field]) : field === "timeZone" ? defaultZone : field === "minChangeMinutes" ? "8" : "");

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4">
      <FormAlert state={state} />
      {station ? <input type="hidden" name="id" value={station.id} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="code" label="Code" required maxLength={8} autoCapitalize="characters" defaultValue={value("code")} hint="2 to 8 letters or digits, used in links and the API." errors={errors.code} />
        <TextField name="name" label="Station name" required maxLength={100} defaultValue={value("name")} errors={errors.name} />
        <TextField name="city" label="City" required maxLength={100} defaultValue={value("city")} errors={errors.city} />
        <TextField
          name="timeZone"
          label="Time zone"
          required
          list={listId}
          autoComplete="off"
          defaultValue={value("timeZone")}
          hint="IANA name, e.g. Europe/Warsaw. Times at this station are shown on its clock."
          errors={errors.timeZone}
        />
        <TextField
          name="minChangeMinutes"
          label="Minimum change time (minutes)"
          required
          inputMode="numeric"
          defaultValue={value("minChangeMinutes")}
          hint="The fewest minutes between arriving on one train and leaving on another here. Search offers no change shorter than this."
          errors={errors.minChangeMinutes}
        />
        <datalist id={listId}>
          {zones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
      </div>
      <SubmitButton pending={pending} pendingText="Saving…">
        {station ? "Save station" : "Create station"}
      </SubmitButton>
    </form>
  );
}

/** Deleting takes a second, explicit press; the server still refuses a station in use. */
export function DeleteStation({ id, name }: { id: string; name: string }) {
  const [state, action, pending] = useActionState(deleteStationAction, initialActionState);
  const [confirming, setConfirming] = useState(false);
  return (
    <form action={action} className="space-y-3">
      <FormAlert state={state} />
      <input type="hidden" name="id" value={id} />
      {confirming ? (
        <div className="flex flex-wrap gap-2">
          <button type="submit" disabled={pending} className="rounded-md bg-red-700 px-4 py-2 font-semibold text-white hover:bg-red-800 disabled:opacity-70">
            {pending ? "Deleting…" : `Yes, delete ${name}`}
          </button>
          <button type="button" onClick={() => setConfirming(false)} className="rounded-md border border-slate-300 bg-white px-4 py-2 font-medium hover:bg-slate-50">
            Keep it
          </button>
        </div>
      ) : (
        <button type="button" onClick={() => setConfirming(true)} className="rounded-md border border-red-300 bg-white px-4 py-2 font-medium text-red-800 hover:bg-red-50">
          Delete station…
        </button>
      )}
    </form>
  );
}

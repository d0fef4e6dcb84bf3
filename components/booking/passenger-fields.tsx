"use client";
// One passenger's fields. Errors come keyed by the API's dotted paths ("passengers.0.name") and are
// shown under the field they belong to, linked with aria-describedby so they are read with it.
import { useId } from "react";
import type { FieldErrors } from "@/lib/errors";
import type { BERTH_PREFERENCES } from "@/lib/schemas/booking";

export type BerthPreference = (typeof BERTH_PREFERENCES)[number];

export interface PassengerDraft {
  name: string;
  /** Kept as typed; converted (and validated) when the form is sent. */
  age: string;
  berthPreference: BerthPreference;
}

export const emptyPassenger = (): PassengerDraft => ({ name: "", age: "", berthPreference: "NONE" });

const PREFERENCE_LABELS: Record<BerthPreference, string> = {
  NONE: "No preference",
  LOWER: "Lower berth",
  MIDDLE: "Middle berth",
  UPPER: "Upper berth",
  SIDE_LOWER: "Side lower berth",
  SIDE_UPPER: "Side upper berth",
  WINDOW: "Window seat",
  AISLE: "Aisle seat",
};

interface Props {
  index: number;
  value: PassengerDraft;
  onChange: (value: PassengerDraft) => void;
  errors: FieldErrors;
  /** The seat chosen on the map for this passenger, in words; null when seats are allocated for them. */
  seat: string | null | undefined;
  /** Preferences that make sense for this class (berths in a sleeper, window/aisle in a saloon); null hides the select. */
  preferences: BerthPreference[] | null;
  onRemove?: () => void;
}

function FieldError({ id, messages }: { id: string; messages?: string[] }) {
  if (!messages?.length) return null;
  return (
    <p id={id} className="mt-1 text-sm text-red-700">
      {messages.join(" ")}
    </p>
  );
}

export function PassengerFields({ index, value, onChange, errors, seat, preferences, onRemove }: Props) {
  const id = useId();
  const key = (field: string) => `passengers.${index}.${field}`;
  const nameErrors = errors[key("name")];
  const ageErrors = errors[key("age")];
  const prefErrors = errors[key("berthPreference")] ?? errors[key("seatId")];
  const inputClass = (invalid: boolean) =>
    `mt-1 block w-full rounded-md border bg-white px-3 py-2 text-base shadow-sm ${invalid ? "border-red-600" : "border-slate-300"}`;

  return (
    <fieldset className="rounded-lg border border-slate-200 p-3 sm:p-4" data-passenger={index + 1}>
      <legend className="px-1 font-semibold text-brand-900">Passenger {index + 1}</legend>
      <div className="grid gap-3 sm:grid-cols-[1fr_6rem_12rem]">
        <div>
          <label htmlFor={`${id}-name`} className="block text-sm font-medium text-slate-800">
            Full name
          </label>
          <input
            id={`${id}-name`}
            autoComplete={index === 0 ? "name" : "off"}
            value={value.name}
            onChange={(e) => onChange({ ...value, name: e.target.value })}
            aria-invalid={nameErrors ? true : undefined}
            aria-describedby={nameErrors ? `${id}-name-error` : undefined}
            className={inputClass(Boolean(nameErrors))}
          />
          <FieldError id={`${id}-name-error`} messages={nameErrors} />
        </div>
        <div>
          <label htmlFor={`${id}-age`} className="block text-sm font-medium text-slate-800">
            Age
          </label>
          <input
            id={`${id}-age`}
            inputMode="numeric"
            value={value.age}
            onChange={(e) => onChange({ ...value, age: e.target.value })}
            aria-invalid={ageErrors ? true : undefined}
            aria-describedby={ageErrors ? `${id}-age-error` : undefined}
            className={inputClass(Boolean(ageErrors))}
          />
          <FieldError id={`${id}-age-error`} messages={ageErrors} />
        </div>
        {preferences ? (
          <div>
            <label htmlFor={`${id}-pref`} className="block text-sm font-medium text-slate-800">
              Preference
            </label>
            <select
              id={`${id}-pref`}
              value={value.berthPreference}
              onChange={(e) => onChange({ ...value, berthPreference: e.target.value as BerthPreference })}
              aria-invalid={prefErrors ? true : undefined}
              aria-describedby={prefErrors ? `${id}-pref-error` : undefined}
              className={inputClass(Boolean(prefErrors))}
            >
              {preferences.map((p) => (
                <option key={p} value={p}>
                  {PREFERENCE_LABELS[p]}
                </option>
              ))}
            </select>
            <FieldError id={`${id}-pref-error`} messages={prefErrors} />
          </div>
        ) : (
          <div>
            <p className="block text-sm font-medium text-slate-800">Seat</p>
            <p className={`mt-1 py-2 text-sm ${seat ? "font-medium text-brand-900" : "text-slate-500"}`} data-seat-for={index + 1}>
              {seat ?? "Pick one on the map"}
            </p>
            <FieldError id={`${id}-pref-error`} messages={prefErrors} />
          </div>
        )}
      </div>
      {onRemove && (
        <button type="button" onClick={onRemove} className="mt-3 text-sm font-medium text-red-700 underline underline-offset-2 hover:text-red-900">
          Remove passenger {index + 1}
        </button>
      )}
    </fieldset>
  );
}

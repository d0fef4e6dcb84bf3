"use client";
// One passenger's fields. Errors come keyed by the API's dotted paths ("passengers.0.name") and are
// shown under the field they belong to, linked with aria-describedby so they are read with it.
import { useId } from "react";
import type { FieldErrors } from "@/lib/errors";
import type { BERTH_PREFERENCES } from "@/lib/schemas/booking";
import { formatMoney } from "@/lib/money";
import { ageBandText, discountText, type ConcessionTerms } from "@/lib/fares/concession-terms";

export type BerthPreference = (typeof BERTH_PREFERENCES)[number];

export interface PassengerDraft {
  name: string;
  /** Kept as typed; converted (and validated) when the form is sent. */
  age: string;
  berthPreference: BerthPreference;
  /** A concession code, or "" for none (the full fare, or a child's reduction by age). */
  concession: string;
}

export const emptyPassenger = (): PassengerDraft => ({ name: "", age: "", berthPreference: "NONE", concession: "" });

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
  concessions: ConcessionTerms[];
  /** This passenger's fare as the server would charge it now, when the age and concession allow telling. */
  preview: { fareMinor: number; fullFareMinor: number; currency: string; concession: ConcessionTerms | null } | null;
}

function FieldError({ id, messages }: { id: string; messages?: string[] }) {
  if (!messages?.length) return null;
  return (
    <p id={id} className="mt-1 text-sm text-red-700">
      {messages.join(" ")}
    </p>
  );
}

export function PassengerFields({ index, value, onChange, errors, seat, preferences, onRemove, concessions, preview }: Props) {
  const id = useId();
  const key = (field: string) => `passengers.${index}.${field}`;
  const nameErrors = errors[key("name")];
  const ageErrors = errors[key("age")];
  const prefErrors = errors[key("berthPreference")] ?? errors[key("seatId")];
  const concessionErrors = errors[key("concession")];
  const chosen = concessions.find((c) => c.code === value.concession);
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
      {concessions.length > 0 && (
        <div className="mt-3 grid gap-3 sm:grid-cols-[1fr_12rem]">
          <div>
            <label htmlFor={`${id}-concession`} className="block text-sm font-medium text-slate-800">
              Concession
            </label>
            <select
              id={`${id}-concession`}
              value={value.concession}
              onChange={(e) => onChange({ ...value, concession: e.target.value })}
              aria-invalid={concessionErrors ? true : undefined}
              aria-describedby={[concessionErrors ? `${id}-concession-error` : "", chosen?.proof ? `${id}-concession-proof` : ""].filter(Boolean).join(" ") || undefined}
              className={inputClass(Boolean(concessionErrors))}
            >
              <option value="">None (full fare; children by age)</option>
              {concessions.map((c) => {
                const band = ageBandText(c);
                return (
                  <option key={c.code} value={c.code}>
                    {`${c.name}, ${discountText(c.discountBasisPoints)} off${band ? `, ${band}` : ""}`}
                  </option>
                );
              })}
            </select>
            {chosen?.proof ? (
              <p id={`${id}-concession-proof`} className="mt-1 text-sm text-slate-600">
                Carry {chosen.proof}: the conductor may ask for it.
              </p>
            ) : null}
            <FieldError id={`${id}-concession-error`} messages={concessionErrors} />
          </div>
          <div>
            <p className="block text-sm font-medium text-slate-800">Fare</p>
            <p className="mt-1 py-2 text-base font-semibold tabular-nums" data-fare-for={index + 1}>
              {preview ? formatMoney(preview.fareMinor, preview.currency) : "—"}
            </p>
            {preview?.concession ? (
              <p className="text-sm text-slate-600" data-concession-for={index + 1}>
                {preview.concession.name}, {discountText(preview.concession.discountBasisPoints)} off
              </p>
            ) : null}
          </div>
        </div>
      )}
      {onRemove && (
        <button type="button" onClick={onRemove} className="mt-3 text-sm font-medium text-red-700 underline underline-offset-2 hover:text-red-900">
          Remove passenger {index + 1}
        </button>
      )}
    </fieldset>
  );
}

"use client";
// Form fields the admin forms need beyond the account forms' TextField (components/auth/form-controls):
// a select and a checkbox, with the same error wiring: the message sits next to the field and is
// announced through aria-invalid + aria-describedby.
import { useId, type InputHTMLAttributes, type ReactNode, type Ref, type SelectHTMLAttributes } from "react";

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "name"> {
  name: string;
  label: string;
  errors?: string[];
  hint?: ReactNode;
  options: readonly { value: string; label: string }[];
  /** A first, empty choice ("Choose a station"), for a required select with no default. */
  placeholder?: string;
  /** Visually hide the label (rows of a table-like editor), keeping it for screen readers. */
  hideLabel?: boolean;
  ref?: Ref<HTMLSelectElement>;
}

export function SelectField({ name, label, errors, hint, options, placeholder, hideLabel, className, ...select }: SelectFieldProps) {
  const id = useId();
  const invalid = Boolean(errors?.length);
  const describedBy = [hint ? `${id}-hint` : null, invalid ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className={hideLabel ? "sr-only" : "block text-sm font-medium text-slate-800"}>
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="mt-0.5 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <select
        id={id}
        name={name}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        className={`mt-1 block w-full rounded-md border bg-white px-3 py-2 text-base shadow-sm ${invalid ? "border-red-600" : "border-slate-300"}`}
        {...select}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {invalid ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {errors!.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

interface CheckboxFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name" | "type"> {
  name: string;
  label: string;
  errors?: string[];
}

export function CheckboxField({ name, label, errors, className, ...input }: CheckboxFieldProps) {
  const id = useId();
  const invalid = Boolean(errors?.length);
  return (
    <div className={className}>
      <div className="flex items-center gap-2">
        <input
          id={id}
          name={name}
          type="checkbox"
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? `${id}-error` : undefined}
          className="h-5 w-5 rounded border-slate-400"
          {...input}
        />
        <label htmlFor={id} className="text-sm font-medium text-slate-800">
          {label}
        </label>
      </div>
      {invalid ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {errors!.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

/** An error that belongs to a group of fields (the list of stops, the composition) rather than one input. */
export function GroupError({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={id} role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
      {errors.join(" ")}
    </p>
  );
}

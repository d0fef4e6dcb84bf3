// The bookings search: one box for a reference, e-mail or name, or a train number with its service
// date. A plain GET form, so a search is a URL an operator can share, and it works without JavaScript.
import type { FieldErrors } from "@/lib/errors";

const input = "mt-1 block w-full rounded-md border bg-white px-3 py-2";

function Field({ id, label, name, type = "text", value, errors, hint }: { id: string; label: string; name: string; type?: string; value?: string; errors?: string[]; hint?: string }) {
  const invalid = Boolean(errors?.length);
  const describedBy = [hint ? `${id}-hint` : null, invalid ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      <input id={id} name={name} type={type} defaultValue={value ?? ""} aria-invalid={invalid || undefined} aria-describedby={describedBy} className={`${input} ${invalid ? "border-red-600" : "border-slate-300"}`} />
      {invalid ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {errors!.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

export function BookingSearchForm({ values, errors }: { values: Record<string, string | undefined>; errors: FieldErrors }) {
  return (
    <form role="search" action="/admin/bookings" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-end">
      <Field id="bookings-q" name="q" type="search" label="Reference, e-mail or name" value={values.q} errors={errors.q} hint="e.g. K7QX2M9PLA or ewa@example.com" />
      <Field id="bookings-train" name="train" label="Train number" value={values.train} errors={errors.train} hint="e.g. EIC 5300" />
      <Field id="bookings-date" name="date" type="date" label="Service date" value={values.date} errors={errors.date} hint="The day it leaves its origin" />
      <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
        Find bookings
      </button>
    </form>
  );
}

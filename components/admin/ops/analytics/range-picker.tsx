// The dashboard's dates: presets (the last 7, 30, 90 or 365 days ending today, and by travel date
// the next 7 or 30 days starting today, on the operator's clock) as links, or any from/to pair
// through a GET form, so every view is a shareable URL. The basis is kept by every one of them.
import Link from "next/link";
import { ANALYTICS_FORWARD_PRESETS, ANALYTICS_PRESETS, type AnalyticsBasis } from "@/lib/schemas/admin-ops";
import type { FieldErrors } from "@/lib/errors";
import { analyticsHref, type RangeChoice } from "./analytics-view";

const chip = (current: boolean) =>
  `inline-flex min-h-11 items-center rounded-md border px-3 py-2 text-sm font-medium ${current ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 bg-white hover:bg-slate-50"}`;

function Presets({ label, kind, options, basis, range }: { label: string; kind: "last" | "next"; options: readonly number[]; basis: AnalyticsBasis; range: RangeChoice }) {
  return (
    <nav aria-label={`${label} days`}>
      <p className="text-sm font-medium text-slate-800">{label}</p>
      <ul className="mt-1 flex flex-wrap gap-1">
        {options.map((days) => {
          const current = range.kind === kind && range.days === days;
          return (
            <li key={days}>
              <Link href={analyticsHref(basis, { kind, days })} aria-current={current ? "page" : undefined} className={chip(current)}>
                {`${label} ${days} days`}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

export function RangePicker({ basis, range, from, to, errors }: { basis: AnalyticsBasis; range: RangeChoice; from: string; to: string; errors: FieldErrors }) {
  const input = "mt-1 block w-full rounded-md border bg-white px-3 py-2";
  const dateField = (name: "from" | "to", label: string, value: string) => {
    const invalid = Boolean(errors[name]?.length);
    return (
      <div>
        <label htmlFor={`range-${name}`} className="block text-sm font-medium text-slate-800">{label}</label>
        <input id={`range-${name}`} name={name} type="date" required defaultValue={value} aria-invalid={invalid || undefined} aria-describedby={invalid ? `range-${name}-error` : undefined} className={`${input} ${invalid ? "border-red-600" : "border-slate-300"}`} />
        {invalid ? <p id={`range-${name}-error`} className="mt-1 text-sm text-red-700">{errors[name]!.join(" ")}</p> : null}
      </div>
    );
  };
  return (
    <div className="flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <Presets label="Last" kind="last" options={ANALYTICS_PRESETS} basis={basis} range={range} />
      {basis === "travel" ? (
        <Presets label="Next" kind="next" options={ANALYTICS_FORWARD_PRESETS} basis={basis} range={range} />
      ) : (
        <div className="max-w-xs text-sm" data-testid="next-days-note">
          <p className="font-medium text-slate-800">Next</p>
          <p className="mt-1 text-slate-600">
            {"Days ahead have no sales yet, so they count by travel date only: "}
            <Link href={analyticsHref("travel", { kind: "next", days: ANALYTICS_FORWARD_PRESETS[0] })} className="text-brand-700 underline">
              {`the next ${ANALYTICS_FORWARD_PRESETS[0]} days by travel date`}
            </Link>
            .
          </p>
        </div>
      )}
      {errors.next?.length ? <p role="alert" className="w-full text-sm text-red-700">{errors.next.join(" ")}</p> : null}
      <form action="/admin/analytics" className="flex flex-wrap items-end gap-2" aria-label="Custom dates">
        <input type="hidden" name="basis" value={basis} />
        {dateField("from", "From", from)}
        {dateField("to", "To", to)}
        <button type="submit" className="min-h-11 rounded-md border border-slate-300 bg-white px-4 py-2 font-medium hover:bg-slate-50">
          Show
        </button>
      </form>
    </div>
  );
}

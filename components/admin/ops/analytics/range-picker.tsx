// The dashboard's dates: presets (last 7, 30, 90 or 365 days, ending today on the operator's clock)
// as links, or any from/to pair through a GET form, so every view is a shareable URL.
import Link from "next/link";
import { ANALYTICS_PRESETS } from "@/lib/schemas/admin-ops";
import type { FieldErrors } from "@/lib/errors";

export function RangePicker({ from, to, preset, errors }: { from: string; to: string; preset: number | null; errors: FieldErrors }) {
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
      <nav aria-label="Date range presets">
        <p className="text-sm font-medium text-slate-800">Last</p>
        <ul className="mt-1 flex gap-1">
          {ANALYTICS_PRESETS.map((days) => (
            <li key={days}>
              <Link
                href={`/admin/analytics?days=${days}`}
                aria-current={preset === days ? "page" : undefined}
                className={`inline-block rounded-md border px-3 py-2 text-sm font-medium ${preset === days ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 bg-white hover:bg-slate-50"}`}
              >
                {`${days} days`}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <form action="/admin/analytics" className="flex flex-wrap items-end gap-2" aria-label="Custom dates">
        {dateField("from", "From", from)}
        {dateField("to", "To", to)}
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-4 py-2 font-medium hover:bg-slate-50">
          Show
        </button>
      </form>
    </div>
  );
}

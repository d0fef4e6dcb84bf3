// The dashboard's two views, side by side as a labelled pair of links: by travel date (the day the
// train runs) or by booking date (the day of the sale). Links rather than toggle buttons: each view
// is its own URL; aria-current tells a screen reader which one is shown, and each link is described
// by the sentence saying what that view counts.
import Link from "next/link";
import { ANALYTICS_BASES, type AnalyticsBasis } from "@/lib/schemas/admin-ops";
import { BASIS_LABELS, analyticsHref, rangeForBasis, type RangeChoice } from "./analytics-view";

export function BasisPicker({ basis, range }: { basis: AnalyticsBasis; range: RangeChoice }) {
  return (
    <nav aria-labelledby="basis-heading" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="basis-heading" className="text-sm font-medium text-slate-800">
        Count the figures
      </h2>
      <ul className="mt-2 grid gap-2 sm:grid-cols-2">
        {ANALYTICS_BASES.map((b) => {
          const current = b === basis;
          return (
            <li key={b} className={`rounded-md border-2 px-3 py-2 ${current ? "border-brand-600 bg-brand-50" : "border-slate-200 bg-white"}`}>
              <Link
                href={analyticsHref(b, rangeForBasis(b, range))}
                aria-current={current ? "page" : undefined}
                aria-describedby={`basis-${b}-counts`}
                data-basis={b}
                className={`inline-flex min-h-11 items-center gap-2 font-semibold ${current ? "text-slate-900" : "text-brand-700 underline"}`}
              >
                <span aria-hidden="true" className={`inline-block h-3 w-3 rounded-full border-2 ${current ? "border-brand-600 bg-brand-600" : "border-slate-400"}`} />
                {BASIS_LABELS[b].label}
                {current ? <span aria-hidden="true" className="font-normal text-slate-600">(shown)</span> : null}
              </Link>
              <p id={`basis-${b}-counts`} className="text-sm text-slate-600">
                {BASIS_LABELS[b].counts}
              </p>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

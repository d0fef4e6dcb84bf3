import type { Metadata } from "next";
import { requireAdmin } from "@/lib/auth/current-user";
import { fieldErrorsFrom } from "@/lib/validation";
import { exportRangeSchema, MAX_EXPORT_DAYS, type ExportKind } from "@/lib/schemas/admin-exports";
import { exportCounts, resolveExportRange } from "@/lib/admin/exports/exports";
import { PageHeader, card, flatParams, type SearchParams } from "@/components/admin/admin-ui";

export const metadata: Metadata = { title: "Exports" };

const FILES: { kind: ExportKind; label: string; columns: string }[] = [
  { kind: "bookings", label: "Bookings CSV", columns: "PNR, created at, service date, train, from, to, class, passengers, status, amount charged, currency" },
  { kind: "refunds", label: "Refunds CSV", columns: "PNR, refunded at, amount, currency, reason, rule" },
  { kind: "revenue", label: "Revenue per day CSV", columns: "day, currency, bookings confirmed, gross, refunds, net" },
];

const input = "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 sm:w-48";

export default async function ExportsPage({ searchParams }: { searchParams: SearchParams }) {
  await requireAdmin("/admin/exports");
  const raw = flatParams(await searchParams);
  const parsed = exportRangeSchema.safeParse(raw);
  const errors = parsed.success ? {} : fieldErrorsFrom(parsed.error);
  const range = resolveExportRange(parsed.success ? parsed.data : {});
  const counts = parsed.success ? await exportCounts(range) : null;
  const query = `from=${range.from}&to=${range.to}`;

  return (
    <div className="space-y-5">
      <PageHeader title="Exports" description={`Bookings, refunds and revenue per day as CSV, for days in Warsaw time (at most ${MAX_EXPORT_DAYS} days at once). Amounts are what was charged and refunded.`} />
      <form action="/admin/exports" className={`${card} flex flex-wrap items-end gap-3`} noValidate>
        <div>
          <label htmlFor="export-from" className="block text-sm font-medium text-slate-800">From</label>
          <input id="export-from" name="from" type="date" defaultValue={raw.from ?? range.from} aria-invalid={Boolean(errors.from)} aria-describedby={errors.from ? "export-from-error" : undefined} className={input} />
          {errors.from ? <p id="export-from-error" className="mt-1 text-sm text-red-700">{errors.from[0]}</p> : null}
        </div>
        <div>
          <label htmlFor="export-to" className="block text-sm font-medium text-slate-800">To</label>
          <input id="export-to" name="to" type="date" defaultValue={raw.to ?? range.to} aria-invalid={Boolean(errors.to)} aria-describedby={errors.to ? "export-to-error" : undefined} className={input} />
          {errors.to ? <p id="export-to-error" className="mt-1 text-sm text-red-700">{errors.to[0]}</p> : null}
        </div>
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-4 py-2 font-medium hover:bg-slate-50">
          Use these dates
        </button>
      </form>
      {counts ? (
        <section aria-labelledby="downloads-heading" className="space-y-3">
          <h2 id="downloads-heading" className="text-lg font-semibold text-slate-900">{`Downloads for ${range.from} to ${range.to}`}</h2>
          <ul className="grid gap-3 sm:grid-cols-3">
            {FILES.map((f) => {
              const rows = f.kind === "revenue" ? null : counts[f.kind];
              return (
                <li key={f.kind} className={`${card} space-y-2`}>
                  <a href={`/api/v1/admin/exports/${f.kind}?${query}`} download className="inline-block rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
                    {f.label}
                  </a>
                  <p className="text-sm text-slate-600">{f.columns}</p>
                  <p className="text-sm text-slate-700" data-export-rows={f.kind}>
                    {rows === null ? `One row per day (${range.days}) and currency.` : rows === 0 ? "None in these days: the file has only its header." : `${rows} ${rows === 1 ? "row" : "rows"}.`}
                  </p>
                </li>
              );
            })}
          </ul>
        </section>
      ) : (
        <p role="alert" className="text-sm text-red-700">Correct the dates to download.</p>
      )}
    </div>
  );
}

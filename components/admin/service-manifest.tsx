// The train manager's list: confirmed passengers by coach and seat with their conductor check,
// PNRs linking to the booking; cancelled passengers counted apart in a closed section. Printable:
// the service page hides everything else in print (decision 030).
import Link from "next/link";
import { byCoach, type ManifestRow, type ServiceManifest } from "@/lib/admin/manifest/service-manifest";
import { PrintButton } from "./print-button";
import { EmptyState, TableScroll, td, th } from "./admin-ui";

function seat(row: ManifestRow): string {
  if (row.number === null) return "—";
  return row.berth ? `${row.number} (${row.berth.toLowerCase()})` : String(row.number);
}

function Rows({ rows, cancelled }: { rows: ManifestRow[]; cancelled?: boolean }) {
  return (
    <table className="min-w-full divide-y divide-slate-200 text-sm print:text-xs">
      <thead className="bg-slate-50">
        <tr>
          <th scope="col" className={th}>Seat</th>
          <th scope="col" className={th}>Name</th>
          <th scope="col" className={th}>Journey</th>
          <th scope="col" className={th}>PNR</th>
          <th scope="col" className={th}>{cancelled ? "Status" : "Ticket"}</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r) => (
          <tr key={r.passengerId} className="break-inside-avoid">
            <td className={`${td} tabular-nums`}>{cancelled && r.coach ? `${r.coach}/${seat(r)}` : seat(r)}</td>
            <td className={td}>{r.name}</td>
            <td className={td}>{`${r.fromName} → ${r.toName}`}</td>
            <td className={`${td} font-mono`}>
              <Link href={`/admin/bookings/${r.pnr}`} className="text-brand-700 underline print:text-black print:no-underline">
                {r.pnr}
              </Link>
            </td>
            <td className={td}>
              {cancelled ? "Cancelled" : r.checkedAt ? <span className="font-medium text-emerald-800">✓ Checked</span> : <span className="text-slate-600">○ Not checked</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ServiceManifestView({ serviceId, title, manifest }: { serviceId: string; title: string; manifest: ServiceManifest }) {
  const { travelling, cancelled, checkedCount } = manifest;
  const summary = `${travelling.length} travelling · ${checkedCount} checked · ${travelling.length - checkedCount} not checked · ${cancelled.length} cancelled`;
  return (
    <section aria-labelledby="manifest-heading" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 id="manifest-heading" className="text-lg font-semibold">
            Manifest<span className="hidden print:inline"> · {title}</span>
          </h2>
          <p className="text-sm text-slate-700" data-testid="manifest-summary">{summary}</p>
        </div>
        <div className="flex flex-wrap gap-2 print:hidden">
          <PrintButton />
          <a href={`/admin/services/${serviceId}/manifest.csv`} download className="rounded-md border border-slate-300 bg-white px-4 py-2 font-medium hover:bg-slate-50">
            Download CSV
          </a>
        </div>
      </div>
      {travelling.length === 0 ? (
        <EmptyState title="Nobody with a confirmed booking travels on this service." />
      ) : (
        byCoach(travelling).map((group) => (
          <div key={group.coach} className="space-y-1 break-inside-avoid-page">
            <h3 className="text-base font-semibold">{group.coach === "No seat" ? "No seat allocated" : `Coach ${group.coach}`}</h3>
            <TableScroll label={`Coach ${group.coach}`}>
              <Rows rows={group.rows} />
            </TableScroll>
          </div>
        ))
      )}
      {cancelled.length > 0 ? (
        <details className="rounded-md border border-slate-200 bg-white p-3 print:hidden">
          <summary className="cursor-pointer font-medium">Cancelled ({cancelled.length}): not travelling</summary>
          <div className="mt-2">
            <TableScroll label="Cancelled passengers">
              <Rows rows={cancelled} cancelled />
            </TableScroll>
          </div>
        </details>
      ) : null}
    </section>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/lib/auth/current-user";
import { stationListQuerySchema } from "@/lib/schemas/admin-network";
import { searchStations } from "@/lib/admin/network/stations";
import { ButtonLink, EmptyState, PageHeader, Pager, StatusNote, TableScroll, flatParams, td, th, type SearchParams } from "@/components/admin/admin-ui";

export const metadata: Metadata = { title: "Stations" };

export default async function StationsPage({ searchParams }: { searchParams: SearchParams }) {
  await requireAdmin("/admin/stations");
  const raw = flatParams(await searchParams);
  const query = stationListQuerySchema.parse(raw);
  const { rows, total, page, pageCount } = await searchStations(query);

  return (
    <div className="space-y-5">
      <PageHeader title="Stations" description="Where trains call, and the clock each station's times are shown on." action={<ButtonLink href="/admin/stations/new">New station</ButtonLink>} />
      {raw.deleted ? <StatusNote>The station has been deleted.</StatusNote> : null}
      <form role="search" className="flex flex-wrap items-end gap-2" action="/admin/stations">
        <div className="grow sm:grow-0">
          <label htmlFor="station-q" className="block text-sm font-medium text-slate-800">
            Search by name, city or code
          </label>
          <input id="station-q" name="q" type="search" defaultValue={query.q ?? ""} className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 sm:w-72" />
        </div>
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-4 py-2 font-medium hover:bg-slate-50">
          Search
        </button>
      </form>

      {rows.length === 0 ? (
        <EmptyState title={query.q ? `No station matches “${query.q}”.` : "There are no stations yet."}>
          {query.q ? "Try part of the name without Polish letters, or the code." : <Link href="/admin/stations/new" className="text-brand-700 underline">Create the first station</Link>}
        </EmptyState>
      ) : (
        <TableScroll label="Stations">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50">
              <tr>
                <th scope="col" className={th}>Code</th>
                <th scope="col" className={th}>Name</th>
                <th scope="col" className={th}>City</th>
                <th scope="col" className={th}>Time zone</th>
                <th scope="col" className={`${th} text-right`}>Trains</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((s) => (
                <tr key={s.id}>
                  <td className={`${td} font-mono`}>{s.code}</td>
                  <td className={td}>
                    <Link href={`/admin/stations/${s.id}`} className="font-medium text-brand-700 underline">
                      {s.name}
                    </Link>
                  </td>
                  <td className={td}>{s.city}</td>
                  <td className={td}>{s.timeZone}</td>
                  <td className={`${td} text-right tabular-nums`}>{s.trains}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <Pager path="/admin/stations" query={{ q: query.q }} page={page} pageCount={pageCount} total={total} noun={total === 1 ? "station" : "stations"} />
    </div>
  );
}

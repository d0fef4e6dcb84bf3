import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/lib/auth/current-user";
import { serviceListQuerySchema } from "@/lib/schemas/admin-network";
import { listServiceLoads, trainChoices } from "@/lib/admin/network/services";
import { addDaysIso } from "@/lib/services/service-calendar";
import { clockInZone, todayInZone } from "@/lib/time/zoned";
import { OPERATOR_TIME_ZONE as HOME_TIME_ZONE } from "@/lib/config/operator-zone";
import { EmptyState, LoadBar, PageHeader, Pager, TableScroll, card, flatParams, td, th, type SearchParams } from "@/components/admin/admin-ui";
import { GenerateServicesForm } from "@/components/admin/generate-services-form";

export const metadata: Metadata = { title: "Services" };

const percent = (bp: number) => `${(bp / 100).toFixed(1)} %`;

export default async function ServicesPage({ searchParams }: { searchParams: SearchParams }) {
  await requireAdmin("/admin/services");
  const query = serviceListQuerySchema.parse(flatParams(await searchParams));
  const today = todayInZone(HOME_TIME_ZONE);
  const from = query.date ?? today;
  const [trains, { rows, total, page, pageCount }] = await Promise.all([
    trainChoices(),
    listServiceLoads({ from, days: query.days, trainId: query.train, page: query.page }),
  ]);
  const last = addDaysIso(from, query.days - 1);

  return (
    <div className="space-y-6">
      <PageHeader title="Services" description="Trains on dates: generate them, and see how full each one is." />
      <section aria-labelledby="generate-heading" className={card}>
        <h2 id="generate-heading" className="mb-3 text-lg font-semibold">
          Generate services
        </h2>
        <GenerateServicesForm trains={trains} trainId={query.train} from={today} to={addDaysIso(today, 6)} />
      </section>

      <section aria-labelledby="list-heading" className="space-y-3">
        <h2 id="list-heading" className="text-lg font-semibold">
          Services from {from} to {last}
        </h2>
        <form className="flex flex-wrap items-end gap-3" action="/admin/services">
          <div className="text-sm font-medium text-slate-800">
            <label htmlFor="filter-date">From</label>
            <input type="date" id="filter-date" name="date" defaultValue={from} className="mt-1 block rounded-md border border-slate-300 px-3 py-2" />
          </div>
          <div className="text-sm font-medium text-slate-800">
            <label htmlFor="filter-days">Days</label>
            <select id="filter-days" name="days" defaultValue={String(query.days)} className="mt-1 block rounded-md border border-slate-300 bg-white px-3 py-2">
              {[1, 7, 14, 31].map((d) => (
                <option key={d} value={d}>{d}</option>
              ))}
            </select>
          </div>
          <div className="text-sm font-medium text-slate-800">
            <label htmlFor="filter-train">Train</label>
            <select id="filter-train" name="train" defaultValue={query.train ?? ""} className="mt-1 block max-w-[16rem] rounded-md border border-slate-300 bg-white px-3 py-2">
              <option value="">All trains</option>
              {trains.map((t) => (
                <option key={t.id} value={t.id}>{`${t.number} ${t.name}`}</option>
              ))}
            </select>
          </div>
          <button type="submit" className="rounded-md border border-slate-300 bg-white px-4 py-2 font-medium hover:bg-slate-50">
            Show
          </button>
        </form>
        <p className="text-sm text-slate-600">
          Load factor: seats occupied on the busiest stretch between two stops, out of all seats. Seat-km: occupied seat-kilometres out of seats × route length. Occupied counts paid seats and holds with time left.
        </p>
        {rows.length === 0 ? (
          <EmptyState title="No services on these dates.">Generate them above, or choose other dates.</EmptyState>
        ) : (
          <TableScroll label="Services">
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <thead className="bg-slate-50">
                <tr>
                  <th scope="col" className={th}>Date</th>
                  <th scope="col" className={th}>Train</th>
                  <th scope="col" className={th}>Route</th>
                  <th scope="col" className={th}>Departs</th>
                  <th scope="col" className={th}>Status</th>
                  <th scope="col" className={`${th} text-right`}>Seats</th>
                  <th scope="col" className={`${th} text-right`}>Busiest stretch</th>
                  <th scope="col" className={th}>Load factor</th>
                  <th scope="col" className={`${th} text-right`}>Seat-km</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map((s) => (
                  <tr key={s.id}>
                    <td className={td}>
                      <Link href={`/admin/services/${s.id}`} className="font-medium text-brand-700 underline">
                        {s.serviceDate}
                      </Link>
                    </td>
                    <td className={td}>{`${s.trainNumber} ${s.trainName}`}</td>
                    <td className={td}>{s.originName && s.destinationName ? `${s.originName} → ${s.destinationName}` : "—"}</td>
                    <td className={`${td} tabular-nums`}>{clockInZone(s.departsAt, s.originZone ?? HOME_TIME_ZONE)}</td>
                    <td className={td}>{s.status === "DELAYED" ? `Delayed ${s.delayMinutes} min` : s.status === "CANCELLED" ? "Cancelled" : "Scheduled"}</td>
                    <td className={`${td} text-right tabular-nums`}>{s.seats}</td>
                    <td className={`${td} text-right tabular-nums`}>{s.peakOccupied}</td>
                    <td className={td}>
                      <LoadBar bp={s.loadFactorBp} label={percent(s.loadFactorBp)} />
                    </td>
                    <td className={`${td} text-right tabular-nums`}>{percent(s.seatKmBp)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        <Pager path="/admin/services" query={{ date: query.date, days: String(query.days), train: query.train }} page={page} pageCount={pageCount} total={total} noun={total === 1 ? "service" : "services"} />
      </section>
    </div>
  );
}

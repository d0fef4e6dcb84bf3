// The operator home's "Loading of the next days": one row per day (today first), with the services
// running, passengers booked against seats offered, occupancy and the most loaded service. Numbers
// carry the meaning; the bars only help scanning. Figures: lib/admin/next-days-load.ts.
import Link from "next/link";
import type { NextDaysLoad } from "@/lib/admin/next-days-load";
import { clockInZone, longDateLabel } from "@/lib/time/zoned";
import { EmptyState, LoadBar, TableScroll, td, th } from "@/components/admin/admin-ui";

const number = new Intl.NumberFormat("en-GB");
const percent = (value: number | null) => (value === null ? "—" : `${(value * 100).toFixed(1)}%`);
const bp = (value: number | null) => Math.round((value ?? 0) * 10_000);

export function NextDaysPanel({ load }: { load: NextDaysLoad }) {
  const running = load.days.some((d) => d.services > 0);
  const heading = "next-days-heading";
  return (
    <section aria-labelledby={heading} className="space-y-3">
      <div>
        <h2 id={heading} className="text-lg font-semibold text-slate-900">
          Loading of the next {load.days.length} days
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Trains running each day from today ({load.timeZone} dates, cancelled services left out): confirmed passengers against the seats offered,
          and occupancy as seat-kilometres sold out of those offered, as on the{" "}
          <Link href={`/admin/analytics?basis=travel&next=${load.days.length === 30 ? 30 : 7}`} className="text-brand-700 underline">
            analytics page by travel date
          </Link>
          .
        </p>
      </div>
      {running ? (
        <TableScroll label="Loading of the next days">
          <table className="min-w-full text-sm">
            <thead className="bg-slate-50">
              <tr>
                <th scope="col" className={th}>Day</th>
                <th scope="col" className={`${th} text-right`}>Services</th>
                <th scope="col" className={`${th} text-right`}>Passengers / seats</th>
                <th scope="col" className={th}>Occupancy</th>
                <th scope="col" className={th}>Most loaded service</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {load.days.map((d) => (
                <tr key={d.date} data-day={d.date}>
                  <th scope="row" className={`${td} text-left font-medium text-slate-900`}>
                    <time dateTime={d.date}>{longDateLabel(d.date)}</time>
                  </th>
                  <td className={`${td} text-right tabular-nums`}>{number.format(d.services)}</td>
                  <td className={`${td} text-right tabular-nums`}>{d.services > 0 ? `${number.format(d.passengers)} / ${number.format(d.seats)}` : "No trains"}</td>
                  <td className={td}>{d.services > 0 ? <LoadBar bp={bp(d.occupancy)} label={percent(d.occupancy)} /> : "—"}</td>
                  <td className={td}>
                    {d.busiest ? (
                      <Link href={`/admin/services/${d.busiest.serviceId}`} className="text-brand-700 underline">
                        {`${d.busiest.trainNumber} ${d.busiest.trainName}, ${clockInZone(new Date(d.busiest.departsAt), load.timeZone)}: ${percent(d.busiest.occupancy)} (${number.format(d.busiest.passengers)} of ${number.format(d.busiest.seats)} seats)`}
                      </Link>
                    ) : (
                      <span className="text-slate-500">{d.services > 0 ? "Nothing sold yet" : "—"}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <EmptyState title={`No trains run in the next ${load.days.length} days.`}>
          <Link href="/admin/services" className="text-brand-700 underline">
            Generate services
          </Link>{" "}
          for the active trains to put them on sale.
        </EmptyState>
      )}
    </section>
  );
}

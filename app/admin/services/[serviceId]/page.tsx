import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAdmin } from "@/lib/auth/current-user";
import { isAppError } from "@/lib/errors";
import { seatMap } from "@/lib/booking/seat-map";
import { serviceDetailQuerySchema } from "@/lib/schemas/admin-network";
import { classAndQuotaNames, occupancyBySegment, serviceHeader, servicePassengers } from "@/lib/admin/network/service-detail";
import { clockInZone, dateInZone } from "@/lib/time/zoned";
import { ButtonLink, PageHeader, TableScroll, card, flatParams, td, th, type SearchParams } from "@/components/admin/admin-ui";
import { ServiceSeatMap } from "@/components/admin/service-seat-map";
import { PassengerList } from "@/components/admin/passenger-list";
import { ServiceManifestView } from "@/components/admin/service-manifest";
import { ServiceMessageForm } from "@/components/admin/service-message-form";
import { serviceManifest } from "@/lib/admin/manifest/service-manifest";

export const metadata: Metadata = { title: "Service" };

const time = (at: Date | null, zone: string, serviceDate: string) => {
  if (!at) return "—";
  const day = dateInZone(at, zone);
  return day === serviceDate ? clockInZone(at, zone) : `${clockInZone(at, zone)} (${day})`;
};

export default async function ServicePage({ params, searchParams }: { params: Promise<{ serviceId: string }>; searchParams: SearchParams }) {
  const { serviceId } = await params;
  await requireAdmin(`/admin/services/${serviceId}`);
  const header = await serviceHeader(serviceId);
  if (!header) notFound();
  const query = serviceDetailQuerySchema.parse(flatParams(await searchParams));
  const first = header.stops[0];
  const last = header.stops.at(-1);
  if (!first || !last) notFound();

  // The segment to show: the whole route unless the operator picked one the train runs.
  let from = header.stops.find((s) => s.code === query.from) ?? first;
  let to = header.stops.find((s) => s.code === query.to) ?? last;
  let segmentProblem: string | null = null;
  if (from.seq >= to.seq) {
    segmentProblem = `The train calls at ${to.name} before ${from.name}; showing the whole route instead.`;
    [from, to] = [first, last];
  }
  const [occupancy, passengers, { classNames, quotaNames }, manifest] = await Promise.all([
    occupancyBySegment(serviceId, from.seq, to.seq),
    servicePassengers(serviceId, query.page),
    classAndQuotaNames(),
    serviceManifest(serviceId),
  ]);
  let map;
  try {
    map = await seatMap(serviceId, { from: from.code, to: to.code });
  } catch (error) {
    if (!isAppError(error)) throw error;
    segmentProblem = error.message;
  }

  return (
    <div className="space-y-6">
      <p className="print:hidden">
        <Link href={`/admin/services?train=${header.train.id}&date=${header.serviceDate}`} className="text-sm text-brand-700 underline">
          ← Services of {header.train.number}
        </Link>
      </p>
      <PageHeader
        title={`${header.train.number} ${header.train.name} · ${header.serviceDate}`}
        description={`${first.name} → ${last.name} · ${header.status === "CANCELLED" ? "Cancelled" : header.status === "DELAYED" ? `Delayed ${header.delayMinutes} min` : "Scheduled"}`}
        action={
          <span className="print:hidden">
            <ButtonLink href={`/admin/services/${serviceId}/schedule`}>Delay, platform or cancel</ButtonLink>
          </span>
        }
      />

      <ServiceManifestView serviceId={serviceId} title={`${header.train.number} ${header.train.name} · ${header.serviceDate}`} manifest={manifest} />

      <section aria-labelledby="message-heading" className={`${card} space-y-3 print:hidden`}>
        <h2 id="message-heading" className="text-lg font-semibold">Message to all passengers</h2>
        <ServiceMessageForm serviceId={serviceId} travelling={manifest.travelling.length} />
      </section>

      <section aria-labelledby="stops-heading" className="space-y-2 print:hidden">
        <h2 id="stops-heading" className="text-lg font-semibold">Stops</h2>
        <TableScroll label="Stops">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50">
              <tr>
                <th scope="col" className={th}>Station</th>
                <th scope="col" className={th}>Arrives</th>
                <th scope="col" className={th}>Departs</th>
                <th scope="col" className={`${th} text-right`}>km</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {header.stops.map((s) => (
                <tr key={s.seq}>
                  <td className={td}>{`${s.name} (${s.code})`}</td>
                  <td className={`${td} tabular-nums`}>{time(s.arrival, s.timeZone, header.serviceDate)}</td>
                  <td className={`${td} tabular-nums`}>{time(s.departure, s.timeZone, header.serviceDate)}</td>
                  <td className={`${td} text-right tabular-nums`}>{s.distanceKm}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>

      <section aria-labelledby="occupancy-heading" className={`${card} space-y-4 print:hidden`}>
        <h2 id="occupancy-heading" className="text-lg font-semibold">
          Seats from {from.name} to {to.name}
        </h2>
        <form action={`/admin/services/${serviceId}`} className="flex flex-wrap items-end gap-3">
          <div className="text-sm font-medium text-slate-800">
            <label htmlFor="segment-from">From</label>
            <select id="segment-from" name="from" defaultValue={from.code} className="mt-1 block rounded-md border border-slate-300 bg-white px-3 py-2">
              {header.stops.slice(0, -1).map((s) => (
                <option key={s.code} value={s.code}>{s.name}</option>
              ))}
            </select>
          </div>
          <div className="text-sm font-medium text-slate-800">
            <label htmlFor="segment-to">To</label>
            <select id="segment-to" name="to" defaultValue={to.code} className="mt-1 block rounded-md border border-slate-300 bg-white px-3 py-2">
              {header.stops.slice(1).map((s) => (
                <option key={s.code} value={s.code}>{s.name}</option>
              ))}
            </select>
          </div>
          <button type="submit" className="rounded-md border border-slate-300 bg-white px-4 py-2 font-medium hover:bg-slate-50">
            Show occupancy
          </button>
        </form>
        {segmentProblem ? <p role="alert" className="text-sm text-amber-900">{segmentProblem}</p> : null}
        {occupancy.length > 0 ? (
          <ul className="flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-700">
            {occupancy.map((o) => (
              <li key={`${o.classCode}-${o.quotaCode}`}>
                <span className="font-medium">{o.className}{o.quotaCode === "GENERAL" ? "" : ` · ${quotaNames[o.quotaCode] ?? o.quotaCode}`}</span>: {o.occupied} of {o.seats} taken
              </li>
            ))}
          </ul>
        ) : null}
        {map ? <ServiceSeatMap map={map} classNames={classNames} quotaNames={quotaNames} /> : null}
      </section>

      <div className="print:hidden">
        <PassengerList serviceId={serviceId} segment={{ from: query.from, to: query.to }} {...passengers} />
      </div>
    </div>
  );
}

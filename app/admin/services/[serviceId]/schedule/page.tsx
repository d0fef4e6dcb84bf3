import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAdmin } from "@/lib/auth/current-user";
import { scheduleOverview } from "@/lib/admin/schedule-history";
import { clockInZone, dateInZone } from "@/lib/time/zoned";
import { EmptyState, PageHeader, TableScroll, td, th } from "@/components/admin/admin-ui";
import { ScheduleChangeForm } from "@/components/admin/schedule-change-form";
import { operatorTime } from "@/components/admin/ops/operator-time";

export const metadata: Metadata = { title: "Schedule changes" };

const STATUS = { SCHEDULED: "Running to timetable", DELAYED: "Delayed", CANCELLED: "Cancelled" } as const;

export default async function SchedulePage({ params }: { params: Promise<{ serviceId: string }> }) {
  const { serviceId } = await params;
  await requireAdmin(`/admin/services/${serviceId}/schedule`);
  const service = await scheduleOverview(serviceId);
  if (!service) notFound();

  return (
    <div className="space-y-6">
      <p>
        <Link href={`/admin/services/${service.id}`} className="text-sm text-brand-700 underline">
          ← Service details and passengers
        </Link>
      </p>
      <PageHeader
        title={`Schedule: ${service.train.number} ${service.train.name} · ${service.serviceDate}`}
        description={
          <span data-testid="service-status">
            {`${STATUS[service.status]}${service.status === "DELAYED" ? ` by ${service.delayMinutes} min` : ""} · ${service.liveBookings} live ${service.liveBookings === 1 ? "booking" : "bookings"}`}
          </span>
        }
      />

      <section aria-labelledby="calls-heading" className="space-y-2">
        <h2 id="calls-heading" className="text-lg font-semibold">Calls and platforms</h2>
        <TableScroll label="Calls and platforms">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50">
              <tr>
                <th scope="col" className={th}>Station</th>
                <th scope="col" className={th}>Timetable</th>
                <th scope="col" className={th}>Platform</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {service.stops.map((s) => (
                <tr key={s.stationId}>
                  <th scope="row" className={`${td} text-left font-medium`}>{`${s.name} (${s.code})`}</th>
                  <td className={td}>{`${clockInZone(s.at, s.timeZone)}${dateInZone(s.at, s.timeZone) === service.serviceDate ? "" : ` (${dateInZone(s.at, s.timeZone)})`}`}</td>
                  <td className={td}>
                    {s.platform ?? "—"}
                    {s.platformChanged ? <span className="ml-1 text-xs font-semibold text-amber-800">changed</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>

      <section aria-labelledby="change-heading" className="space-y-3">
        <h2 id="change-heading" className="text-lg font-semibold">Make a change</h2>
        <ScheduleChangeForm
          service={{
            id: service.id,
            status: service.status,
            delayMinutes: service.delayMinutes,
            departed: service.departed,
            liveBookings: service.liveBookings,
            stops: service.stops.map((s) => ({ stationId: s.stationId, name: s.name, platform: s.platform })),
          }}
        />
      </section>

      <section aria-labelledby="log-heading" className="space-y-2">
        <h2 id="log-heading" className="text-lg font-semibold">Changes so far</h2>
        {service.changes.length === 0 ? (
          <EmptyState title="No schedule changes yet." />
        ) : (
          <TableScroll label="Changes so far">
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <thead className="bg-slate-50">
                <tr>
                  <th scope="col" className={th}>When</th>
                  <th scope="col" className={th}>Change</th>
                  <th scope="col" className={th}>Reason</th>
                  <th scope="col" className={th}>By</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {service.changes.map((c) => (
                  <tr key={c.id}>
                    <td className={td}>{operatorTime(c.createdAt)}</td>
                    <td className={td}>
                      {c.kind === "DELAY" ? (c.delayMinutes ? `Delayed ${c.delayMinutes} min` : "Back on time") : c.kind === "PLATFORM" ? `Platform ${c.platform} at ${c.station?.name ?? "?"}` : "Cancelled"}
                    </td>
                    <td className={`${td} whitespace-normal`}>{c.reason ?? "—"}</td>
                    <td className={td}>{c.createdBy ? `${c.createdBy.name} (${c.createdBy.email})` : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
    </div>
  );
}

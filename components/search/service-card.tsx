import Link from "next/link";
import type { ServiceOffer, StationRef } from "@/lib/search/search-services";
import { clockInZone, dateInZone, daysBetween, formatDuration } from "@/lib/time/zoned";
import { formatMoney } from "@/lib/money";

const TRAIN_TYPES: Record<string, string> = {
  EXPRESS_INTERCITY: "Express InterCity",
  INTERCITY: "InterCity",
  TLK: "TLK",
  NIGHT: "Night train",
  REGIONAL: "Regional",
};

export function ServiceCard({ service, from, to, passengers }: { service: ServiceOffer; from: StationRef; to: StationRef; passengers: number }) {
  const depDate = dateInZone(service.departureAt, from.timeZone);
  const arrDate = dateInZone(service.arrivalAt, to.timeZone);
  const nextDay = daysBetween(depDate, arrDate);
  const cancelled = service.status === "CANCELLED";
  return (
    <article aria-labelledby={`svc-${service.serviceId}`} className={`rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-5 ${cancelled ? "opacity-75" : ""}`}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id={`svc-${service.serviceId}`} className="font-semibold text-brand-900">
            {service.trainNumber} {service.trainName}
          </h2>
          <p className="text-sm text-slate-500">{TRAIN_TYPES[service.trainType] ?? service.trainType}</p>
        </div>
        <StatusBadge status={service.status} delayMinutes={service.delayMinutes} />
      </div>

      <div className="mt-4 grid grid-cols-[auto_1fr_auto] items-center gap-3">
        <div>
          <p className="text-2xl font-semibold tabular-nums">
            <time dateTime={service.departure}>{clockInZone(service.departureAt, from.timeZone)}</time>
          </p>
          <p className="text-sm text-slate-600">{from.name}</p>
          {service.platform && <p className="text-xs text-slate-500">Platform {service.platform}</p>}
        </div>
        <div className="text-center text-sm text-slate-500">
          <span className="block border-t border-dashed border-slate-300" aria-hidden="true" />
          <span>
            <span className="sr-only">Journey time </span>
            {formatDuration(service.durationMinutes)} · {service.distanceKm} km
          </span>
        </div>
        <div className="text-right">
          <p className="text-2xl font-semibold tabular-nums">
            <time dateTime={service.arrival}>{clockInZone(service.arrivalAt, to.timeZone)}</time>
            {nextDay > 0 && (
              <sup className="ml-0.5 text-xs font-medium text-amber-700" title={`Arrives ${arrDate}`}>
                +{nextDay}
                <span className="sr-only"> day{nextDay > 1 ? "s" : ""} later, on {arrDate}</span>
              </sup>
            )}
          </p>
          <p className="text-sm text-slate-600">{to.name}</p>
        </div>
      </div>

      {service.classes.length > 0 && (
        <ul className="mt-4 grid gap-2 sm:grid-cols-3" aria-label="Classes">
          {service.classes.map((c) => {
            const enough = c.available >= passengers;
            return (
              <li key={c.class} className="rounded-lg border border-slate-200 px-3 py-2">
                <p className="text-sm font-medium">{c.className}</p>
                <p className={`text-sm ${enough ? "text-emerald-700" : "text-red-700"}`}>
                  {c.available === 0 ? "Sold out" : `${c.available} free`}
                  {!enough && c.available > 0 && ` (you need ${passengers})`}
                </p>
                <p className="text-sm text-slate-700">{formatMoney(c.fare.amount, c.fare.currency)} per person</p>
                {!cancelled && c.available > 0 && (
                  <Link
                    href={`/services/${service.serviceId}?${new URLSearchParams({ from: from.code, to: to.code, passengers: String(passengers), class: c.class })}`}
                    aria-label={`Choose seats in ${c.className}, ${service.trainNumber} at ${clockInZone(service.departureAt, from.timeZone)}`}
                    className="mt-2 inline-block rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700"
                  >
                    Choose seats
                  </Link>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </article>
  );
}

function StatusBadge({ status, delayMinutes }: { status: ServiceOffer["status"]; delayMinutes: number }) {
  if (status === "CANCELLED") return <span className="rounded-full bg-red-100 px-2.5 py-1 text-xs font-semibold text-red-800">Cancelled</span>;
  if (status === "DELAYED" || delayMinutes > 0)
    return <span className="rounded-full bg-amber-100 px-2.5 py-1 text-xs font-semibold text-amber-900">Delayed {delayMinutes} min</span>;
  return <span className="rounded-full bg-emerald-50 px-2.5 py-1 text-xs font-semibold text-emerald-800">On time</span>;
}

import Link from "next/link";
import type { JourneyOffer } from "@/lib/search/journeys";
import { clockInZone, dateInZone, daysBetween, formatDuration } from "@/lib/time/zoned";
import { formatMoney } from "@/lib/money";

/** A journey with changes: the whole trip at a glance, then each train with its own seats to choose. */
export function JourneyCard({ journey, passengers }: { journey: JourneyOffer; passengers: number }) {
  const first = journey.legs[0]!;
  const last = journey.legs.at(-1)!;
  const nextDay = daysBetween(dateInZone(journey.departureAt, first.from.timeZone), dateInZone(journey.arrivalAt, last.to.timeZone));
  const headingId = `journey-${journey.id.replace(/[^a-zA-Z0-9-]/g, "")}`;
  const changesLabel = `${journey.changes} change${journey.changes > 1 ? "s" : ""}`;
  return (
    <article aria-labelledby={headingId} className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-5">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <h2 id={headingId} className="font-semibold text-brand-900">
          <time dateTime={journey.departure}>{clockInZone(journey.departureAt, first.from.timeZone)}</time> →{" "}
          <time dateTime={journey.arrival}>{clockInZone(journey.arrivalAt, last.to.timeZone)}</time>
          {nextDay > 0 && <span className="ml-1 text-xs font-medium text-amber-700">(+{nextDay} day{nextDay > 1 ? "s" : ""})</span>}
          <span className="ml-2 text-sm font-normal text-slate-600">
            {formatDuration(journey.durationMinutes)} · {changesLabel}
          </span>
        </h2>
        {journey.atRisk ? (
          <span className="rounded-full bg-red-100 px-2.5 py-1 text-xs font-semibold text-red-800">Connection at risk</span>
        ) : (
          <span className="rounded-full bg-slate-100 px-2.5 py-1 text-xs font-semibold text-slate-700">{changesLabel}</span>
        )}
      </div>
      {journey.classes.length > 0 && (
        <p className="mt-1 text-sm text-slate-600">
          From{" "}
          {formatMoney(Math.min(...journey.classes.map((c) => c.fare.amount)), journey.classes[0]!.fare.currency)} per person for the whole journey
        </p>
      )}

      <ol className="mt-4 space-y-3" aria-label="Trains in this journey">
        {journey.legs.map((leg, i) => {
          const connection = journey.connections[i];
          return (
            <li key={`${leg.serviceId}:${leg.fromSeq}`}>
              <div className="rounded-lg border border-slate-200 p-3">
                <p className="text-sm font-semibold text-brand-900">
                  {leg.trainNumber} {leg.trainName}
                  {leg.delayMinutes > 0 && <span className="ml-2 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">Delayed {leg.delayMinutes} min</span>}
                </p>
                <p className="mt-1 text-sm tabular-nums">
                  <time dateTime={leg.departure}>{clockInZone(leg.departureAt, leg.from.timeZone)}</time> {leg.from.name}
                  {leg.platform && <span className="text-slate-500"> (platform {leg.platform})</span>} →{" "}
                  <time dateTime={leg.arrival}>{clockInZone(leg.arrivalAt, leg.to.timeZone)}</time> {leg.to.name}
                </p>
                <ul className="mt-2 flex flex-wrap gap-2" aria-label={`Classes on ${leg.trainNumber}`}>
                  {leg.classes.map((c) => (
                    <li key={c.class} className="text-sm">
                      {c.available > 0 ? (
                        <Link
                          href={`/services/${leg.serviceId}?${new URLSearchParams({ from: leg.from.code, to: leg.to.code, passengers: String(passengers), class: c.class })}`}
                          aria-label={`Choose seats in ${c.className} on ${leg.trainNumber}, ${leg.from.name} to ${leg.to.name}`}
                          className="inline-block rounded-md border border-brand-600 px-2.5 py-1 font-medium text-brand-700 hover:bg-brand-50"
                        >
                          {c.className}: {formatMoney(c.fare.amount, c.fare.currency)} · {c.available} free
                        </Link>
                      ) : (
                        <span className="inline-block rounded-md border border-slate-200 px-2.5 py-1 text-slate-500">{c.className}: sold out</span>
                      )}
                    </li>
                  ))}
                </ul>
              </div>
              {connection && (
                <p className={`ml-3 mt-2 border-l-2 pl-3 text-sm ${connection.atRisk ? "border-red-400 text-red-800" : "border-slate-300 text-slate-600"}`}>
                  Change at {connection.station.name}: {formatDuration(connection.minutes)}
                  {connection.atRisk
                    ? ` — with today's delay only ${formatDuration(Math.max(0, connection.expectedMinutes))}, less than the ${connection.minimumMinutes} min needed there.`
                    : ` (at least ${connection.minimumMinutes} min needed there)`}
                </p>
              )}
            </li>
          );
        })}
      </ol>
      <p className="mt-3 text-xs text-slate-500">Each train is booked on its own: choose seats on the first, then the next.</p>
    </article>
  );
}

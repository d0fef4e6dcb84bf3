// Train, stations and times for one journey, as the seat-map, checkout and ticket pages show it.
// Times arrive as ISO 8601 strings carrying each station's own offset (the API's format), so the
// clock and the date are read straight from the string: they are already the station's local time,
// whatever zone the browser or the server is in.
import type { ReactNode } from "react";
import { daysBetween, formatDuration, longDateLabel } from "@/lib/time/zoned";

interface Props {
  train: { number: string; name: string };
  fromName: string;
  toName: string;
  departure: string;
  arrival: string;
  headingLevel?: 1 | 2;
  children?: ReactNode;
}

export const localClock = (iso: string) => iso.slice(11, 16);
export const localDate = (iso: string) => iso.slice(0, 10);

export function JourneyHeader({ train, fromName, toName, departure, arrival, headingLevel = 1, children }: Props) {
  const minutes = Math.round((Date.parse(arrival) - Date.parse(departure)) / 60_000);
  const nextDay = daysBetween(localDate(departure), localDate(arrival));
  const Heading = headingLevel === 1 ? "h1" : "h2";
  return (
    <section aria-label="Journey" className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-5">
      <Heading className="text-2xl font-bold text-brand-900">
        {fromName} → {toName}
      </Heading>
      <p className="text-slate-600">
        {train.number} {train.name} · {longDateLabel(localDate(departure))}
      </p>
      <div className="mt-4 grid grid-cols-[auto_1fr_auto] items-center gap-3">
        <div>
          <p className="text-2xl font-semibold tabular-nums">
            <span className="sr-only">Departs </span>
            <time dateTime={departure}>{localClock(departure)}</time>
          </p>
          <p className="text-sm text-slate-600">{fromName}</p>
        </div>
        <p className="text-center text-sm text-slate-500">
          <span className="block border-t border-dashed border-slate-300" aria-hidden="true" />
          <span className="sr-only">Journey time </span>
          {formatDuration(minutes)}
        </p>
        <div className="text-right">
          <p className="text-2xl font-semibold tabular-nums">
            <span className="sr-only">Arrives </span>
            <time dateTime={arrival}>{localClock(arrival)}</time>
            {nextDay > 0 && (
              <sup className="ml-0.5 text-xs font-medium text-amber-700">
                +{nextDay}
                <span className="sr-only"> day{nextDay > 1 ? "s" : ""} later, on {longDateLabel(localDate(arrival))}</span>
              </sup>
            )}
          </p>
          <p className="text-sm text-slate-600">{toName}</p>
        </div>
      </div>
      {children}
      <p className="mt-3 text-xs text-slate-500">Times are local to each station.</p>
    </section>
  );
}

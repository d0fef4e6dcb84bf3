import type { Metadata } from "next";
import Link from "next/link";
import { SearchForm } from "@/components/search/search-form";
import { ServiceCard } from "@/components/search/service-card";
import { JourneyCard } from "@/components/search/journey-card";
import { searchJourneys, type JourneyOffer } from "@/lib/search/journeys";
import { listStations } from "@/lib/stations/list-stations";
import { searchQuerySchema } from "@/lib/schemas/search";
import { resolveStations, searchServices } from "@/lib/search/search-services";
import { nearestServiceDates } from "@/lib/search/nearest-dates";
import { filterOffers } from "@/lib/search/filter-offers";
import { ResultFilters } from "@/components/search/result-filters";
import { fieldErrorsFrom } from "@/lib/validation";
import { longDateLabel, todayInZone } from "@/lib/time/zoned";
import { isAppError } from "@/lib/errors";
import { LiveRefresh } from "@/components/live/live-refresh";
import { servicesStream } from "@/components/live/channels";
import { operatorTimeZone } from "@/lib/config";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Search results" };

type Params = Promise<Record<string, string | string[] | undefined>>;

export default async function SearchPage({ searchParams }: { searchParams: Params }) {
  const raw = await searchParams;
  const input = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const stations = await listStations();
  const today = todayInZone(operatorTimeZone());
  const parsed = searchQuerySchema.safeParse(input);

  const form = (
    <SearchForm
      compact
      stations={stations}
      defaultDate={input.date ?? today}
      minDate={today}
      initial={{ from: input.from?.toUpperCase(), to: input.to?.toUpperCase(), date: input.date, passengers: Number(input.passengers) || 1 }}
    />
  );

  if (!parsed.success) {
    const errors = Object.values(fieldErrorsFrom(parsed.error)).flat();
    return (
      <div className="space-y-6">
        <h1 className="text-2xl font-bold text-brand-900">Search trains</h1>
        {form}
        <div role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-900">
          <p className="font-medium">Check your search:</p>
          <ul className="list-disc pl-5">
            {[...new Set(errors)].map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      </div>
    );
  }

  const query = parsed.data;
  let result;
  let journeys: JourneyOffer[];
  try {
    [result, journeys] = await Promise.all([searchServices(query), searchJourneys(query)]);
  } catch (error) {
    if (!isAppError(error) || error.code !== "VALIDATION_FAILED") throw error;
    return (
      <div className="space-y-6">
        <h1 className="text-2xl font-bold text-brand-900">Search trains</h1>
        {form}
        <p role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-900">
          We do not know one of those stations. Pick both stations from the list.
        </p>
      </div>
    );
  }

  const { from, to, services } = result;
  // Journeys with changes the direct trains do not beat (leaving later or arriving sooner).
  const withChanges = filterOffers(journeys.filter((j) => j.changes > 0), { class: query.class, time: query.time });
  let nearest: string[] = [];
  if (services.length === 0 && withChanges.length === 0) {
    const ids = await resolveStations(query.from, query.to);
    nearest = await nearestServiceDates({ fromId: ids.from.id, toId: ids.to.id, fromTimeZone: from.timeZone }, query.date);
  }
  const shown = filterOffers(services, { class: query.class, time: query.time });
  const classOptions = [...new Map(services.flatMap((s) => s.classes.map((c) => [c.class, { code: c.class, name: c.className }] as const))).values()];
  const linkFor = (date: string) => `/search?${new URLSearchParams({ from: query.from, to: query.to, date, passengers: String(query.passengers) })}`;

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold text-brand-900">
        {from.name} → {to.name}
      </h1>
      <p className="-mt-4 text-slate-600">
        {longDateLabel(query.date)} · {query.passengers} passenger{query.passengers > 1 ? "s" : ""}
      </p>
      {form}
      <section aria-label="Trains" aria-live="polite" className="space-y-3">
        {/* Seats left per class follow bookings made elsewhere, re-rendered at most every 3 s. */}
        {services.length + withChanges.length > 0 && (
          <LiveRefresh url={servicesStream([...new Set([...services.map((s) => s.serviceId), ...withChanges.flatMap((j) => j.legs.map((l) => l.serviceId))])])} ignoreConnect minIntervalMs={3_000} />
        )}
        {services.length === 0 && withChanges.length > 0 ? (
          <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-700">
            No direct train from {from.name} to {to.name} on {longDateLabel(query.date)}; these journeys have a change.
          </p>
        ) : services.length === 0 ? (
          <div className="rounded-xl bg-white p-6 text-center shadow-sm ring-1 ring-slate-200">
            <p className="font-medium">No trains from {from.name} to {to.name} on {longDateLabel(query.date)}.</p>
            {nearest.length > 0 ? (
              <p className="mt-2 text-slate-600">
                Nearest dates with trains:{" "}
                {nearest.map((d, i) => (
                  <span key={d}>
                    {i > 0 && ", "}
                    <Link className="font-medium text-brand-700 underline" href={linkFor(d)}>
                      {longDateLabel(d)}
                    </Link>
                  </span>
                ))}
              </p>
            ) : (
              <p className="mt-2 text-slate-600">No train runs between these stations in the two weeks around that date.</p>
            )}
          </div>
        ) : (
          <>
            <div className="flex flex-wrap items-end justify-between gap-3">
              <p className="text-sm text-slate-600">
                {shown.length === services.length
                  ? `${services.length} train${services.length > 1 ? "s" : ""}, by departure time. Times are local to each station.`
                  : `${shown.length} of ${services.length} trains match your filters.`}
              </p>
              <ResultFilters classes={classOptions} />
            </div>
            {shown.length === 0 ? (
              <div className="rounded-xl bg-white p-6 text-center shadow-sm ring-1 ring-slate-200">
                <p className="font-medium">No train on this day matches these filters.</p>
                <Link className="mt-2 inline-block font-medium text-brand-700 underline" href={linkFor(query.date)}>
                  Show all {services.length} trains
                </Link>
              </div>
            ) : (
              shown.map((s) => <ServiceCard key={s.serviceId} service={s} from={from} to={to} passengers={query.passengers} />)
            )}
          </>
        )}
      </section>
      {withChanges.length > 0 && (
        <section aria-labelledby="with-changes" className="space-y-3">
          <h2 id="with-changes" className="text-lg font-semibold text-brand-900">
            With a change
          </h2>
          <p className="text-sm text-slate-600">By arrival time. Only journeys that leave later or arrive sooner than a direct train are shown.</p>
          {withChanges.map((j) => (
            <JourneyCard key={j.id} journey={j} passengers={query.passengers} />
          ))}
        </section>
      )}
    </div>
  );
}

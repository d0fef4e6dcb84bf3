import { SearchForm } from "@/components/search/search-form";
import { listStations } from "@/lib/stations/list-stations";
import { todayInZone } from "@/lib/time/zoned";
import { addDays, format } from "date-fns";
import { operatorTimeZone } from "@/lib/config";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const stations = await listStations();
  const today = todayInZone(operatorTimeZone());
  const tomorrow = format(addDays(new Date(`${today}T12:00:00`), 1), "yyyy-MM-dd");
  return (
    <div className="space-y-8">
      <section className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight text-brand-900 sm:text-4xl">Where are you travelling?</h1>
        <p className="text-slate-600">Search trains between any two stations, see live seat availability and fares, and pick your seat.</p>
      </section>
      <SearchForm stations={stations} defaultDate={tomorrow} minDate={today} />
    </div>
  );
}

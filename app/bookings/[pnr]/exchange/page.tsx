// Changing a paid booking (issue 17): pick another date (and, if need be, other stations on the
// way), see the trains with seats for everyone travelling, then the price of the change from the
// server's quote, and confirm. The booking keeps its PNR; a new ticket replaces the old one.
import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { bookingForPage } from "@/lib/tickets/booking-for-page";
import { searchServices } from "@/lib/search/search-services";
import { listStations } from "@/lib/stations/list-stations";
import { isoDate, stationCode } from "@/lib/schemas/search";
import { isAppError } from "@/lib/errors";
import { clockInZone, dateInZone, formatDuration, longDateLabel, todayInZone } from "@/lib/time/zoned";
import { ExchangeForm, type ExchangeOption } from "@/components/booking/exchange-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Change your journey" };

const querySchema = z.object({ date: isoDate.optional(), from: stationCode.optional(), to: stationCode.optional() });

export default async function ExchangePage({ params, searchParams }: { params: Promise<{ pnr: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { pnr } = await params;
  const { booking } = await bookingForPage(pnr, `/bookings/${pnr}/exchange`);
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = querySchema.safeParse(raw);
  const query = parsed.success ? parsed.data : {};
  const from = query.from ?? booking.from;
  const to = query.to ?? booking.to;
  const date = query.date ?? booking.departure.slice(0, 10);
  const travelling = booking.passengers.filter((p) => p.status === "CONFIRMED").length;
  const back = (
    <Link href={`/bookings/${booking.pnr}`} className="text-sm font-medium text-brand-700 underline">
      ← Back to booking {booking.pnr}
    </Link>
  );

  if (booking.status !== "CONFIRMED") {
    return (
      <div className="space-y-4">
        {back}
        <h1 className="text-2xl font-bold text-brand-900">Change your journey</h1>
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">
          Only a paid booking with seats can be changed. {booking.status === "HELD" ? "Pay for it first, or cancel it and book again." : ""}
        </p>
      </div>
    );
  }

  const stations = await listStations();
  let options: ExchangeOption[] = [];
  let today: string | undefined;
  let problem: string | null = parsed.success ? null : "That date or station is not valid; showing your booked journey's instead.";
  try {
    const result = await searchServices({ from, to, date, passengers: travelling });
    today = todayInZone(result.from.timeZone);
    options = result.services
      .filter((s) => s.status !== "CANCELLED")
      .map((s) => ({
        serviceId: s.serviceId,
        label: `${s.trainNumber} ${s.trainName}`,
        times: `${clockInZone(s.departureAt, result.from.timeZone)} → ${clockInZone(s.arrivalAt, result.to.timeZone)}${dateInZone(s.arrivalAt, result.to.timeZone) !== s.date ? " (+1 day)" : ""}, ${formatDuration(s.durationMinutes)}`,
        from,
        to,
        classes: s.classes.map((c) => ({ code: c.class, name: c.className, available: c.available, fare: c.fare })),
        booked: s.serviceId === booking.serviceId,
      }));
  } catch (error) {
    if (!isAppError(error)) throw error;
    problem = error.message;
  }

  return (
    <div className="space-y-6">
      {back}
      <header className="space-y-1">
        <h1 className="text-2xl font-bold text-brand-900">Change your journey</h1>
        <p className="text-slate-700">
          Booking {booking.pnr}: {booking.fromName} → {booking.toName}, train {booking.train.number}, {booking.class}. {travelling} {travelling === 1 ? "passenger" : "passengers"} travelling.
          You keep your booking reference; the fare difference and any exchange fee are settled when you confirm.
        </p>
      </header>

      <form method="get" className="flex flex-wrap items-end gap-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <div>
          <label htmlFor="exchange-from" className="block text-sm font-medium text-slate-800">From</label>
          <select id="exchange-from" name="from" defaultValue={from} className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-2">
            {stations.map((s) => (
              <option key={s.code} value={s.code}>{s.name}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="exchange-to" className="block text-sm font-medium text-slate-800">To</label>
          <select id="exchange-to" name="to" defaultValue={to} className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-2">
            {stations.map((s) => (
              <option key={s.code} value={s.code}>{s.name}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="exchange-date" className="block text-sm font-medium text-slate-800">Date</label>
          <input id="exchange-date" type="date" name="date" defaultValue={date} min={today} className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-2" />
        </div>
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">Show trains</button>
      </form>

      {problem && <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-red-900">{problem}</p>}
      <section aria-labelledby="exchange-trains" className="space-y-3">
        <h2 id="exchange-trains" className="text-lg font-semibold text-brand-900">Trains on {longDateLabel(date)}</h2>
        {options.length === 0 && !problem ? (
          <p className="text-slate-700">No train runs between these stations on this date. Try another date.</p>
        ) : (
          <ExchangeForm pnr={booking.pnr} options={options} passengers={travelling} bookedClass={booking.class} />
        )}
      </section>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { StatusBadge } from "@/components/booking/status-badge";
import { localClock, localDate } from "@/components/booking/journey-header";
import { requireUser } from "@/lib/auth/current-user";
import { formatMoney } from "@/lib/money";
import type { BookingView } from "@/lib/schemas/booking";
import { daysBetween, longDateLabel } from "@/lib/time/zoned";
import { myBookings } from "@/lib/tickets/my-bookings";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "My bookings" };

function BookingRow({ booking }: { booking: BookingView }) {
  const href = booking.status === "HELD" ? `/bookings/${booking.pnr}/pay` : `/bookings/${booking.pnr}`;
  // An overnight journey arrives on a later local date: say so, as search results do.
  const nextDay = daysBetween(localDate(booking.departure), localDate(booking.arrival));
  const arrives = `arriving ${localClock(booking.arrival)}${nextDay > 0 ? ` on ${longDateLabel(localDate(booking.arrival))}` : ""}`;
  return (
    <li>
      <Link
        href={href}
        className="flex flex-wrap items-center justify-between gap-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200 hover:ring-brand-600"
        aria-label={`${booking.fromName} to ${booking.toName}, ${longDateLabel(localDate(booking.departure))} at ${localClock(booking.departure)}, ${arrives}, booking ${booking.pnr}`}
      >
        <div>
          <p className="font-semibold text-brand-900">
            {booking.fromName} → {booking.toName}
          </p>
          <p className="text-sm text-slate-600">
            {longDateLabel(localDate(booking.departure))} · {localClock(booking.departure)}–{localClock(booking.arrival)}
            {nextDay > 0 && (
              <sup className="ml-0.5 text-xs font-medium text-amber-700" title={`Arrives ${localDate(booking.arrival)}`}>
                +{nextDay}
              </sup>
            )}{" "}
            · {booking.train.number} {booking.train.name}
          </p>
          <p className="text-sm text-slate-600">
            <span className="font-mono">{booking.pnr}</span> · {booking.passengers.length} passenger{booking.passengers.length > 1 ? "s" : ""} ·{" "}
            {formatMoney(booking.total.amount, booking.total.currency)}
          </p>
        </div>
        <StatusBadge status={booking.status} />
      </Link>
    </li>
  );
}

function Section({ title, bookings, empty }: { title: string; bookings: BookingView[]; empty: string }) {
  // aria-labelledby takes a space-separated list of ids, so the id must not contain spaces.
  const headingId = `section-${title.toLowerCase().replace(/[^a-z]+/g, "-")}`;
  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <h2 id={headingId} className="text-lg font-semibold text-slate-900">
        {title} <span className="text-sm font-normal text-slate-500">({bookings.length})</span>
      </h2>
      {bookings.length === 0 ? <p className="text-slate-600">{empty}</p> : <ul className="space-y-3">{bookings.map((b) => <BookingRow key={b.pnr} booking={b} />)}</ul>}
    </section>
  );
}

export default async function MyBookingsPage() {
  const user = await requireUser("/bookings");
  const { upcoming, past } = await myBookings(user.id);

  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold text-brand-900">My bookings</h1>
      {upcoming.length + past.length === 0 ? (
        <div className="rounded-xl bg-white p-6 text-center shadow-sm ring-1 ring-slate-200">
          <p className="font-medium">You have no bookings yet.</p>
          <p className="mt-1 text-slate-600">Find a train, pick your seats, and your tickets will be here.</p>
          <Link href="/" className="mt-4 inline-block rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
            Search trains
          </Link>
        </div>
      ) : (
        <>
          <Section title="Upcoming" bookings={upcoming} empty="No upcoming trips." />
          <Section title="Past and cancelled" bookings={past} empty="Nothing here yet." />
        </>
      )}
    </div>
  );
}

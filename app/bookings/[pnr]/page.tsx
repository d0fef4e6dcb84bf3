import type { Metadata } from "next";
import Link from "next/link";
import { BookingSummary } from "@/components/booking/booking-summary";
import { CancelBooking, CancelPassenger } from "@/components/booking/cancel-booking";
import { JourneyHeader } from "@/components/booking/journey-header";
import { PrintButton } from "@/components/booking/print-button";
import { StatusBadge } from "@/components/booking/status-badge";
import { WaitlistStatus } from "@/components/booking/waitlist-status";
import { ServiceUpdates } from "@/components/booking/service-updates";
import { bookingForPage, searchAgainHref } from "@/lib/tickets/booking-for-page";
import { ticketQrSvg } from "@/lib/tickets/ticket-qr";
import { issueTicket } from "@/lib/tickets/issue-ticket";
import { isAppError } from "@/lib/errors";
import { LiveRefresh } from "@/components/live/live-refresh";
import { ME_STREAM } from "@/components/live/channels";

// No loading.tsx here or above: it would make this page stream, and a streamed page has already
// answered 200 by the time notFound() runs, so another person's PNR would not be a real 404.
export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your e-ticket" };

type Params = Promise<{ pnr: string }>;

export default async function TicketPage({ params, searchParams }: { params: Params; searchParams: Promise<{ changed?: string }> }) {
  const { pnr } = await params;
  const { changed } = await searchParams;
  const { booking, user } = await bookingForPage(pnr, `/bookings/${pnr}`);
  const confirmed = booking.status === "CONFIRMED";
  const travelling = booking.passengers.filter((p) => p.status === "CONFIRMED").length;
  // A server without its ticket key (NOT_CONFIGURED) still shows the booking, just not the code.
  const ticket = await issueTicket(booking).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_CONFIGURED") return undefined;
    throw error;
  });
  const qr = ticket ? await ticketQrSvg(ticket, booking.pnr) : null;

  return (
    <article aria-labelledby="ticket-title" className="space-y-6 print:space-y-4">
      {/* Re-renders when this booking changes elsewhere: paid in another tab, expired, cancelled by staff. */}
      <LiveRefresh url={ME_STREAM} match={{ type: "booking", pnr: booking.pnr }} />
      <div className="flex flex-wrap items-start justify-between gap-4 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-5 print:shadow-none">
        <div className="space-y-2">
          <h1 id="ticket-title" className="text-2xl font-bold text-brand-900">
            {confirmed ? "Your e-ticket" : "Your booking"}
          </h1>
          <p className="text-slate-700">
            Booking reference{" "}
            <span className="font-mono text-2xl font-semibold tracking-wider text-brand-900" data-testid="pnr">
              {booking.pnr}
            </span>
          </p>
          <StatusBadge status={booking.status} />
          {booking.status === "HELD" && (
            <p className="text-sm text-amber-900">
              Not paid yet: this is not a ticket until you pay.{" "}
              <Link href={`/bookings/${booking.pnr}/pay`} className="font-semibold underline print:hidden">
                Pay now
              </Link>
            </p>
          )}
          {booking.status === "EXPIRED" && (
            <p className="text-sm text-slate-700">
              The seat hold ran out before payment.{" "}
              <Link href={searchAgainHref(booking)} className="font-semibold text-brand-700 underline print:hidden">
                Search again
              </Link>
            </p>
          )}
          {booking.status === "WAITLISTED" && <WaitlistStatus initial={booking} />}
          {booking.status === "CANCELLED" && <p className="text-sm text-red-800">This booking is cancelled and is not valid for travel.</p>}
        </div>
        {ticket === undefined && confirmed && (
          <p role="status" className="max-w-56 text-sm text-amber-900">
            The ticket code cannot be shown right now. Your booking reference is enough to travel: show it with an identity document.
          </p>
        )}
        {qr && (
          <figure className="w-56 shrink-0 sm:w-64">
            <div className="rounded-md bg-white ring-1 ring-slate-200" data-testid="ticket-qr" dangerouslySetInnerHTML={{ __html: qr }} />
            <figcaption className="mt-1 text-center text-xs text-slate-500">Show this code on board</figcaption>
          </figure>
        )}
      </div>

      {changed === "1" && booking.status === "CONFIRMED" && (
        <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-emerald-900 print:hidden">
          Your journey is changed. This is your new ticket; the earlier one is no longer valid.
        </p>
      )}
      <ServiceUpdates pnr={booking.pnr} userId={user.id} />
      <JourneyHeader headingLevel={2} train={booking.train} fromName={booking.fromName} toName={booking.toName} departure={booking.departure} arrival={booking.arrival} />
      <BookingSummary
        booking={booking}
        passengerAction={
          travelling > 1 && (booking.status === "CONFIRMED" || booking.status === "HELD")
            ? (position, name) => <CancelPassenger pnr={booking.pnr} position={position} name={name} />
            : undefined
        }
      />

      <div className="flex flex-wrap items-center gap-3 print:hidden">
        {confirmed && (
          <>
            <a href={`/bookings/${booking.pnr}/ticket.pdf`} download className="rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
              Download PDF
            </a>
            <PrintButton />
            <Link href={`/bookings/${booking.pnr}/exchange`} className="rounded-md border border-brand-300 bg-white px-4 py-2 font-medium text-brand-800 hover:bg-brand-50">
              Change journey
            </Link>
          </>
        )}
        <CancelBooking pnr={booking.pnr} cancellable={booking.status === "HELD" || booking.status === "CONFIRMED" || booking.status === "WAITLISTED"} />
        <Link href="/bookings" className="ml-auto font-medium text-brand-700 underline">
          All my bookings
        </Link>
      </div>
    </article>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { BookingSummary } from "@/components/booking/booking-summary";
import { CheckoutPanel, HoldExpiredNotice } from "@/components/booking/checkout-panel";
import { JourneyHeader } from "@/components/booking/journey-header";
import { StatusBadge } from "@/components/booking/status-badge";
import { bookingForPage, searchAgainHref } from "@/lib/tickets/booking-for-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Pay for your booking" };

type Params = Promise<{ pnr: string }>;

export default async function PayPage({ params }: { params: Params }) {
  const { pnr } = await params;
  const { booking, readAt } = await bookingForPage(pnr, `/bookings/${pnr}/pay`);
  // Paid already (another tab, or the back button after paying): the ticket is what they want.
  if (booking.status === "CONFIRMED") redirect(`/bookings/${booking.pnr}`);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-slate-700">
          Booking reference <span className="font-mono text-lg font-semibold tracking-wider text-brand-900">{booking.pnr}</span>
        </p>
        <StatusBadge status={booking.status} />
      </div>
      <JourneyHeader train={booking.train} fromName={booking.fromName} toName={booking.toName} departure={booking.departure} arrival={booking.arrival} />
      <BookingSummary booking={booking} />
      {(booking.status === "HELD" || booking.status === "WAITLISTED") && booking.holdExpiresAt ? (
        // A waiting-list place is paid up front, within a window as long as a hold.
        <CheckoutPanel
          pnr={booking.pnr}
          holdExpiresAt={booking.holdExpiresAt}
          serverNow={readAt.getTime()}
          total={booking.total}
          searchAgainHref={searchAgainHref(booking)}
          waitlisted={booking.status === "WAITLISTED"}
        />
      ) : booking.status === "EXPIRED" ? (
        <HoldExpiredNotice searchAgainHref={searchAgainHref(booking)} />
      ) : (
        <div role="status" className="rounded-xl bg-white p-5 ring-1 ring-slate-200">
          <p>
            {booking.status === "CANCELLED"
              ? "This booking was cancelled, so there is nothing to pay."
              : "Your waiting-list place is paid. We will confirm it with seats as soon as they come free."}
          </p>
          <Link href={`/bookings/${booking.pnr}`} className="mt-2 inline-block font-medium text-brand-700 underline">
            See the booking
          </Link>
        </div>
      )}
    </div>
  );
}

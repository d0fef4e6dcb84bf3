"use client";
// A waiting-list booking's live panel on the booking page: the place in the queue as it moves, a
// reminder to pay while the place is unpaid, and, when a seat comes free, the page re-rendered on
// the spot (router.refresh, no reload) to show the confirmed booking with its seat and e-ticket.
import { useEffect } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { BookingView } from "@/lib/schemas/booking";
import { useBookingLive } from "./use-booking-live";

function ordinal(n: number): string {
  const rem100 = n % 100;
  const suffix = rem100 >= 11 && rem100 <= 13 ? "th" : ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th";
  return `${n}${suffix}`;
}

export function WaitlistStatus({ initial }: { initial: BookingView }) {
  const router = useRouter();
  const { data } = useBookingLive(initial.pnr, { initial });
  const booking = data ?? initial;
  const changed = booking.status !== initial.status;

  // Promoted, expired or cancelled meanwhile: the server page shows each of those; ask it again.
  useEffect(() => {
    if (changed) router.refresh();
  }, [changed, router]);

  if (changed) {
    return (
      <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-emerald-900 ring-1 ring-emerald-200">
        {booking.status === "CONFIRMED" ? "Good news: a seat came free and your booking is confirmed." : "Your booking has changed."}
      </p>
    );
  }
  const unpaid = booking.holdExpiresAt !== null;
  return (
    <div className="space-y-1 rounded-md bg-sky-50 px-3 py-2 text-sky-950 ring-1 ring-sky-200" data-testid="waitlist-status">
      <p role="status" aria-live="polite" aria-atomic="true">
        {booking.waitlistPosition !== null ? (
          <>
            You are <strong data-testid="waitlist-position">{ordinal(booking.waitlistPosition)}</strong> on the waiting list.
          </>
        ) : (
          "You are on the waiting list."
        )}
      </p>
      <p className="text-sm">
        {unpaid ? (
          <>
            Pay now to keep your place: only paid places are given seats.{" "}
            <Link href={`/bookings/${booking.pnr}/pay`} className="font-semibold underline print:hidden">
              Pay now
            </Link>
          </>
        ) : (
          "Paid. When seats for your whole journey come free they are yours, and we will tell you; this page updates by itself. If none do before the chart is prepared, you get everything back."
        )}
      </p>
    </div>
  );
}

// The booking a page shows, read through the booking engine's owner-checked read: someone else's
// PNR (or one that does not exist) is the page's 404, never a peek at another person's trip.
import "server-only";
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { requireUser, type CurrentUser } from "@/lib/auth/current-user";
import { ownBookingView } from "@/lib/booking/booking-view";
import { isAppError } from "@/lib/errors";
import type { BookingView } from "@/lib/schemas/booking";

/** `readAt` is when the booking was read: the checkout's countdown starts from the server's clock. */
export async function bookingForPage(pnr: string, callbackPath: string): Promise<{ user: CurrentUser; booking: BookingView; readAt: Date }> {
  const user = await requireUser(callbackPath);
  try {
    const readAt = new Date();
    return { user, booking: await ownBookingView(db(), user.id, pnr.toUpperCase(), readAt), readAt };
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

/** Back to the search this booking came from: same stations, same day, same party size. */
export function searchAgainHref(booking: BookingView): string {
  const params = new URLSearchParams({
    from: booking.from,
    to: booking.to,
    date: booking.departure.slice(0, 10),
    passengers: String(booking.passengers.length),
  });
  return `/search?${params}`;
}

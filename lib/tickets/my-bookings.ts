// The "My bookings" page's lists: a person's bookings split into trips still to come and history,
// read through the booking engine's owner-scoped list.
import "server-only";
import { db } from "@/lib/db";
import { listOwnBookings } from "@/lib/booking/booking-view";
import type { BookingView } from "@/lib/schemas/booking";

const LIVE = new Set<BookingView["status"]>(["HELD", "CONFIRMED", "WAITLISTED"]);

export interface MyBookings {
  /** Trips still to come that are still on, soonest first. */
  upcoming: BookingView[];
  /** Everything else (travelled, cancelled, lapsed holds), latest departure first. */
  past: BookingView[];
}

export function splitBookings(bookings: BookingView[], now: Date): MyBookings {
  const at = now.getTime();
  const upcoming = bookings.filter((b) => LIVE.has(b.status) && Date.parse(b.departure) > at).sort((a, b) => Date.parse(a.departure) - Date.parse(b.departure));
  const past = bookings.filter((b) => !upcoming.includes(b)).sort((a, b) => Date.parse(b.departure) - Date.parse(a.departure));
  return { upcoming, past };
}

export async function myBookings(userId: string, now = new Date()): Promise<MyBookings> {
  return splitBookings(await listOwnBookings(db(), userId), now);
}

"use client";
// One booking as it is now, kept fresh while the page is open: the waiting-list position moves and
// a promotion shows up without a reload. Polls GET /api/v1/bookings/{pnr} every few seconds; this
// hook is the one place that fetch lives, so server-sent events can replace the polling here
// (components/live/) without touching the components that use it.
import { useQuery } from "@tanstack/react-query";
import { bookingSchema, type BookingView } from "@/lib/schemas/booking";
import { apiRequest } from "./api-client";

export const BOOKING_LIVE_REFRESH_MS = 3_000;

export function bookingLiveKey(pnr: string) {
  return ["booking", pnr] as const;
}

export function useBookingLive(pnr: string, options: { initial?: BookingView; enabled?: boolean } = {}) {
  return useQuery({
    queryKey: bookingLiveKey(pnr),
    // Parsed with the server's own schema: a contract change is an error here, not a silent lie.
    queryFn: async ({ signal }) => bookingSchema.parse(await apiRequest<unknown>(`/api/v1/bookings/${encodeURIComponent(pnr)}`, { signal })),
    initialData: options.initial,
    refetchInterval: BOOKING_LIVE_REFRESH_MS,
    enabled: options.enabled ?? true,
    staleTime: 0,
    retry: 2,
  });
}

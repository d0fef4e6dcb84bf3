"use client";
// One booking as it is now, kept fresh while the page is open: the waiting-list position moves and
// a promotion shows up without a reload. Refetches GET /api/v1/bookings/{pnr} when the live streams
// say so: the owner's stream for this booking's own changes and, while it waits, its train's stream,
// since a waiting-list position moves when other bookings of the train change. Without the
// streams it polls every few seconds, as before (components/live/).
import { useQuery } from "@tanstack/react-query";
import { bookingSchema, type BookingView } from "@/lib/schemas/booking";
import { LIVE_POLL_MS, useLiveInvalidation } from "@/components/live/use-live-invalidation";
import { ME_STREAM, serviceStream } from "@/components/live/channels";
import { apiRequest } from "./api-client";

export const BOOKING_LIVE_REFRESH_MS = 3_000;

export function bookingLiveKey(pnr: string) {
  return ["booking", pnr] as const;
}

export function useBookingLive(pnr: string, options: { initial?: BookingView; enabled?: boolean } = {}) {
  const on = options.enabled ?? true;
  const own = useLiveInvalidation(on ? ME_STREAM : null, [bookingLiveKey(pnr)], { filter: (m) => m.type === "booking" && m.pnr === pnr });
  const waiting = on && options.initial?.status === "WAITLISTED" ? options.initial.serviceId : null;
  const train = useLiveInvalidation(waiting ? serviceStream(waiting) : null, [bookingLiveKey(pnr)]);
  const live = own.live && (!waiting || train.live);
  return useQuery({
    queryKey: bookingLiveKey(pnr),
    // Parsed with the server's own schema: a contract change is an error here, not a silent lie.
    queryFn: async ({ signal }) => bookingSchema.parse(await apiRequest<unknown>(`/api/v1/bookings/${encodeURIComponent(pnr)}`, { signal })),
    initialData: options.initial,
    refetchInterval: live ? LIVE_POLL_MS : BOOKING_LIVE_REFRESH_MS,
    enabled: options.enabled ?? true,
    staleTime: 0,
    retry: 2,
  });
}

"use client";
// Live seat availability for one journey on one train. The service's live stream (server-sent
// events fed by PostgreSQL NOTIFY) refetches the map the moment a seat is held, sold or freed, so a
// seat someone else takes turns taken here without a reload; while the stream is unavailable the
// map polls every two seconds instead, and while it is up only every minute, as a safety net.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { seatMapSchema, type SeatMapView } from "@/lib/schemas/booking";
import { apiRequest } from "@/components/booking/api-client";
import { LIVE_POLL_MS, useLiveInvalidation } from "@/components/live/use-live-invalidation";
import { serviceStream } from "@/components/live/channels";

export const SEAT_MAP_REFRESH_MS = 2_000;

export function seatMapKey(serviceId: string, from: string, to: string) {
  return ["seat-map", serviceId, from, to] as const;
}

async function fetchSeatMap(serviceId: string, from: string, to: string, signal: AbortSignal): Promise<SeatMapView> {
  const query = new URLSearchParams({ from, to });
  const data = await apiRequest<unknown>(`/api/v1/services/${encodeURIComponent(serviceId)}/seats?${query}`, { signal });
  // Parsed with the server's own schema: a contract change shows up here as an error, not as a map that lies.
  return seatMapSchema.parse(data);
}

export function useSeatMap(serviceId: string, from: string, to: string) {
  // Every journey's map of this service refetches: a seat taken A->B may or may not clash with ours.
  const { live } = useLiveInvalidation(serviceStream(serviceId), [["seat-map", serviceId]]);
  return useQuery({
    queryKey: seatMapKey(serviceId, from, to),
    queryFn: ({ signal }) => fetchSeatMap(serviceId, from, to, signal),
    refetchInterval: live ? LIVE_POLL_MS : SEAT_MAP_REFRESH_MS,
    staleTime: 0,
    retry: 2,
  });
}

/** Ask for fresh availability now (after the server said a seat was taken). */
export function useRefreshSeatMap(serviceId: string, from: string, to: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: seatMapKey(serviceId, from, to) });
}

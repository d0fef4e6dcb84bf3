"use client";
// Live seat availability for one journey on one train, read in two parts: the layout (coaches and
// seats, which do not change as seats sell) once per page, and which seats are taken, a few bytes
// per sold seat, whenever it may have changed (docs/decisions/045-seat-map-in-two-parts.md). The
// service's live stream (server-sent events) refetches the taken seats the moment a seat is held,
// sold or freed, so a seat someone else takes turns taken here without a reload; while the stream
// is unavailable availability polls every two seconds instead, and while it is up only every minute,
// as a safety net. Both answers carry ETags: an unchanged one comes back as a 304 without a body.
import { useMemo } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { seatAvailabilitySchema, seatLayoutSchema, withAvailability, type SeatMapView } from "@/lib/schemas/booking";
import { apiRequest } from "@/components/booking/api-client";
import { LIVE_POLL_MS, useLiveInvalidation } from "@/components/live/use-live-invalidation";
import { serviceStream } from "@/components/live/channels";

export const SEAT_MAP_REFRESH_MS = 2_000;
/** The layout changes only when operators change a train's coaches or quotas: read again after this. */
const LAYOUT_STALE_MS = 5 * 60_000;

export function seatMapKey(serviceId: string, from: string, to: string) {
  return ["seat-map", serviceId, from, to] as const;
}

const service = (serviceId: string) => `/api/v1/services/${encodeURIComponent(serviceId)}`;

// Parsed with the server's own schemas: a contract change shows up here as an error, not as a map that lies.
async function fetchLayout(serviceId: string, signal: AbortSignal) {
  return seatLayoutSchema.parse(await apiRequest<unknown>(`${service(serviceId)}/layout`, { signal, revalidate: true }));
}

async function fetchAvailability(serviceId: string, from: string, to: string, signal: AbortSignal) {
  const query = new URLSearchParams({ from, to });
  return seatAvailabilitySchema.parse(await apiRequest<unknown>(`${service(serviceId)}/availability?${query}`, { signal, revalidate: true }));
}

export function useSeatMap(serviceId: string, from: string, to: string) {
  // Every journey's map of this service refetches: a seat taken A->B may or may not clash with ours.
  const { live } = useLiveInvalidation(serviceStream(serviceId), [["seat-map", serviceId]]);
  const layout = useQuery({
    queryKey: ["seat-layout", serviceId],
    queryFn: ({ signal }) => fetchLayout(serviceId, signal),
    staleTime: LAYOUT_STALE_MS,
    retry: 2,
  });
  const availability = useQuery({
    queryKey: seatMapKey(serviceId, from, to),
    queryFn: ({ signal }) => fetchAvailability(serviceId, from, to, signal),
    refetchInterval: live ? LIVE_POLL_MS : SEAT_MAP_REFRESH_MS,
    staleTime: 0,
    retry: 2,
  });
  const data = useMemo<SeatMapView | undefined>(
    () => (layout.data && availability.data ? withAvailability(layout.data, availability.data) : undefined),
    [layout.data, availability.data],
  );
  return {
    data,
    error: layout.error ?? availability.error,
    isPending: layout.isPending || availability.isPending,
    isError: layout.isError || availability.isError,
    isFetching: layout.isFetching || availability.isFetching,
    refetch: () => Promise.all([layout.refetch(), availability.refetch()]),
  };
}

/** Ask for fresh availability now (after the server said a seat was taken). */
export function useRefreshSeatMap(serviceId: string, from: string, to: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: seatMapKey(serviceId, from, to) });
}

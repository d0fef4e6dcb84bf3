"use client";
// What joining the waiting list would mean now (GET /api/v1/services/{id}/waitlist), for the
// booking form of a class sold out for the party. Refreshed with the seat map's rhythm.
import { useQuery } from "@tanstack/react-query";
import { waitlistInfoSchema } from "@/lib/schemas/booking";
import { apiRequest } from "./api-client";

export function useWaitlistInfo(q: { serviceId: string; from: string; to: string; classCode: string; quota: string }, enabled: boolean) {
  return useQuery({
    queryKey: ["waitlist", q.serviceId, q.from, q.to, q.classCode, q.quota] as const,
    queryFn: async ({ signal }) => {
      const query = new URLSearchParams({ from: q.from, to: q.to, class: q.classCode, quota: q.quota });
      return waitlistInfoSchema.parse(await apiRequest<unknown>(`/api/v1/services/${encodeURIComponent(q.serviceId)}/waitlist?${query}`, { signal }));
    },
    enabled,
    refetchInterval: 5_000,
    staleTime: 0,
  });
}

import { json, route } from "@/lib/http";
import { searchQuerySchema } from "@/lib/schemas/search";
import { searchServices } from "@/lib/search/search-services";
import { filterOffers } from "@/lib/search/filter-offers";

export const GET = route({ access: "public", query: searchQuerySchema }, async ({ query }) => {
  const result = await searchServices(query);
  return json({
    services: filterOffers(result.services, { class: query.class, time: query.time }).map((s) => ({
      serviceId: s.serviceId,
      trainNumber: s.trainNumber,
      trainName: s.trainName,
      date: s.date,
      status: s.status,
      delayMinutes: s.delayMinutes,
      departure: s.departure,
      arrival: s.arrival,
      durationMinutes: s.durationMinutes,
      classes: s.classes.map((c) => ({ class: c.class, available: c.available, fare: c.fare })),
    })),
  });
});

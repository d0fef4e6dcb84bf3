import { route } from "@/lib/http";
import { cachedJson, LIVE } from "@/lib/http-edge/cached-json";
import { searchQuerySchema } from "@/lib/schemas/search";
import { searchServices, type ServiceOffer } from "@/lib/search/search-services";
import { searchJourneys } from "@/lib/search/journeys";
import { filterOffers } from "@/lib/search/filter-offers";

const service = (s: ServiceOffer) => ({
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
});

// The same for everyone who asks: a CDN may share it for a second (lib/http-edge/cached-json.ts).
export const GET = route({ access: "public", query: searchQuerySchema }, async ({ request, user, query }) => {
  const [result, journeys] = await Promise.all([searchServices(query), searchJourneys(query)]);
  const filters = { class: query.class, time: query.time };
  const answer = {
    services: filterOffers(result.services, filters).map(service),
    journeys: filterOffers(journeys, filters).map((j) => ({
      id: j.id,
      departure: j.departure,
      arrival: j.arrival,
      durationMinutes: j.durationMinutes,
      changes: j.changes,
      atRisk: j.atRisk,
      legs: j.legs.map((l) => ({ ...service(l), from: l.from.code, to: l.to.code })),
      connections: j.connections.map((c) => ({ ...c, station: c.station.code })),
      classes: j.classes.map((c) => ({ class: c.class, available: c.available, fare: c.fare })),
    })),
  };
  return cachedJson(request, answer, LIVE, user !== null);
});

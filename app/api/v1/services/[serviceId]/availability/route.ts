// GET /api/v1/services/{serviceId}/availability?from=CODE&to=CODE: the seats of the layout taken
// for that journey, by coach and number. Public; a CDN may share it for a second (lib/http-edge/cached-json.ts).
import { route } from "@/lib/http";
import { cachedJson, LIVE } from "@/lib/http-edge/cached-json";
import { seatMapQuerySchema } from "@/lib/schemas/booking";
import { seatAvailability } from "@/lib/booking/seat-map";

export const GET = route<"public", undefined, typeof seatMapQuerySchema, { serviceId: string }>(
  { access: "public", query: seatMapQuerySchema },
  async ({ request, user, query, params }) => cachedJson(request, await seatAvailability(params.serviceId, query), LIVE, user !== null),
);

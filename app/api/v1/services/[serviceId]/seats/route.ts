// GET /api/v1/services/{serviceId}/seats?from=CODE&to=CODE: the seat map with availability for
// that journey, in one answer (the web page reads it in two parts: layout and availability). Public, like search.
import { route } from "@/lib/http";
import { cachedJson, LIVE } from "@/lib/http-edge/cached-json";
import { seatMapQuerySchema } from "@/lib/schemas/booking";
import { seatMap } from "@/lib/booking/seat-map";

export const GET = route<"public", undefined, typeof seatMapQuerySchema, { serviceId: string }>(
  { access: "public", query: seatMapQuerySchema },
  async ({ request, user, query, params }) => cachedJson(request, await seatMap(params.serviceId, query), LIVE, user !== null),
);

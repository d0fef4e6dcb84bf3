// GET /api/v1/services/{serviceId}/seats?from=CODE&to=CODE: the seat map with availability for
// that journey. Public, like search.
import { json, route } from "@/lib/http";
import { seatMapQuerySchema } from "@/lib/schemas/booking";
import { seatMap } from "@/lib/booking/seat-map";

export const GET = route<"public", undefined, typeof seatMapQuerySchema, { serviceId: string }>(
  { access: "public", query: seatMapQuerySchema },
  async ({ query, params }) => json(await seatMap(params.serviceId, query)),
);

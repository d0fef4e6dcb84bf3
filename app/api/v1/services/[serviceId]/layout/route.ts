// GET /api/v1/services/{serviceId}/layout: the seat map's drawing (coaches, seats, their places),
// without availability. Public and cacheable: its ETag changes only with the coaches or quotas.
import { route } from "@/lib/http";
import { cachedJson, LAYOUT } from "@/lib/http-edge/cached-json";
import { seatLayout } from "@/lib/booking/seat-map";

export const GET = route<"public", undefined, undefined, { serviceId: string }>({ access: "public" }, async ({ request, user, params }) =>
  cachedJson(request, await seatLayout(params.serviceId), LAYOUT, user !== null),
);

// GET /api/v1/services/{serviceId}/waitlist?from=CODE&to=CODE&class=CODE[&quota=CODE]
//   -> {waiting, available, open}: joining now would make you number waiting + 1. Public, like search.
import { json, route } from "@/lib/http";
import { waitlistQuerySchema } from "@/lib/schemas/booking";
import { waitlistInfo } from "@/lib/booking/waitlist/queue";

export const GET = route<"public", undefined, typeof waitlistQuerySchema, { serviceId: string }>(
  { access: "public", query: waitlistQuerySchema },
  async ({ query, params }) => json(await waitlistInfo(params.serviceId, query), 200, { "Cache-Control": "no-store" }),
);

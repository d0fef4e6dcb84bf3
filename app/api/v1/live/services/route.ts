// GET /api/v1/live/services?ids=a,b,c: Server-Sent Events when seats or the timetable of any of
// these services change, over one connection (lib/live/streams.ts). Public, like search.
import { route } from "@/lib/http";
import { liveServicesQuerySchema } from "@/lib/schemas/live";
import { servicesStream } from "@/lib/live/streams";

export const dynamic = "force-dynamic";

export const GET = route({ access: "public", query: liveServicesQuerySchema }, ({ request, query }) => servicesStream(request, query.ids));

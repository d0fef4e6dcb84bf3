// GET /api/v1/live/services/{serviceId}: Server-Sent Events when seats or the timetable of this
// service change (lib/live/streams.ts). Public, like the seat map it keeps fresh.
import { route } from "@/lib/http";
import { serviceStream } from "@/lib/live/streams";

// A stream per request: never prerendered or cached.
export const dynamic = "force-dynamic";

export const GET = route<"public", undefined, undefined, { serviceId: string }>({ access: "public" }, ({ request, params }) =>
  serviceStream(request, params.serviceId),
);

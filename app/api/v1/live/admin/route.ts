// GET /api/v1/live/admin: Server-Sent Events about every booking, availability and timetable
// change, for operator dashboards (admins only; lib/live/streams.ts).
import { route } from "@/lib/http";
import { operatorStream } from "@/lib/live/streams";

export const dynamic = "force-dynamic";

export const GET = route({ access: "admin" }, ({ request }) => operatorStream(request));

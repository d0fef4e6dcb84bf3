// GET /api/v1/live/me: Server-Sent Events about the caller's own bookings and notices
// (lib/live/streams.ts). The session is checked on every (re)connect.
import { route } from "@/lib/http";
import { personalStream } from "@/lib/live/streams";

export const dynamic = "force-dynamic";

export const GET = route({ access: "user" }, ({ request, user }) => personalStream(request, user));

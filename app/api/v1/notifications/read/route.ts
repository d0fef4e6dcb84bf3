// POST /api/v1/notifications/read { ids: [...] } or { all: true }: marks the caller's notices read.
// Repeating it is harmless (already-read notices are left as they are).
import { json, route } from "@/lib/http";
import { markReadSchema } from "@/lib/schemas/notifications";
import { markRead } from "@/lib/notifications/inbox";

export const POST = route({ access: "user", body: markReadSchema }, async ({ user, body }) => json(await markRead(user.id, body)));

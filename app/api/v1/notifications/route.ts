// GET /api/v1/notifications?limit=&before=&unread=: the caller's in-app notices, newest first,
// with the unread count (the header bell asks with limit=0).
import { json, route } from "@/lib/http";
import { notificationsQuerySchema } from "@/lib/schemas/notifications";
import { listNotifications } from "@/lib/notifications/inbox";

export const GET = route({ access: "user", query: notificationsQuerySchema }, async ({ user, query }) =>
  json(await listNotifications(user.id, query), 200, { "Cache-Control": "no-store" }),
);

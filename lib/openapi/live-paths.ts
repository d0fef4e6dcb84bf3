// The notifications and live-update endpoints' part of the OpenAPI document (lib/openapi/document.ts).
// Live streams are Server-Sent Events: OpenAPI has no first-class way to describe one, so each says
// in prose what its events carry; the events only ever say "this changed, refetch it".
import { markReadResultSchema, markReadSchema, notificationListSchema, notificationsQuerySchema } from "@/lib/schemas/notifications";
import { liveServicesQuerySchema } from "@/lib/schemas/live";
import type { DocHelpers } from "@/lib/openapi/admin-ops-paths";

type Json = Record<string, unknown>;

const STREAM_PROTOCOL =
  "A text/event-stream. Each event is `id: <stream>-<n>` and `data: <json>` with a `type`. The first event of every " +
  "connection is `{type:\"refresh\"}` (reason connect, reconnect when Last-Event-ID was sent, or resync after the " +
  "server's own listener reconnected): refetch what you show. A comment line every 15 s keeps the connection open; " +
  "`retry:` says how long to wait before reconnecting; the server ends a stream after 10 minutes so clients reconnect. " +
  "503 means live updates are unavailable on this server (e.g. the embedded database): poll instead.";

function stream(summary: string, eventTypes: string, extra: Json = {}, codes: Parameters<DocHelpers["errors"]> = []): (h: DocHelpers) => Json {
  return (h) => ({
    get: {
      summary,
      description: `${STREAM_PROTOCOL} Event types: ${eventTypes}.`,
      ...extra,
      responses: {
        200: { description: "An event stream", content: { "text/event-stream": { schema: { type: "string" } } } },
        ...h.errors(...codes),
        ...h.common,
      },
    },
  });
}

export function livePaths(h: DocHelpers): Record<string, Json> {
  const serviceId = { name: "serviceId", in: "path", required: true, schema: { type: "string" } };
  return {
    "/notifications": {
      get: {
        summary: "The caller's in-app notices, newest first, and how many are unread",
        security: h.security,
        parameters: h.queryParameters(notificationsQuerySchema),
        responses: { 200: h.ok(notificationListSchema), ...h.errors("VALIDATION_FAILED", "UNAUTHENTICATED"), ...h.common },
      },
    },
    "/notifications/read": {
      post: {
        summary: "Mark some ({ids}) or all ({all: true}) of the caller's notices read",
        security: h.security,
        requestBody: h.body(markReadSchema),
        responses: { 200: h.ok(markReadResultSchema), ...h.errors("VALIDATION_FAILED", "UNAUTHENTICATED"), ...h.common },
      },
    },
    "/live/services/{serviceId}": stream(
      "Live availability and timetable changes of one service",
      "refresh; seats {serviceId} when seats are held, sold or freed; service {serviceId} when its timetable changes",
      { parameters: [serviceId] },
      ["NOT_FOUND"],
    )(h),
    "/live/services": stream(
      "Live availability and timetable changes of several services over one connection (a results page)",
      "refresh; seats {serviceId}; service {serviceId}",
      { parameters: h.queryParameters(liveServicesQuerySchema) },
      ["VALIDATION_FAILED"],
    )(h),
    "/live/me": stream(
      "Live changes to the caller's bookings and notices",
      "refresh; booking {pnr, serviceId, status} when one of the caller's bookings changes (incl. waiting-list moves); notification when notices arrive or are read",
      { security: h.security },
      ["UNAUTHENTICATED"],
    )(h),
    "/live/admin": stream(
      "Live booking, availability and timetable changes across the network (admins)",
      "refresh; booking {serviceId, status}; seats {serviceId}; service {serviceId}",
      { security: h.security },
      ["UNAUTHENTICATED", "FORBIDDEN"],
    )(h),
  };
}

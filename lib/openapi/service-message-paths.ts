// The operator's message to a service's passengers in the OpenAPI document (lib/openapi/document.ts).
import { serviceMessageResultSchema, serviceMessageSchema } from "@/lib/schemas/service-message";
import type { DocHelpers } from "@/lib/openapi/admin-ops-paths";

type Json = Record<string, unknown>;

export function serviceMessagePaths(h: DocHelpers, extra: { idempotencyHeader: Json }): Record<string, Json> {
  return {
    "/admin/services/{serviceId}/messages": {
      post: {
        summary: "Send a message to every passenger of a service, in the app and by email (admins)",
        description:
          "One in-app notice and one email (through the notifications outbox) per account with a confirmed booking on the service, " +
          "and one audit entry. `recipients` counts accounts, `bookings` the confirmed bookings they hold. The same Idempotency-Key " +
          "and body send nothing again and answer the first outcome (200, `replayed: true`).",
        security: h.security,
        parameters: [{ name: "serviceId", in: "path", required: true, schema: { type: "string" } }, extra.idempotencyHeader],
        requestBody: h.body(serviceMessageSchema),
        responses: {
          201: h.ok(serviceMessageResultSchema, "Sent"),
          200: h.ok(serviceMessageResultSchema, "Already sent with this key"),
          ...h.errors("VALIDATION_FAILED", "IDEMPOTENCY_KEY_REQUIRED", "IDEMPOTENCY_KEY_REUSED", "UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND"),
          ...h.common,
        },
      },
    },
  };
}

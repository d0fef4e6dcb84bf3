// Signed tickets and conductor checks in the OpenAPI document (lib/openapi/document.ts).
// The public key set itself lives outside /api/v1, at /.well-known/railbook-ticket-keys.
import { ticketCheckResultSchema, verifyTicketSchema } from "@/lib/schemas/tickets";
import type { DocHelpers } from "@/lib/openapi/admin-ops-paths";

type Json = Record<string, unknown>;

export function ticketPaths(h: DocHelpers, extra: { idempotencyHeader: Json }): Record<string, Json> {
  return {
    "/tickets/verify": {
      post: {
        summary: "Check a ticket on board (conductors and admins)",
        description:
          "Send the service you are on and either the scanned QR text (`ticket`, RB1.<kid>.<payload>.<signature>, Ed25519) or a typed `pnr`. " +
          "Answers 200 with `outcome`: ACCEPTED (now marked checked), ALREADY_CHECKED (with `firstCheck`: when and by whom), or REFUSED " +
          "with `reason` (FORGED, UNKNOWN_KEY, EXPIRED, NOT_YET_VALID, REVOKED, WRONG_SERVICE, UNREADABLE, NOT_FOUND). The Idempotency-Key " +
          "names the check: a device that checked offline sends it later with `checkedAt`, as often as it takes; it is recorded once. " +
          "Public keys and revoked tickets for checking offline: GET /.well-known/railbook-ticket-keys.",
        security: h.security,
        parameters: [extra.idempotencyHeader],
        requestBody: h.body(verifyTicketSchema),
        responses: { 200: h.ok(ticketCheckResultSchema), ...h.errors("VALIDATION_FAILED", "IDEMPOTENCY_KEY_REQUIRED", "UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND"), ...h.common },
      },
    },
  };
}

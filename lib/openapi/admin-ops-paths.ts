// The operations endpoints' part of the OpenAPI document (lib/openapi/document.ts): schedule
// changes, the bookings desk, analytics and user roles. Bodies and query parameters come from the
// schemas the route handlers parse with, answers from lib/schemas/admin-ops-views.ts.
import { z } from "zod";
import type { ERROR_CODES } from "@/lib/errors";
import { adminCancelBodySchema, analyticsRangeSchema, bookingSearchSchema, roleBodySchema, scheduleChangeSchema, scheduleChangesQuerySchema, userSearchSchema } from "@/lib/schemas/admin-ops";
import {
  adminBookingDetailSchema,
  adminBookingListSchema,
  adminCancelResultSchema,
  adminUserListSchema,
  resendTicketResultSchema,
  roleChangeResultSchema,
  scheduleChangeListSchema,
  scheduleChangeResultSchema,
} from "@/lib/schemas/admin-ops-views";
import { analyticsSchema } from "@/lib/schemas/admin-analytics";
import { EXPORT_KINDS, MAX_EXPORT_DAYS, exportRangeSchema } from "@/lib/schemas/admin-exports";

type Json = Record<string, unknown>;

const HEADERS_DOC: Record<(typeof EXPORT_KINDS)[number], string> = {
  bookings: "pnr, created_at, service_date, train, from, to, class, passengers, status, amount, currency",
  refunds: "pnr, refunded_at, amount, currency, reason, rule",
  revenue: "day, currency, bookings, gross, refunds, net",
};
type Code = keyof typeof ERROR_CODES;

/** The document's own helpers, passed in so both halves describe things the same way. */
export interface DocHelpers {
  body: (schema: z.ZodType) => Json;
  ok: (schema: z.ZodType, description?: string) => Json;
  errors: (...codes: Code[]) => Record<string, Json>;
  queryParameters: (schema: z.ZodType) => Json[];
  security: Json[];
  common: Record<string, Json>;
}

export function adminOpsPaths(h: DocHelpers): Record<string, Json> {
  const admin = (summary: string, extra: Json, ...codes: Code[]) => ({
    summary: `${summary} (admins)`,
    security: h.security,
    ...extra,
    responses: { ...(extra.responses as Json), ...h.errors("UNAUTHENTICATED", "FORBIDDEN", ...codes), ...h.common },
  });
  // The booking desk's endpoints (decision 031): desk staff may call them as well as admins.
  const desk = (summary: string, extra: Json, ...codes: Code[]) => ({ ...admin(summary, extra, ...codes), summary: `${summary} (admins and desk staff)` });
  const pnr = { name: "pnr", in: "path", required: true, schema: { type: "string", minLength: 10, maxLength: 10 } };
  const userId = { name: "userId", in: "path", required: true, schema: { type: "string" } };
  return {
    "/admin/schedule-changes": {
      get: admin("A service's schedule changes, newest first", { parameters: h.queryParameters(scheduleChangesQuerySchema), responses: { 200: h.ok(scheduleChangeListSchema) } }, "VALIDATION_FAILED"),
      post: admin(
        "Delay a service (0 = back on time), change a platform, or cancel it with full refunds",
        {
          description: "Every affected live booking gets an event and its owner an in-app notice. A cancellation is safe to send again: it finishes what is left and refunds nothing twice (200 instead of 201). A departed or cancelled train is refused (409).",
          requestBody: h.body(scheduleChangeSchema),
          responses: { 201: h.ok(scheduleChangeResultSchema, "Recorded"), 200: h.ok(scheduleChangeResultSchema, "Cancellation already recorded; remaining bookings finished") },
        },
        "VALIDATION_FAILED",
        "NOT_FOUND",
        "CONFLICT",
      ),
    },
    "/admin/bookings": {
      get: desk("Find bookings by PNR, e-mail or name, or by train number and service date", { parameters: h.queryParameters(bookingSearchSchema), responses: { 200: h.ok(adminBookingListSchema) } }, "VALIDATION_FAILED"),
    },
    "/admin/bookings/{pnr}": {
      get: desk("Any booking in full, with payments, refunds, event history and the cancel quote", { parameters: [pnr], responses: { 200: h.ok(adminBookingDetailSchema) } }, "NOT_FOUND"),
    },
    "/admin/bookings/{pnr}/cancel": {
      post: admin(
        "Cancel for the passenger: refund by the rules, or in full",
        { parameters: [pnr], requestBody: h.body(adminCancelBodySchema), responses: { 200: h.ok(adminCancelResultSchema) } },
        "VALIDATION_FAILED",
        "NOT_FOUND",
        "CONFLICT",
        "HOLD_EXPIRED",
      ),
    },
    "/admin/bookings/{pnr}/resend-ticket": {
      post: desk(
        "Queue the booking's e-ticket email again, to the passenger's address (audited)",
        { parameters: [pnr], responses: { 202: h.ok(resendTicketResultSchema, "Queued in the notifications outbox") } },
        "NOT_FOUND",
        "CONFLICT",
      ),
    },
    ...Object.fromEntries(
      EXPORT_KINDS.map((kind) => [
        `/admin/exports/${kind}`,
        {
          get: admin(
            `The ${kind} CSV for a range of days in the operator's time zone (default the last 30, at most ${MAX_EXPORT_DAYS})`,
            {
              parameters: h.queryParameters(exportRangeSchema),
              responses: { 200: { description: `text/csv (UTF-8 with a byte order mark), columns ${HEADERS_DOC[kind]}`, content: { "text/csv": { schema: { type: "string" } } } } },
            },
            "VALIDATION_FAILED",
          ),
        },
      ]),
    ),
    "/admin/analytics": {
      get: admin("Bookings, revenue, occupancy, busiest journeys, cancellations and waitlist for a date range", { parameters: h.queryParameters(analyticsRangeSchema), responses: { 200: h.ok(analyticsSchema) } }, "VALIDATION_FAILED"),
    },
    "/admin/users": {
      get: admin("Accounts, newest first; search by name or e-mail", { parameters: h.queryParameters(userSearchSchema), responses: { 200: h.ok(adminUserListSchema) } }),
    },
    "/admin/users/{userId}/role": {
      put: admin("Promote to admin or demote; the last admin cannot be demoted", { parameters: [userId], requestBody: h.body(roleBodySchema), responses: { 200: h.ok(roleChangeResultSchema) } }, "VALIDATION_FAILED", "NOT_FOUND", "CONFLICT"),
    },
  };
}

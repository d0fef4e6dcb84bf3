// The OpenAPI 3.1 description of /api/v1, served at GET /api/v1/openapi.json. Request bodies and
// query parameters come from the very zod schemas the route handlers parse with (z.toJSONSchema,
// built into zod 4), so the document cannot promise fields the server would refuse. Response
// shapes come from lib/schemas where the server builds them from a schema, and are written here
// for the few older endpoints that have none. tests/booking/openapi.test.ts checks every route
// file under app/api/v1 is described.
import { z } from "zod";
import { issueTokenSchema, registerSchema } from "@/lib/schemas/auth";
import { searchQuerySchema } from "@/lib/schemas/search";
import {
  bookingSchema,
  moneySchema,
  cancelResultSchema,
  exchangeQuerySchema,
  exchangeQuoteSchema,
  exchangeResultSchema,
  exchangeSchema,
  passengerCancelResultSchema,
  passengerRefundQuoteSchema,
  createBookingSchema,
  paymentResultSchema,
  paymentSchema,
  refundQuoteSchema,
  seatMapQuerySchema,
  seatMapSchema,
  seatLayoutSchema,
  seatAvailabilitySchema,
  waitlistInfoSchema,
  waitlistQuerySchema,
} from "@/lib/schemas/booking";
import { ERROR_CODES } from "@/lib/errors";
import { adminOpsPaths } from "@/lib/openapi/admin-ops-paths";
import { serviceMessagePaths } from "@/lib/openapi/service-message-paths";
import { livePaths } from "@/lib/openapi/live-paths";
import { ticketPaths } from "@/lib/openapi/ticket-paths";
import { ROLES } from "@/lib/schemas/roles";
import { assistantPaths } from "@/lib/openapi/assistant-paths";

type Json = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: "input" | "output"): Json {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Json;
  void _dialect;
  return rest;
}

const errorSchema = z.object({
  error: z.object({
    code: z.enum(Object.keys(ERROR_CODES) as [keyof typeof ERROR_CODES, ...(keyof typeof ERROR_CODES)[]]),
    message: z.string().describe("A sentence a person can act on."),
    details: z.unknown().optional().describe("For VALIDATION_FAILED: { fieldErrors: { field: [message] } }."),
  }),
});

const money = z.object({ amount: z.number().int(), currency: z.string() });
const searchClass = z.object({ class: z.string(), available: z.number().int(), fare: money });
const searchService = z.object({
  serviceId: z.string(),
  trainNumber: z.string(),
  trainName: z.string(),
  date: z.string(),
  status: z.enum(["SCHEDULED", "DELAYED", "CANCELLED"]),
  delayMinutes: z.number().int(),
  departure: z.string(),
  arrival: z.string(),
  durationMinutes: z.number().int(),
  classes: z.array(searchClass),
});
const responses = {
  register: z.object({ user: z.object({ id: z.string(), name: z.string(), email: z.string(), role: z.enum(ROLES) }) }),
  token: z.object({ token: z.string(), expiresAt: z.string() }),
  tokens: z.object({
    tokens: z.array(z.object({ id: z.string(), label: z.string().nullable(), createdAt: z.string(), lastUsedAt: z.string().nullable(), expiresAt: z.string() })),
  }),
  accountExport: z.object({
    exportedAt: z.string(),
    exportTruncated: z.boolean(),
    profile: z.object({ id: z.string(), email: z.string(), name: z.string(), role: z.enum(ROLES), createdAt: z.string(), updatedAt: z.string() }),
    bookings: z.array(bookingSchema),
    payments: z.array(z.object({ pnr: z.string(), amount: moneySchema, status: z.string(), cardLast4: z.string().nullable(), failureCode: z.string().nullable(), createdAt: z.string() })),
    refunds: z.array(z.object({ pnr: z.string(), amount: moneySchema, reason: z.string(), createdAt: z.string() })),
    notifications: z.array(
      z.object({ kind: z.string(), channel: z.string(), title: z.string(), body: z.string(), status: z.string(), pnr: z.string().nullable(), createdAt: z.string(), sentAt: z.string().nullable(), readAt: z.string().nullable() }),
    ),
    apiTokens: z.array(z.object({ label: z.string().nullable(), createdAt: z.string(), lastUsedAt: z.string().nullable(), expiresAt: z.string(), revokedAt: z.string().nullable() })),
  }),
  stations: z.object({ stations: z.array(z.object({ code: z.string(), name: z.string(), city: z.string() })) }),
  concessions: z.object({
    concessions: z.array(
      z.object({
        code: z.string().describe("What a passenger's `concession` names when booking."),
        name: z.string(),
        proof: z.string().nullable().describe("What the conductor may ask to see."),
        automatic: z.boolean().describe("Applied by age without being chosen (a child)."),
        minAge: z.number().int().nullable(),
        maxAge: z.number().int().nullable(),
        discountBasisPoints: z.number().int().describe("The discount in force, 10000 = free."),
      }),
    ),
  }),
  search: z.object({
    services: z.array(searchService).describe("Direct trains, by departure (cancelled ones included, with their status)."),
    journeys: z
      .array(
        z.object({
          id: z.string().describe("Stable for the same legs."),
          departure: z.string(),
          arrival: z.string(),
          durationMinutes: z.number().int(),
          changes: z.number().int(),
          atRisk: z.boolean().describe("A delay makes a change shorter than the station's minimum change time."),
          legs: z.array(searchService.extend({ from: z.string().describe("Boarding station code."), to: z.string().describe("Alighting station code.") })),
          connections: z.array(
            z.object({ station: z.string(), minutes: z.number().int(), minimumMinutes: z.number().int(), expectedMinutes: z.number().int(), atRisk: z.boolean() }),
          ),
          classes: z.array(searchClass).describe("Classes on sale on every leg: the fewest seats free on any leg, the fares added up."),
        }),
      )
      .describe("Direct trains and journeys with changes (one, or two when nothing better exists), by arrival; never a cancelled train."),
  }),
  overview: z.object({}).passthrough().describe("Operator dashboard counts."),
};

function body(schema: z.ZodType): Json {
  return { required: true, content: { "application/json": { schema: jsonSchema(schema, "input") } } };
}

function ok(schema: z.ZodType, description = "OK"): Json {
  return { description, content: { "application/json": { schema: jsonSchema(schema, "output") } } };
}

function errors(...codes: (keyof typeof ERROR_CODES)[]): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const code of codes) {
    const status = String(ERROR_CODES[code].status);
    const description = out[status] ? `${out[status].description} | ${code}` : code;
    out[status] = { description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
  }
  return out;
}

/** Query parameters from an object schema, one per property, in the query string. */
function queryParameters(schema: z.ZodType): Json[] {
  const s = jsonSchema(schema, "input") as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(s.properties ?? {}).map(([name, prop]) => ({ name, in: "query", required: s.required?.includes(name) ?? false, schema: prop }));
}

const pnrParam = { name: "pnr", in: "path", required: true, schema: { type: "string", minLength: 10, maxLength: 10 } };
const positionParam = { name: "position", in: "path", required: true, description: "The passenger's place on the booking, 1 to 6.", schema: { type: "integer", minimum: 1, maximum: 6 } };
const idempotencyHeader = {
  name: "Idempotency-Key",
  in: "header",
  required: true,
  description: "Client-chosen (a UUID). Same key and body: the first answer again (header Idempotent-Replayed: true). Same key, other body: 422.",
  schema: { type: "string", minLength: 1, maxLength: 255 },
};
const user = [{ bearerAuth: [] }, { sessionCookie: [] }];
const common = errors("INTERNAL", "SERVICE_BUSY");

export function openApiDocument(): Json {
  return {
    openapi: "3.1.0",
    info: { title: "RailBook API", version: "1.0.0", description: "Search trains, hold seats, pay and cancel. Money is in minor units with an ISO currency." },
    servers: [{ url: "/api/v1" }],
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "A token from POST /auth/token." },
        sessionCookie: { type: "apiKey", in: "cookie", name: "authjs.session-token" },
      },
      schemas: { Error: jsonSchema(errorSchema, "output"), Booking: jsonSchema(bookingSchema, "output") },
    },
    paths: {
      "/auth/register": {
        post: { summary: "Create a passenger account", requestBody: body(registerSchema), responses: { 201: ok(responses.register, "Created"), ...errors("VALIDATION_FAILED", "EMAIL_TAKEN"), ...common } },
      },
      "/auth/token": {
        post: { summary: "Exchange email and password for a bearer token", requestBody: body(issueTokenSchema), responses: { 200: ok(responses.token), ...errors("VALIDATION_FAILED", "INVALID_CREDENTIALS", "RATE_LIMITED"), ...common } },
        delete: { summary: "Revoke the bearer token presented", security: [{ bearerAuth: [] }], responses: { 204: { description: "Revoked" }, ...errors("VALIDATION_FAILED", "UNAUTHENTICATED"), ...common } },
      },
      "/auth/tokens": {
        get: { summary: "The caller's live API tokens (never the tokens themselves)", security: user, responses: { 200: ok(responses.tokens), ...errors("UNAUTHENTICATED"), ...common } },
      },
      "/account/export": {
        get: {
          summary: "Download my data: the caller's profile, bookings (with passengers), payments, refunds, notices and API tokens, as a JSON attachment",
          security: user,
          responses: { 200: ok(responses.accountExport), ...errors("UNAUTHENTICATED"), ...common },
        },
      },
      "/stations": { get: { summary: "All stations", responses: { 200: ok(responses.stations), ...common } } },
      "/concessions": { get: { summary: "Concessions on sale, with discount and the proof to show (docs/decisions/041)", responses: { 200: ok(responses.concessions), ...common } } },
      "/search": {
        get: { summary: "Services between two stations on a local date", parameters: queryParameters(searchQuerySchema), responses: { 200: ok(responses.search), ...errors("VALIDATION_FAILED"), ...common } },
      },
      "/services/{serviceId}/seats": {
        get: {
          summary: "Seat map with availability for a journey",
          parameters: [{ name: "serviceId", in: "path", required: true, schema: { type: "string" } }, ...queryParameters(seatMapQuerySchema)],
          responses: { 200: ok(seatMapSchema), ...errors("VALIDATION_FAILED", "NOT_FOUND"), ...common },
        },
      },
      "/services/{serviceId}/layout": {
        get: {
          summary: "The seat map's drawing without availability (cacheable; ETag, 304 to If-None-Match)",
          parameters: [{ name: "serviceId", in: "path", required: true, schema: { type: "string" } }],
          responses: { 200: ok(seatLayoutSchema), 304: { description: "Not modified (If-None-Match matched the ETag)" }, ...errors("NOT_FOUND"), ...common },
        },
      },
      "/services/{serviceId}/availability": {
        get: {
          summary: "The seats of the layout taken for a journey, by coach position and seat number (ETag, 304 to If-None-Match)",
          parameters: [{ name: "serviceId", in: "path", required: true, schema: { type: "string" } }, ...queryParameters(seatMapQuerySchema)],
          responses: { 200: ok(seatAvailabilitySchema), 304: { description: "Not modified (If-None-Match matched the ETag)" }, ...errors("VALIDATION_FAILED", "NOT_FOUND"), ...common },
        },
      },
      "/services/{serviceId}/waitlist": {
        get: {
          summary: "The waiting list for a class and quota: joining now makes you number waiting + 1",
          parameters: [{ name: "serviceId", in: "path", required: true, schema: { type: "string" } }, ...queryParameters(waitlistQuerySchema)],
          responses: { 200: ok(waitlistInfoSchema), ...errors("VALIDATION_FAILED", "NOT_FOUND"), ...common },
        },
      },
      "/bookings": {
        get: { summary: "The caller's bookings, newest first", security: user, responses: { 200: ok(z.object({ bookings: z.array(bookingSchema) })), ...errors("UNAUTHENTICATED"), ...common } },
        post: {
          summary: "Hold seats (chosen, or chosen for you) for 10 minutes, or join the waiting list",
          description:
            "Too few seats left: 409 SOLD_OUT, whose details say `waitlistAvailable`. With `joinWaitlist: true` the answer is 201 with status WAITLISTED and a `waitlistPosition` instead; the place is paid like a hold (POST /bookings/{pnr}/payment) within `holdExpiresAt`, and a paid place is confirmed with seats as soon as seats for the whole journey come free, first come, first served. Still waiting when the chart is prepared (hours before departure): cancelled with a full refund. By default one account may have at most 12 unpaid seats (held, or unpaid waiting-list places) on one train and 24 overall (the operator's HOLD_LIMIT_SEATS and HOLD_LIMIT_TOTAL): past that, 409 HOLD_LIMIT, whose details say `scope` (SERVICE or ACCOUNT), `limit`, `unpaid` and `requested`. Holds started from one address are throttled: 429 RATE_LIMITED with `retryAfterSeconds`.",
          security: user,
          parameters: [idempotencyHeader],
          requestBody: body(createBookingSchema),
          responses: {
            201: { description: "Held (HELD), or on the waiting list (WAITLISTED)", content: { "application/json": { schema: { $ref: "#/components/schemas/Booking" } } } },
            ...errors("VALIDATION_FAILED", "IDEMPOTENCY_KEY_REQUIRED", "UNAUTHENTICATED", "NOT_FOUND", "SEAT_UNAVAILABLE", "SOLD_OUT", "HOLD_LIMIT", "SERVICE_NOT_BOOKABLE", "IDEMPOTENCY_KEY_REUSED", "RATE_LIMITED"),
            ...common,
          },
        },
      },
      "/bookings/{pnr}": {
        get: { summary: "One of the caller's bookings", security: user, parameters: [pnrParam], responses: { 200: { description: "OK", content: { "application/json": { schema: { $ref: "#/components/schemas/Booking" } } } }, ...errors("UNAUTHENTICATED", "NOT_FOUND"), ...common } },
      },
      "/bookings/{pnr}/payment": {
        post: {
          summary: "Pay for a held booking or a waiting-list place",
          description:
            "Sandbox cards: 4242 4242 4242 4242 succeeds, 4000 0000 0000 0002 is declined. Declined cards are throttled per booking (5 an hour), per account (10) and per address (15): past that, 429 RATE_LIMITED with `retryAfterSeconds`, before any card is tried.",
          security: user,
          parameters: [pnrParam, idempotencyHeader],
          requestBody: body(paymentSchema),
          responses: {
            200: ok(paymentResultSchema, "Paid: a held booking is CONFIRMED; a waiting-list place stays WAITLISTED until a seat comes free (CONFIRMED at once if one already has)"),
            ...errors("VALIDATION_FAILED", "IDEMPOTENCY_KEY_REQUIRED", "UNAUTHENTICATED", "PAYMENT_DECLINED", "NOT_FOUND", "HOLD_EXPIRED", "CONFLICT", "SERVICE_NOT_BOOKABLE", "IDEMPOTENCY_KEY_REUSED", "RATE_LIMITED"),
            ...common,
          },
        },
      },
      "/bookings/{pnr}/cancel": {
        get: { summary: "The refund cancelling now would give", security: user, parameters: [pnrParam], responses: { 200: ok(refundQuoteSchema), ...errors("UNAUTHENTICATED", "NOT_FOUND"), ...common } },
        post: { summary: "Cancel; seats are released at once (to the waiting list first); a waiting-list place is refunded in full", security: user, parameters: [pnrParam], responses: { 200: ok(cancelResultSchema), ...errors("UNAUTHENTICATED", "NOT_FOUND", "HOLD_EXPIRED", "CONFLICT"), ...common } },
      },
      "/bookings/{pnr}/passengers/{position}/cancel": {
        get: { summary: "The refund cancelling one passenger now would give", security: user, parameters: [pnrParam, positionParam], responses: { 200: ok(passengerRefundQuoteSchema), ...errors("VALIDATION_FAILED", "UNAUTHENTICATED", "NOT_FOUND", "CONFLICT"), ...common } },
        post: {
          summary: "Cancel one passenger; the others keep travelling",
          description: "Their seat is released at once (to the waiting list first) and their fare refunded under the refund rules, as a whole cancellation would refund them. The tickets issued before are revoked: the new one lists who travels. The last passenger left cancels the whole booking (`wholeBooking: true`). A waiting-list place is cancelled whole only (409).",
          security: user,
          parameters: [pnrParam, positionParam],
          responses: { 200: ok(passengerCancelResultSchema), ...errors("VALIDATION_FAILED", "UNAUTHENTICATED", "NOT_FOUND", "HOLD_EXPIRED", "CONFLICT"), ...common },
        },
      },
      "/bookings/{pnr}/exchange": {
        get: {
          summary: "What changing a paid booking to another train, date, journey or class would cost",
          description: "`exchangeable: false` with `refusal` says why not (too close to departure, the train has left, not paid...). Nothing changes; seats are not checked until the exchange.",
          security: user,
          parameters: [pnrParam, ...queryParameters(exchangeQuerySchema)],
          responses: { 200: ok(exchangeQuoteSchema), ...errors("VALIDATION_FAILED", "UNAUTHENTICATED", "NOT_FOUND"), ...common },
        },
        post: {
          summary: "Change a paid booking to another train, date, journey or class, on the same PNR",
          description:
            "In one transaction: the new seats are taken (chosen with `seatIds`, or chosen for you keeping berth preferences), the difference (new fares + the exchange fee of the rules in force - the fares paid) is charged to `cardNumber` or refunded, the old seats are released, and the tickets issued before are revoked. If the new train is full (409 SOLD_OUT), a seat is taken (409 SEAT_UNAVAILABLE), the card is declined (402) or it is too late (409 NOT_EXCHANGEABLE), nothing changes.",
          security: user,
          parameters: [pnrParam, idempotencyHeader],
          requestBody: body(exchangeSchema),
          responses: {
            200: ok(exchangeResultSchema, "Exchanged: the booking as it is now"),
            ...errors("VALIDATION_FAILED", "IDEMPOTENCY_KEY_REQUIRED", "UNAUTHENTICATED", "PAYMENT_DECLINED", "NOT_FOUND", "CONFLICT", "SEAT_UNAVAILABLE", "SOLD_OUT", "NOT_EXCHANGEABLE", "SERVICE_NOT_BOOKABLE", "IDEMPOTENCY_KEY_REUSED"),
            ...common,
          },
        },
      },
      "/admin/overview": {
        get: { summary: "Operator dashboard counts (admins)", security: user, responses: { 200: ok(responses.overview), ...errors("UNAUTHENTICATED", "FORBIDDEN"), ...common } },
      },
      ...adminOpsPaths({ body, ok, errors, queryParameters, security: user, common }),
      ...livePaths({ body, ok, errors, queryParameters, security: user, common }),
      ...ticketPaths({ body, ok, errors, queryParameters, security: user, common }, { idempotencyHeader }),
      ...serviceMessagePaths({ body, ok, errors, queryParameters, security: user, common }, { idempotencyHeader }),
      ...assistantPaths({ body, ok, errors, queryParameters, security: user, common }),
      "/openapi.json": { get: { summary: "This document", responses: { 200: { description: "OpenAPI 3.1", content: { "application/json": {} } } } } },
    },
  };
}

// What the operations endpoints answer, as zod schemas: the OpenAPI document is generated from
// them and lib/admin builds its results to these types, so the two cannot drift. Instants are ISO
// 8601 strings in UTC; money is minor units with a currency. Prisma-free.
import { z } from "zod";
import { BOOKING_STATUSES, bookingSchema, moneySchema } from "@/lib/schemas/booking";
import { ROLES } from "@/lib/schemas/roles";

const person = z.object({ id: z.string(), name: z.string(), email: z.string() });

// ---------------------------------------------------------------------------------------------
// Schedule changes
// ---------------------------------------------------------------------------------------------

export const scheduleChangeResultSchema = z.object({
  scheduleChangeId: z.string(),
  kind: z.enum(["DELAY", "PLATFORM", "CANCELLATION"]),
  affectedBookings: z.number().int().describe("Bookings told about the change (for a cancellation: cancelled by this run)."),
  service: z.object({ status: z.enum(["SCHEDULED", "DELAYED", "CANCELLED"]), delayMinutes: z.number().int() }),
  cancellation: z
    .object({
      alreadyCancelled: z.boolean(),
      refunded: z.array(moneySchema),
      batches: z.number().int(),
      complete: z.boolean().describe("False when the run stopped early; sending the cancellation again finishes it."),
    })
    .optional(),
});
export type ScheduleChangeResultView = z.infer<typeof scheduleChangeResultSchema>;

export const scheduleChangeRowSchema = z.object({
  id: z.string(),
  kind: z.enum(["DELAY", "PLATFORM", "CANCELLATION"]),
  delayMinutes: z.number().int().nullable(),
  station: z.object({ id: z.string(), code: z.string(), name: z.string() }).nullable(),
  platform: z.string().nullable(),
  reason: z.string().nullable(),
  createdBy: person.nullable(),
  createdAt: z.string(),
});
export type ScheduleChangeRow = z.infer<typeof scheduleChangeRowSchema>;
export const scheduleChangeListSchema = z.object({ changes: z.array(scheduleChangeRowSchema) });

// ---------------------------------------------------------------------------------------------
// Bookings
// ---------------------------------------------------------------------------------------------

export const adminBookingRowSchema = z.object({
  pnr: z.string(),
  status: z.enum(BOOKING_STATUSES),
  owner: person,
  train: z.object({ number: z.string(), name: z.string() }),
  serviceDate: z.string(),
  from: z.string(),
  to: z.string(),
  passengers: z.number().int(),
  total: moneySchema,
  createdAt: z.string(),
});
export type AdminBookingRow = z.infer<typeof adminBookingRowSchema>;

export const adminBookingListSchema = z.object({
  bookings: z.array(adminBookingRowSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageCount: z.number().int(),
});
export type AdminBookingList = z.infer<typeof adminBookingListSchema>;

export const adminCancelQuoteSchema = z.object({
  cancellable: z.boolean(),
  byRules: moneySchema.describe("What the refund rules give now."),
  full: moneySchema.describe("Everything paid and not yet refunded (the operator's full-refund option)."),
  reason: z.string().describe("PAID_FARE_RULE, NOT_PAID, SERVICE_CANCELLED or NO_RULE"),
  hoursBeforeDeparture: z.number(),
});
export type AdminCancelQuote = z.infer<typeof adminCancelQuoteSchema>;

export const adminBookingDetailSchema = z.object({
  booking: bookingSchema,
  owner: person,
  service: z.object({ id: z.string(), date: z.string(), status: z.enum(["SCHEDULED", "DELAYED", "CANCELLED"]), delayMinutes: z.number().int() }),
  payments: z.array(
    z.object({ id: z.string(), status: z.enum(["PENDING", "SUCCEEDED", "DECLINED"]), amount: moneySchema, cardLast4: z.string().nullable(), failureCode: z.string().nullable(), createdAt: z.string() }),
  ),
  refunds: z.array(z.object({ id: z.string(), amount: moneySchema, reason: z.string(), createdBy: person.nullable(), createdAt: z.string() })),
  events: z.array(
    z.object({
      id: z.string(),
      type: z.string(),
      actorRole: z.string().describe("PASSENGER, ADMIN or SYSTEM"),
      actor: person.nullable(),
      data: z.record(z.string(), z.unknown()),
      createdAt: z.string(),
    }),
  ),
  cancelQuote: adminCancelQuoteSchema,
});
export type AdminBookingDetail = z.infer<typeof adminBookingDetailSchema>;

export const adminCancelResultSchema = z.object({ booking: bookingSchema, refund: moneySchema, fullRefund: z.boolean() });

// ---------------------------------------------------------------------------------------------
// Users
// ---------------------------------------------------------------------------------------------

export const adminUserSchema = person.extend({ role: z.enum(ROLES), createdAt: z.string(), bookings: z.number().int() });
export type AdminUserRow = z.infer<typeof adminUserSchema>;
export const adminUserListSchema = z.object({ users: z.array(adminUserSchema), total: z.number().int(), page: z.number().int(), pageCount: z.number().int(), admins: z.number().int() });
export type AdminUserList = z.infer<typeof adminUserListSchema>;
export const roleChangeResultSchema = z.object({ user: adminUserSchema.omit({ bookings: true }) });

/** POST /admin/bookings/{pnr}/resend-ticket: the e-ticket email is queued again. */
export const resendTicketResultSchema = z.object({
  pnr: z.string(),
  email: z.string().describe("The passenger's address the email goes to."),
  queuedAt: z.string().describe("When it entered the outbox (ISO 8601)."),
});

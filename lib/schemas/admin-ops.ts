// Operator forms and queries for operations: schedule changes, the bookings lookup, cancelling on a
// passenger's behalf, the analytics date range and user roles. Prisma-free: the admin forms import
// these in the browser, and server actions, route handlers and the OpenAPI document use the same ones.
import { z } from "zod";
import { plainText } from "@/lib/schemas/text";
import { isoDate } from "@/lib/schemas/search";
import { formInt, optionalText } from "@/lib/schemas/form-nesting";
import { ROLES } from "@/lib/schemas/roles";

export const MAX_DELAY_MINUTES = 24 * 60;
/** The longest analytics range: a year and a bit, so "last 365 days" fits with room for leap years. */
export const MAX_ANALYTICS_DAYS = 400;
export const ANALYTICS_PRESETS = [7, 30, 90, 365] as const;
/** Forward presets (the next N days, starting today): only travel dates lie in the future. */
export const ANALYTICS_FORWARD_PRESETS = [7, 30] as const;
/** Which date a figure is counted on: the day the train runs, or the day the booking was paid. */
export const ANALYTICS_BASES = ["travel", "booking"] as const;
export type AnalyticsBasis = (typeof ANALYTICS_BASES)[number];

const idField = z.string({ error: "Missing id." }).trim().min(1, "Missing id.").max(64);
const reasonField = optionalText(plainText(z.string().trim().max(200, "Use at most 200 characters.")));

/** A checkbox: the browser sends "on" when ticked and nothing otherwise; API clients send a boolean. */
const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

const pageParam = z.coerce.number().int().min(1).max(10_000).catch(1);

// ---------------------------------------------------------------------------------------------
// Schedule changes
// ---------------------------------------------------------------------------------------------

export const delayFormSchema = z.object({
  serviceId: idField,
  delayMinutes: formInt({ required: "Enter the delay in minutes (0 when back on time).", invalid: "Enter whole minutes." }).pipe(
    z.number().min(0, "A delay cannot be negative; enter 0 when the train is back on time.").max(MAX_DELAY_MINUTES, `At most ${MAX_DELAY_MINUTES} minutes.`),
  ),
  reason: reasonField,
});
export type DelayInput = z.infer<typeof delayFormSchema>;

export const platformFormSchema = z.object({
  serviceId: idField,
  stationId: z.string({ error: "Choose a station." }).trim().min(1, "Choose a station.").max(64),
  platform: z
    .string({ error: "Enter the platform." })
    .trim()
    .min(1, "Enter the platform.")
    .max(10, "Use at most 10 characters.")
    .regex(/^[0-9A-Za-z][0-9A-Za-z /-]*$/, "Use letters, digits, spaces, / or -, like 4 or 2a."),
  reason: reasonField,
});
export type PlatformInput = z.infer<typeof platformFormSchema>;

export const cancelServiceFormSchema = z.object({
  serviceId: idField,
  reason: plainText(z.string({ error: "Say why the train is cancelled: passengers are told." }).trim().min(3, "Say why the train is cancelled: passengers are told.").max(200, "Use at most 200 characters.")),
  confirm: checkbox.refine((v) => v, "Tick to confirm that every booking is cancelled and refunded in full."),
});
export type CancelServiceInput = z.infer<typeof cancelServiceFormSchema>;

/** POST /api/v1/admin/schedule-changes: one of the three changes, named by `kind`. */
export const scheduleChangeSchema = z.discriminatedUnion("kind", [
  delayFormSchema.extend({ kind: z.literal("DELAY") }),
  platformFormSchema.extend({ kind: z.literal("PLATFORM") }),
  cancelServiceFormSchema.extend({ kind: z.literal("CANCELLATION") }),
]);
export type ScheduleChangeInput = z.infer<typeof scheduleChangeSchema>;

export const scheduleChangesQuerySchema = z.object({ serviceId: idField });

// ---------------------------------------------------------------------------------------------
// Bookings lookup and cancelling on a passenger's behalf
// ---------------------------------------------------------------------------------------------

export const bookingSearchSchema = z
  .object({
    q: optionalText(plainText(z.string().trim().max(254, "Use at most 254 characters."))),
    train: optionalText(z.string().trim().max(20, "Use at most 20 characters.")),
    date: optionalText(isoDate),
    page: pageParam,
  })
  .refine((s) => !s.train || s.date, { path: ["date"], message: "Choose the service date too." })
  .refine((s) => !s.date || s.train, { path: ["train"], message: "Enter the train number too." });
export type BookingSearch = z.infer<typeof bookingSearchSchema>;

export const adminCancelSchema = z.object({
  pnr: z.string().trim().toUpperCase().length(10, "A booking reference has 10 characters."),
  fullRefund: checkbox.default(false),
  reason: reasonField,
  /** The refund the operator was shown; if it changed since, nothing happens and the new one is shown. */
  expectedRefundMinor: optionalText(formInt({ required: "Missing amount.", invalid: "Missing amount." })),
});
export type AdminCancelInput = z.infer<typeof adminCancelSchema>;

/** The booking page's "Resend e-ticket" (desk staff and admins). */
export const resendTicketFormSchema = z.object({ pnr: adminCancelSchema.shape.pnr });
/** The API's body: the PNR is in the path. */
export const adminCancelBodySchema = adminCancelSchema.omit({ pnr: true });

// ---------------------------------------------------------------------------------------------
// Analytics and users
// ---------------------------------------------------------------------------------------------

export const analyticsRangeSchema = z
  .object({
    days: optionalText(
      z.coerce
        .number()
        .int()
        .refine((d) => (ANALYTICS_PRESETS as readonly number[]).includes(d), `Choose ${ANALYTICS_PRESETS.join(", ")} days.`),
    ),
    from: optionalText(isoDate),
    to: optionalText(isoDate),
    // Absent: the figures as before this parameter existed (sales by booking date, occupancy by
    // travel date). docs/decisions/038-analytics-views-and-next-days.md.
    basis: optionalText(z.enum(ANALYTICS_BASES, { error: "Choose basis travel or booking." })),
    next: optionalText(
      z.coerce
        .number()
        .int()
        .refine((d) => (ANALYTICS_FORWARD_PRESETS as readonly number[]).includes(d), `Choose the next ${ANALYTICS_FORWARD_PRESETS.join(" or ")} days.`),
    ),
  })
  .refine((r) => r.next === undefined || r.basis === "travel", { path: ["next"], message: "Future days only apply to travel dates (basis=travel): nothing has been sold on a day that has not come yet." })
  .refine((r) => r.next === undefined || (r.days === undefined && !r.from), { path: ["next"], message: "Choose the next days, the last days or dates, not several." })
  .refine((r) => Boolean(r.from) === Boolean(r.to), { path: ["to"], message: "Choose both dates, or a preset." })
  .refine((r) => !r.from || !r.to || r.from <= r.to, { path: ["to"], message: "The end date must not be before the start date." })
  .refine((r) => !r.from || !r.to || daySpan(r.from, r.to) <= MAX_ANALYTICS_DAYS, { path: ["from"], message: `Choose at most ${MAX_ANALYTICS_DAYS} days.` });
export type AnalyticsRangeInput = z.infer<typeof analyticsRangeSchema>;

function daySpan(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

export const userSearchSchema = z.object({
  q: optionalText(plainText(z.string().trim().max(254, "Use at most 254 characters."))),
  page: pageParam,
});
export type UserSearch = z.infer<typeof userSearchSchema>;

export const roleChangeSchema = z.object({
  userId: idField,
  role: z.enum(ROLES, { error: "Choose a role." }),
});
export type RoleChangeInput = z.infer<typeof roleChangeSchema>;
/** The API's body: the user is in the path. A PUT naming the role is deliberate enough. */
export const roleBodySchema = roleChangeSchema.omit({ userId: true });

/**
 * The users page's form: the change only goes through with confirm=yes, which the form sends on
 * the second press ("Yes, make … an admin"), so one stray click changes nobody's access.
 */
export const roleChangeFormSchema = roleChangeSchema.extend({
  confirm: z.literal("yes", { error: "Press the button again to confirm this change." }),
});

/**
 * Releasing an account's unpaid holds (/admin/holds): like a role change, it only goes through
 * with confirm=yes, sent by the second press.
 */
export const releaseHoldsFormSchema = z.object({
  userId: idField,
  confirm: z.literal("yes", { error: "Press the button again to confirm." }),
});
export type ReleaseHoldsInput = z.infer<typeof releaseHoldsFormSchema>;

/** The holds page's query after a release (what the action redirected with). */
export const releasedQuerySchema = z.object({
  released: idField,
  seats: z.coerce.number().int().min(0).max(10_000),
  bookings: z.coerce.number().int().min(0).max(10_000),
});

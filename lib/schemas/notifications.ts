// The in-app inbox's shapes, shared by GET/POST /api/v1/notifications, the notifications page's
// server actions, the header bell and the OpenAPI document. Prisma-free, so client components may
// import it.
import { z } from "zod";

export const NOTIFICATION_PAGE_MAX = 100;

export const notificationsQuerySchema = z.object({
  limit: z.coerce.number().int().min(0).max(NOTIFICATION_PAGE_MAX).default(20).describe("How many notices (0: just the unread count)."),
  before: z.string().max(120).optional().describe("Opaque cursor: the previous page's nextBefore."),
  unread: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true")
    .describe("true: only notices not yet read."),
});
export type NotificationsQuery = z.infer<typeof notificationsQuerySchema>;

export const markReadSchema = z
  .object({
    ids: z.array(z.string().min(1).max(64)).min(1).max(NOTIFICATION_PAGE_MAX).optional().describe("These notices (the caller's own; others are ignored)."),
    all: z.literal(true).optional().describe("Every unread notice of the caller."),
  })
  .refine((v) => Boolean(v.ids) !== Boolean(v.all), { message: "Give either ids or all: true.", path: ["ids"] });
export type MarkReadInput = z.infer<typeof markReadSchema>;

/** The server actions' forms: one notice by id, or all of them. */
export const markOneReadFormSchema = z.object({ id: z.string().min(1).max(64) });
export const markAllReadFormSchema = z.object({});

export const notificationViewSchema = z.object({
  id: z.string(),
  kind: z.string().describe("BOOKING_CONFIRMED, HOLD_EXPIRING, PAYMENT_FAILED, SCHEDULE_DELAY, ..."),
  title: z.string(),
  body: z.string(),
  pnr: z.string().nullable().describe("The booking it is about, if any."),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationView = z.infer<typeof notificationViewSchema>;

export const notificationListSchema = z.object({
  unreadCount: z.number().int(),
  notifications: z.array(notificationViewSchema),
  nextBefore: z.string().nullable().describe("Pass as `before` for the next page; null on the last one."),
});
export type NotificationList = z.infer<typeof notificationListSchema>;

export const markReadResultSchema = z.object({ updated: z.number().int(), unreadCount: z.number().int() });
export type MarkReadResult = z.infer<typeof markReadResultSchema>;

// Notices about a booking, written in the transaction that makes the change (the outbox
// pattern: the notice exists exactly when the change does). Every notice goes out in the app (SENT
// at once: being in the inbox is its delivery) and by email (PENDING for the worker):
// lib/notifications/outbox.ts. The names say "in app" for the callers written before email.
import "server-only";
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { writeNotices } from "@/lib/notifications/outbox";

export type NoticeKind =
  | "BOOKING_CONFIRMED"
  | "BOOKING_CANCELLED"
  | "SCHEDULE_DELAY"
  | "SERVICE_CANCELLED"
  | "PLATFORM_CHANGE"
  // New stop times from the train editor (lib/admin/network/retime-services.ts); the generic email.
  | "TIMETABLE_CHANGE"
  | "WAITLIST_PROMOTED"
  | "WAITLIST_NOT_CONFIRMED"
  | "HOLD_EXPIRING"
  // An operator released an account's unpaid holds (lib/admin/holds.ts); the generic email.
  | "HOLD_RELEASED"
  | "PAYMENT_FAILED"
  // One passenger of a booking cancelled (lib/booking/cancel-passenger.ts); the generic email.
  | "PASSENGER_CANCELLED"
  // A booking changed to another train, date or class (lib/booking/exchange.ts); the generic email.
  | "BOOKING_EXCHANGED";

export interface InAppNotice {
  userId: string;
  bookingId: string;
  kind: NoticeKind;
  title: string;
  body: string;
  data?: Prisma.InputJsonObject;
}

export async function notifyInApp(tx: Tx, notice: InAppNotice, at: Date): Promise<void> {
  await writeNotices(tx, [notice], at);
}

/** One notice per row in a single statement: a schedule change tells every affected booking at once. */
export async function notifyInAppMany(tx: Tx, notices: InAppNotice[], at: Date): Promise<void> {
  await writeNotices(tx, notices, at);
}

/** The same, under the name that says what it does now. */
export const notify = notifyInApp;

// In-app notices about a booking, written in the transaction that makes the change (the outbox
// pattern: the notice exists exactly when the change does). In-app notices are "delivered" by being
// written, so they are SENT at once; an email channel would leave them PENDING for a worker.
import "server-only";
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export type NoticeKind =
  | "BOOKING_CONFIRMED"
  | "BOOKING_CANCELLED"
  | "SCHEDULE_DELAY"
  | "SERVICE_CANCELLED"
  | "PLATFORM_CHANGE"
  | "WAITLIST_PROMOTED"
  | "WAITLIST_NOT_CONFIRMED";

export interface InAppNotice {
  userId: string;
  bookingId: string;
  kind: NoticeKind;
  title: string;
  body: string;
  data?: Prisma.InputJsonObject;
}

export async function notifyInApp(tx: Tx, notice: InAppNotice, at: Date): Promise<void> {
  await tx.notification.create({
    data: { ...notice, data: notice.data ?? {}, channel: "IN_APP", status: "SENT", sentAt: at, nextAttemptAt: at },
  });
}

/** One notice per row in a single statement: a schedule change tells every affected booking at once. */
export async function notifyInAppMany(tx: Tx, notices: InAppNotice[], at: Date): Promise<void> {
  if (notices.length === 0) return;
  await tx.notification.createMany({
    data: notices.map((notice) => ({ ...notice, data: notice.data ?? {}, channel: "IN_APP" as const, status: "SENT" as const, sentAt: at, nextAttemptAt: at })),
  });
}

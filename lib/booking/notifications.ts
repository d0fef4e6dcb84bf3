// In-app notices about a booking, written in the transaction that makes the change (the outbox
// pattern: the notice exists exactly when the change does). In-app notices are "delivered" by being
// written, so they are SENT at once; an email channel would leave them PENDING for a worker.
import "server-only";
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export interface InAppNotice {
  userId: string;
  bookingId: string;
  kind: "BOOKING_CONFIRMED" | "BOOKING_CANCELLED";
  title: string;
  body: string;
  data?: Prisma.InputJsonObject;
}

export async function notifyInApp(tx: Tx, notice: InAppNotice, at: Date): Promise<void> {
  await tx.notification.create({
    data: { ...notice, data: notice.data ?? {}, channel: "IN_APP", status: "SENT", sentAt: at, nextAttemptAt: at },
  });
}

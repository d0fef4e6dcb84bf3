// Writing notices into the outbox, inside the caller's transaction: the notice exists exactly
// when the change it reports does (a rolled-back booking leaves no email behind, a committed one
// cannot lose its email to a crash). Each notice becomes two rows:
// - IN_APP, SENT at once: being in the inbox is its delivery;
// - EMAIL, PENDING: lib/jobs/notifications/deliver.ts sends it after commit, with retries.
// A live "notification" event (delivered on commit) moves every open bell and wakes the worker.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { publishNotices } from "@/lib/live/publish";

export interface OutboxNotice {
  userId: string;
  bookingId: string | null;
  kind: string;
  title: string;
  body: string;
  data?: Prisma.InputJsonObject;
}

/** The channels every notice goes out on. */
export const NOTICE_CHANNELS = ["IN_APP", "EMAIL"] as const;

export async function writeNotices(tx: Tx, notices: OutboxNotice[], at: Date): Promise<void> {
  if (notices.length === 0) return;
  const rows: Prisma.NotificationCreateManyInput[] = [];
  for (const n of notices) {
    const common = { userId: n.userId, bookingId: n.bookingId, kind: n.kind, title: n.title, body: n.body, data: n.data ?? {}, createdAt: at };
    // The email row is due at once; createdAt is the change's time, not the worker's.
    rows.push({ id: randomUUID(), ...common, channel: "IN_APP", status: "SENT", sentAt: at, nextAttemptAt: at });
    rows.push({ id: randomUUID(), ...common, channel: "EMAIL", status: "PENDING", nextAttemptAt: at });
  }
  await tx.notification.createMany({ data: rows });
  await publishNotices(
    tx,
    notices.map((n) => n.userId),
  );
}

// Writing notices into the outbox, inside the caller's transaction: the notice exists exactly
// when the change it reports does (a rolled-back booking leaves no email behind, a committed one
// cannot lose its email to a crash). Each notice becomes two rows:
// - IN_APP, SENT at once: being in the inbox is its delivery;
// - EMAIL, PENDING: lib/jobs/notifications/deliver.ts sends it after commit, with retries.
// A live "notification" event (delivered on commit) moves every open bell and wakes the worker.
import "server-only";
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { liveEventsEnabled } from "@/lib/live/publish";
import { LIVE_CHANNEL } from "@/lib/live/events";

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

/**
 * Both rows of every notice and the live event, in one statement (a notice is written while locks are held).
 * `channels` narrows that: an e-ticket sent again goes by email only, the inbox already has it.
 */
export async function writeNotices(tx: Tx, notices: OutboxNotice[], at: Date, channels: readonly (typeof NOTICE_CHANNELS)[number][] = NOTICE_CHANNELS): Promise<void> {
  if (notices.length === 0) return;
  const userIds = [...new Set(notices.map((n) => n.userId))];
  const live = liveEventsEnabled()
    ? Prisma.sql`SELECT pg_notify(${LIVE_CHANNEL}, json_build_object('type', 'notification', 'userId', u)::text) FROM unnest(${userIds}::text[]) AS u`
    : Prisma.sql`SELECT 1`;
  // The email row is due at once; createdAt is the change's time, not the worker's.
  await tx.$executeRaw`
    WITH written AS (
      INSERT INTO "Notification" (id, "userId", "bookingId", kind, channel, title, body, data, status, "sentAt", "nextAttemptAt", "createdAt")
      SELECT gen_random_uuid()::text, x."userId", x."bookingId", x.kind, c.channel::"NotificationChannel", x.title, x.body, x.data,
             c.status::"DeliveryStatus", CASE WHEN c.channel = 'IN_APP' THEN ${at}::timestamptz END, ${at}::timestamptz, ${at}::timestamptz
      FROM unnest(${notices.map((n) => n.userId)}::text[], ${notices.map((n) => n.bookingId)}::text[], ${notices.map((n) => n.kind)}::text[],
                  ${notices.map((n) => n.title)}::text[], ${notices.map((n) => n.body)}::text[], ${notices.map((n) => JSON.stringify(n.data ?? {}))}::jsonb[])
           AS x("userId", "bookingId", kind, title, body, data)
      CROSS JOIN (VALUES ('IN_APP', 'SENT'), ('EMAIL', 'PENDING')) AS c(channel, status)
      WHERE c.channel = ANY(${[...channels]}::text[])
    )
    ${live}`;
}

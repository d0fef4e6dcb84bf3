// The in-app inbox: a person's IN_APP notices, newest first, and marking them read. The same rows
// are the outbox (lib/jobs/notifications/deliver.ts delivers their EMAIL twins); here only the IN_APP
// channel is ever shown, so one notice appears once whatever channels carried it.
// Marking read publishes a live "notification" event, so the bell of every open tab follows.
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { publishNotices } from "@/lib/live/publish";
import type { MarkReadInput, MarkReadResult, NotificationList, NotificationsQuery, NotificationView } from "@/lib/schemas/notifications";

const inbox = (userId: string) => ({ userId, channel: "IN_APP" as const });

export function unreadCount(userId: string): Promise<number> {
  return db().notification.count({ where: { ...inbox(userId), readAt: null } });
}

/** Cursor "<createdAt ISO>_<id>": notices written in one statement share a createdAt, so the id breaks ties. */
function afterCursor(cursor: string | undefined): Prisma.NotificationWhereInput {
  if (!cursor) return {};
  const cut = cursor.lastIndexOf("_");
  const at = new Date(cursor.slice(0, cut));
  const id = cursor.slice(cut + 1);
  if (cut < 0 || Number.isNaN(at.getTime())) return {};
  return { OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: id } }] };
}

export async function listNotifications(userId: string, query: NotificationsQuery): Promise<NotificationList> {
  const where: Prisma.NotificationWhereInput = { ...inbox(userId), ...(query.unread ? { readAt: null } : {}), ...afterCursor(query.before) };
  const [rows, unread] = await Promise.all([
    query.limit === 0
      ? Promise.resolve([])
      : db().notification.findMany({
          where,
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          take: query.limit + 1,
          select: { id: true, kind: true, title: true, body: true, createdAt: true, readAt: true, booking: { select: { pnr: true } } },
        }),
    unreadCount(userId),
  ]);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    unreadCount: unread,
    notifications: page.map(
      (n): NotificationView => ({
        id: n.id,
        kind: n.kind,
        title: n.title,
        body: n.body,
        pnr: n.booking?.pnr ?? null,
        createdAt: n.createdAt.toISOString(),
        readAt: n.readAt?.toISOString() ?? null,
      }),
    ),
    nextBefore: rows.length > query.limit && last ? `${last.createdAt.toISOString()}_${last.id}` : null,
  };
}

/** Marks the caller's notices read (someone else's ids are silently not theirs to mark). */
export async function markRead(userId: string, input: MarkReadInput): Promise<MarkReadResult> {
  const updated = await db().$transaction(async (tx) => {
    const { count } = await tx.notification.updateMany({
      where: { ...inbox(userId), readAt: null, ...(input.all ? {} : { id: { in: input.ids ?? [] } }) },
      data: { readAt: new Date() },
    });
    if (count > 0) await publishNotices(tx, [userId]);
    return count;
  });
  return { updated, unreadCount: await unreadCount(userId) };
}

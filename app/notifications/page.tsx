import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/current-user";
import { listNotifications } from "@/lib/notifications/inbox";
import type { NotificationView } from "@/lib/schemas/notifications";
import { LiveRefresh } from "@/components/live/live-refresh";
import { MarkAllReadButton, MarkReadButton } from "@/components/notifications/mark-read-buttons";
import { ME_STREAM } from "@/components/live/channels";
import { markAllReadAction, markOneReadAction } from "./actions";
import { operatorTimeZone } from "@/lib/config";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Notifications" };

const PAGE = 30;
// Notices are about the operator's trains; their times are shown on its clock (OPERATOR_TIME_ZONE).
const when = (d: Date) => new Intl.DateTimeFormat("en-GB", { timeZone: operatorTimeZone(), day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" }).format(d);

function Notice({ n }: { n: NotificationView }) {
  const unread = n.readAt === null;
  return (
    <li
      data-testid="notice"
      data-unread={unread ? "true" : "false"}
      className={`flex flex-wrap items-start justify-between gap-3 rounded-xl bg-white p-4 shadow-sm ring-1 ${unread ? "ring-brand-600" : "ring-slate-200"}`}
    >
      <div className="min-w-0 flex-1 space-y-1">
        <p className="font-semibold text-slate-900">
          {unread && <span className="mr-2 inline-block h-2 w-2 rounded-full bg-brand-600 align-middle" aria-label="Unread" />}
          {n.title}
        </p>
        <p className="whitespace-pre-line text-slate-700">{n.body}</p>
        <p className="text-sm text-slate-500">
          <time dateTime={n.createdAt}>{when(new Date(n.createdAt))}</time>
          {n.pnr && (
            <>
              {" · "}
              <Link href={`/bookings/${n.pnr}`} className="font-medium text-brand-700 underline">
                Booking <span className="font-mono">{n.pnr}</span>
              </Link>
            </>
          )}
        </p>
      </div>
      {unread && <MarkReadButton id={n.id} title={n.title} action={markOneReadAction} />}
    </li>
  );
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function NotificationsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser("/notifications");
  const before = (await searchParams).before;
  const { notifications, unreadCount, nextBefore } = await listNotifications(user.id, { limit: PAGE, unread: false, before: typeof before === "string" ? before : undefined });

  return (
    <div className="space-y-6">
      <LiveRefresh url={ME_STREAM} match={{ type: "notification" }} ignoreConnect />
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold text-brand-900">Notifications</h1>
          <p className="text-slate-600" data-testid="unread-summary">
            {unreadCount === 0 ? "You are all caught up." : `${unreadCount} unread`}
          </p>
        </div>
        <MarkAllReadButton unread={unreadCount} action={markAllReadAction} />
      </div>
      {notifications.length === 0 ? (
        <div className="rounded-xl bg-white p-6 text-center shadow-sm ring-1 ring-slate-200">
          <p className="font-medium">{before ? "No older notices." : "No notices yet."}</p>
          <p className="mt-1 text-slate-600">We tell you here (and by email) when a booking is confirmed, a train is delayed or its platform changes.</p>
        </div>
      ) : (
        <ul className="space-y-3" aria-label="Notices, newest first">
          {notifications.map((n) => (
            <Notice key={n.id} n={n} />
          ))}
        </ul>
      )}
      <nav aria-label="Older and newer notices" className="flex justify-between">
        {before ? (
          <Link href="/notifications" className="font-medium text-brand-700 underline">
            Newest notices
          </Link>
        ) : (
          <span />
        )}
        {nextBefore && (
          <Link href={`/notifications?${new URLSearchParams({ before: nextBefore })}`} className="font-medium text-brand-700 underline">
            Older notices
          </Link>
        )}
      </nav>
    </div>
  );
}

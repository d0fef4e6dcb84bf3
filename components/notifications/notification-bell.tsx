"use client";
// The header's bell: how many in-app notices are unread, linking to /notifications. The count is
// rendered by the server with the page (no flash of "0"), then kept current by the signed-in
// person's live stream: a new notice or one marked read in any tab refetches it at once. Without
// the stream it polls every 30 s.
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { apiRequest } from "@/components/booking/api-client";
import { LIVE_POLL_MS, useLiveInvalidation } from "@/components/live/use-live-invalidation";
import { ME_STREAM, NOTIFICATIONS_KEY } from "@/components/live/channels";
import { notificationListSchema } from "@/lib/schemas/notifications";

const FALLBACK_POLL_MS = 30_000;

async function fetchUnread(signal: AbortSignal): Promise<number> {
  const data = notificationListSchema.parse(await apiRequest<unknown>("/api/v1/notifications?limit=0", { signal }));
  return data.unreadCount;
}

export function NotificationBell({ initialUnread }: { initialUnread: number }) {
  const { live } = useLiveInvalidation(ME_STREAM, [NOTIFICATIONS_KEY]);
  const { data: unread = initialUnread } = useQuery({
    queryKey: [...NOTIFICATIONS_KEY, "unread"],
    queryFn: ({ signal }) => fetchUnread(signal),
    initialData: initialUnread,
    refetchInterval: live ? LIVE_POLL_MS : FALLBACK_POLL_MS,
  });
  const label = unread === 0 ? "Notifications, none unread" : `Notifications, ${unread} unread`;
  return (
    <Link
      href="/notifications"
      aria-label={label}
      title={label}
      data-testid="notification-bell"
      data-live={live ? "on" : "off"}
      className="relative inline-flex h-9 w-9 items-center justify-center rounded-md text-slate-700 hover:bg-brand-50 hover:text-brand-700"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5 fill-current">
        <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
      </svg>
      {unread > 0 && (
        <span
          data-testid="unread-count"
          aria-hidden="true"
          className="absolute -right-1 -top-1 min-w-[1.25rem] rounded-full bg-red-600 px-1 text-center text-xs font-semibold leading-5 text-white"
        >
          {unread > 99 ? "99+" : unread}
        </span>
      )}
    </Link>
  );
}

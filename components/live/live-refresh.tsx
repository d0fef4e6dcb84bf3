"use client";
// Live updates for a server-rendered page: re-renders it (router.refresh) when the stream says
// something it shows has changed. Used where the data is read by a server component rather than
// a TanStack query: the booking page (status, waitlist position) and search results (seats left).
// Renders nothing visible; a polite live region could be added by the page itself.
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { useLiveMessages } from "@/components/live/use-live-invalidation";
import type { LiveMessage } from "@/components/live/live-connection";

/** A burst of events (a whole train cancelled) re-renders once, not once per booking. */
const DEBOUNCE_MS = 300;

export interface LiveRefreshProps {
  url: string;
  /** Message fields that must all match, e.g. { type: "booking", pnr: "ABC123XYZ0" }. */
  match?: Record<string, string>;
  /** Skip the refresh that follows every (re)connect: for pages that were just rendered fresh. */
  ignoreConnect?: boolean;
  /** At most one re-render per this many ms, for pages that are costly to render (dashboards). */
  minIntervalMs?: number;
}

export function LiveRefresh({ url, match, ignoreConnect = false, minIntervalMs = 0 }: LiveRefreshProps) {
  const router = useRouter();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const last = useRef(0);
  const matchKey = JSON.stringify(match ?? {});
  const { live } = useLiveMessages(
    url,
    (message: LiveMessage) => {
      // A first connect right after a fresh render has nothing to catch up on (bar a race of a few
      // hundred milliseconds, which a page that can afford it closes by not ignoring it).
      if (message.type === "refresh" && ignoreConnect && message.reason === "connect") return;
      if (timer.current) return; // one is already on its way and will show this change too
      const wait = Math.max(DEBOUNCE_MS, last.current + minIntervalMs - Date.now());
      timer.current = setTimeout(() => {
        timer.current = null;
        last.current = Date.now();
        router.refresh();
      }, wait);
    },
    {
      filter: (message) => Object.entries(JSON.parse(matchKey) as Record<string, string>).every(([k, v]) => message[k] === v),
    },
  );
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  return <span hidden data-live={live ? "on" : "off"} data-testid="live-refresh" />;
}

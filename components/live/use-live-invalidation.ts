"use client";
// Live updates for TanStack queries: while the stream is up, every event it passes (after the
// optional filter) invalidates the given queries, which refetch through the ordinary API. Callers
// keep polling as the fallback and lengthen the interval while `live` is true:
//
//   const { live } = useLiveInvalidation(`/api/v1/live/services/${id}`, [["seat-map", id]]);
//   useQuery({ ..., refetchInterval: live ? LIVE_POLL_MS : 2_000 });
import { useEffect, useRef, useState } from "react";
import { useQueryClient, type QueryKey } from "@tanstack/react-query";
import { subscribeLive, type LiveMessage } from "@/components/live/live-connection";

/** Polling while the stream is healthy: only a safety net for an event lost in transit. */
export const LIVE_POLL_MS = 60_000;

export interface LiveOptions {
  /** Which messages matter to this caller; "refresh" (connect, reconnect, resync) always does. */
  filter?: (message: LiveMessage) => boolean;
}

/** Subscribes to a stream (null: none) and reports whether it is live. */
export function useLiveMessages(url: string | null, onMessage: (message: LiveMessage) => void, options: LiveOptions = {}): { live: boolean } {
  const [live, setLive] = useState(false);
  // Kept in refs so a new callback each render does not reopen the stream.
  const handler = useRef(onMessage);
  const filter = useRef(options.filter);
  useEffect(() => {
    handler.current = onMessage;
    filter.current = options.filter;
  });
  useEffect(() => {
    if (!url) return;
    return subscribeLive(
      url,
      (message) => {
        if (message.type === "refresh" || !filter.current || filter.current(message)) handler.current(message);
      },
      setLive,
    );
  }, [url]);
  return { live: Boolean(url) && live };
}

export function useLiveInvalidation(url: string | null, queryKeys: QueryKey[], options: LiveOptions = {}): { live: boolean } {
  const client = useQueryClient();
  const keys = useRef(queryKeys);
  useEffect(() => {
    keys.current = queryKeys;
  });
  return useLiveMessages(
    url,
    () => {
      for (const queryKey of keys.current) void client.invalidateQueries({ queryKey });
    },
    options,
  );
}

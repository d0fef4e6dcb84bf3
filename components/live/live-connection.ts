"use client";
// One EventSource per stream URL per tab, shared by every component that listens to it (the header
// bell and a booking page both follow /api/v1/live/me over one connection). Browsers allow about
// six HTTP/1.1 connections per host, and each open stream holds one, so sharing matters; for the
// same reason a hidden tab closes its streams and reopens them (with a catch-up refresh) when shown.
//
// EventSource reconnects by itself after a dropped connection (honouring the server's `retry:`),
// but gives up for good on an HTTP error such as the 503 a server without working LISTEN answers:
// then this module tries again later with growing pauses, and reports the stream as not live, so
// callers keep polling at their normal rate meanwhile.

export interface LiveMessage {
  type: string;
  [key: string]: unknown;
}

type Handler = (message: LiveMessage) => void;
type StatusHandler = (live: boolean) => void;

interface Connection {
  url: string;
  source: EventSource | null;
  live: boolean;
  handlers: Set<Handler>;
  statusHandlers: Set<StatusHandler>;
  failures: number;
  retryTimer: ReturnType<typeof setTimeout> | null;
}

const connections = new Map<string, Connection>();
const MAX_RETRY_MS = 60_000;

function setLive(c: Connection, live: boolean) {
  if (c.live === live) return;
  c.live = live;
  for (const h of [...c.statusHandlers]) h(live);
}

function close(c: Connection) {
  c.source?.close();
  c.source = null;
  if (c.retryTimer) clearTimeout(c.retryTimer);
  c.retryTimer = null;
  setLive(c, false);
}

function open(c: Connection) {
  if (c.source || typeof EventSource === "undefined" || document.visibilityState === "hidden") return;
  const source = new EventSource(c.url);
  c.source = source;
  source.onmessage = (event) => {
    let message: LiveMessage;
    try {
      message = JSON.parse(event.data) as LiveMessage;
    } catch {
      return;
    }
    // The first message of every connection is a refresh: from then on events are known to flow.
    c.failures = 0;
    setLive(c, true);
    for (const h of [...c.handlers]) h(message);
  };
  source.onerror = () => {
    setLive(c, false);
    if (source.readyState !== EventSource.CLOSED) return; // the browser is reconnecting by itself
    source.close();
    c.source = null;
    c.failures++;
    const delay = Math.min(MAX_RETRY_MS, 2_000 * 2 ** Math.min(c.failures, 5));
    c.retryTimer = setTimeout(() => {
      c.retryTimer = null;
      if (c.handlers.size > 0) open(c);
    }, delay);
  };
}

function onVisibility() {
  for (const c of connections.values()) {
    if (document.visibilityState === "hidden") close(c);
    else if (c.handlers.size > 0 && !c.retryTimer) open(c);
  }
}

let visibilityWatched = false;

/** Listens to a stream; returns the function that stops listening (the last one closes it). */
export function subscribeLive(url: string, onMessage: Handler, onStatus: StatusHandler): () => void {
  if (!visibilityWatched && typeof document !== "undefined") {
    document.addEventListener("visibilitychange", onVisibility);
    visibilityWatched = true;
  }
  let c = connections.get(url);
  if (!c) {
    c = { url, source: null, live: false, handlers: new Set(), statusHandlers: new Set(), failures: 0, retryTimer: null };
    connections.set(url, c);
  }
  const conn = c;
  conn.handlers.add(onMessage);
  conn.statusHandlers.add(onStatus);
  onStatus(conn.live);
  open(conn);
  return () => {
    conn.handlers.delete(onMessage);
    conn.statusHandlers.delete(onStatus);
    if (conn.handlers.size === 0) {
      close(conn);
      connections.delete(url);
    }
  };
}

// A Server-Sent Events response fed by the process's change feed (lib/live/change-feed.ts: NOTIFY,
// or one poll per instance where NOTIFY does not reach it). Every stream:
// - starts with `retry:` (how long a browser waits before reconnecting) and a "refresh" event, so
//   a client that connects or reconnects refetches whatever it may have missed in between: the
//   simplest catch-up that is always right, since events only say "look again";
// - numbers its events (`id:`), so a reconnect carries Last-Event-ID and is told apart from a
//   first connect in the refresh's reason;
// - sends a comment every HEARTBEAT_MS so proxies keep the connection open and a dead peer is
//   noticed, and ends itself after MAX_STREAM_MS so the browser reconnects: that re-checks the
//   session and spreads long-lived connections over instances after a deploy.
// - is closed after idleMs without an event, or as soon as its reader stops reading (a client
//   that opens streams and never consumes them must not pile up buffered frames);
// - takes a slot from lib/live/stream-limits.ts for its lifetime (per address and per instance).
// Streams are refused with 503 only while neither way works (the database is down): the client
// then polls instead.
import "server-only";
import { randomUUID } from "node:crypto";
import { AppError } from "@/lib/errors";
import type { Subscriber } from "@/lib/live/listener";
import { changeFeed } from "@/lib/live/change-feed";
import type { AnyLiveEvent } from "@/lib/live/events";
import { clientAddress } from "@/lib/net/client-address";
import { reserveStream, streamLimits } from "@/lib/live/stream-limits";

export const HEARTBEAT_MS = 15_000;
export const RETRY_MS = 3_000;
const MAX_STREAM_MS = 10 * 60_000;
const READY_WAIT_MS = 3_000;
/** Frames queued for a reader that is not reading; past this the stream is closed. */
const MAX_QUEUED_FRAMES = 64;

export interface StreamOptions {
  /** Which events this stream passes on; "refresh" always passes. */
  accept: (event: AnyLiveEvent) => boolean;
  /** What of an event the client sees (default: all of it). Strip what this reader must not learn. */
  project?: (event: AnyLiveEvent) => Record<string, unknown>;
  /** Where events come from (default: the process's change feed); a LiveListener will do. */
  listener?: LiveSource;
  heartbeatMs?: number;
  idleMs?: number;
}

export interface LiveSource {
  ready(timeoutMs: number): Promise<boolean>;
  subscribe(subscriber: Subscriber): () => void;
}

/** Counts of open streams in this process, for logs and tests. */
export const openStreams = { count: 0 };

function frame(id: string, data: Record<string, unknown>): string {
  return `id: ${id}\ndata: ${JSON.stringify(data)}\n\n`;
}

export async function eventStream(request: Request, options: StreamOptions): Promise<Response> {
  const listener = options.listener ?? changeFeed();
  if (!(await listener.ready(READY_WAIT_MS))) {
    throw new AppError("SERVICE_BUSY", "Live updates are not available right now; the page refreshes on its own.", { retryAfterSeconds: 30 });
  }
  const release = reserveStream(clientAddress(request.headers));
  const idleMs = options.idleMs ?? streamLimits().idleMs;
  const streamId = randomUUID().slice(0, 8);
  const resumed = request.headers.get("last-event-id");
  const encoder = new TextEncoder();
  let seq = 0;
  let cleanup = () => {};

  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const close = () => {
        cleanup();
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      const send = (text: string) => {
        if ((controller.desiredSize ?? 0) < -MAX_QUEUED_FRAMES) return close(); // the reader stopped reading
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup(); // the stream is already closed
        }
      };
      let idle: ReturnType<typeof setTimeout> | undefined;
      const touch = () => {
        clearTimeout(idle);
        idle = setTimeout(close, idleMs);
      };
      const emit = (data: Record<string, unknown>) => {
        touch();
        send(frame(`${streamId}-${++seq}`, data));
      };
      send(`retry: ${RETRY_MS}\n\n`);
      emit({ type: "refresh", reason: resumed ? "reconnect" : "connect" });

      const unsubscribe = listener.subscribe((event) => {
        if (event.type === "refresh") emit(event);
        else if (options.accept(event)) emit(options.project ? options.project(event) : event);
      });
      const heartbeat = setInterval(() => send(`: heartbeat ${Date.now()}\n\n`), options.heartbeatMs ?? HEARTBEAT_MS);
      const lifetime = setTimeout(close, MAX_STREAM_MS);
      openStreams.count++;
      let done = false;
      cleanup = () => {
        if (done) return;
        done = true;
        openStreams.count--;
        release();
        unsubscribe();
        clearInterval(heartbeat);
        clearTimeout(lifetime);
        clearTimeout(idle);
      };
      request.signal.addEventListener("abort", () => cleanup());
    },
    cancel() {
      cleanup();
    },
  });

  return new Response(body, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // no-transform: keeps compression middleware from buffering the stream.
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
}

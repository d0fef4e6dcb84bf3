// A Server-Sent Events response fed by the process's live listener. Every stream:
// - starts with `retry:` (how long a browser waits before reconnecting) and a "refresh" event, so
//   a client that connects or reconnects refetches whatever it may have missed in between: the
//   simplest catch-up that is always right, since events only say "look again";
// - numbers its events (`id:`), so a reconnect carries Last-Event-ID and is told apart from a
//   first connect in the refresh's reason;
// - sends a comment every HEARTBEAT_MS so proxies keep the connection open and a dead peer is
//   noticed, and ends itself after MAX_STREAM_MS so the browser reconnects: that re-checks the
//   session and spreads long-lived connections over instances after a deploy.
// Streams are refused with 503 while the listener is unhealthy: the client then polls instead.
import "server-only";
import { randomUUID } from "node:crypto";
import { AppError } from "@/lib/errors";
import { liveListener, type LiveListener } from "@/lib/live/listener";
import type { AnyLiveEvent } from "@/lib/live/events";

export const HEARTBEAT_MS = 15_000;
export const RETRY_MS = 3_000;
const MAX_STREAM_MS = 10 * 60_000;
const READY_WAIT_MS = 3_000;

export interface StreamOptions {
  /** Which events this stream passes on; "refresh" always passes. */
  accept: (event: AnyLiveEvent) => boolean;
  /** What of an event the client sees (default: all of it). Strip what this reader must not learn. */
  project?: (event: AnyLiveEvent) => Record<string, unknown>;
  listener?: LiveListener;
  heartbeatMs?: number;
}

/** Counts of open streams in this process, for logs and tests. */
export const openStreams = { count: 0 };

function frame(id: string, data: Record<string, unknown>): string {
  return `id: ${id}\ndata: ${JSON.stringify(data)}\n\n`;
}

export async function eventStream(request: Request, options: StreamOptions): Promise<Response> {
  const listener = options.listener ?? liveListener();
  if (!(await listener.ready(READY_WAIT_MS))) {
    throw new AppError("SERVICE_BUSY", "Live updates are not available right now; the page refreshes on its own.", { retryAfterSeconds: 30 });
  }
  const streamId = randomUUID().slice(0, 8);
  const resumed = request.headers.get("last-event-id");
  const encoder = new TextEncoder();
  let seq = 0;
  let cleanup = () => {};

  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup(); // the stream is already closed
        }
      };
      const emit = (data: Record<string, unknown>) => send(frame(`${streamId}-${++seq}`, data));
      send(`retry: ${RETRY_MS}\n\n`);
      emit({ type: "refresh", reason: resumed ? "reconnect" : "connect" });

      const unsubscribe = listener.subscribe((event) => {
        if (event.type === "refresh") emit(event);
        else if (options.accept(event)) emit(options.project ? options.project(event) : event);
      });
      const heartbeat = setInterval(() => send(`: heartbeat ${Date.now()}\n\n`), options.heartbeatMs ?? HEARTBEAT_MS);
      const lifetime = setTimeout(() => {
        cleanup();
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      }, MAX_STREAM_MS);
      openStreams.count++;
      let done = false;
      cleanup = () => {
        if (done) return;
        done = true;
        openStreams.count--;
        unsubscribe();
        clearInterval(heartbeat);
        clearTimeout(lifetime);
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

// What travels on the live channel: small JSON facts about a change, never the changed data
// itself. A browser that hears "seats changed on service X" refetches through the ordinary API,
// which checks access and reads the committed state, so an event can be dropped, duplicated or
// reordered without a screen ever showing something wrong for long. Prisma-free: clients import it.

/** The PostgreSQL channel every app instance and worker LISTENs on (lib/live/listener.ts). */
export const LIVE_CHANNEL = "railbook_events";

export type LiveEvent =
  /** Availability changed on a service: a hold, an expiry, a cancellation, a promotion. */
  | { type: "seats"; serviceId: string }
  /** A booking changed state (held, confirmed, cancelled, expired, waitlist moves...). */
  | { type: "booking"; pnr: string; userId: string; serviceId: string; status: string }
  /** A user's notices changed: a new one arrived, or some were marked read. */
  | { type: "notification"; userId: string }
  /** The timetable of a service changed (delay, platform, cancellation). */
  | { type: "service"; serviceId: string }
  /**
   * Sent by the listener itself, never by the database: the connection was (re)established and
   * events may have been missed, so every subscriber should refetch what it shows.
   */
  | { type: "refresh"; reason: "connect" | "reconnect" | "resync" }
  /** The listener's own health probe; ignored by everything else. */
  | { type: "ping"; instance: string; n: number };

export type LiveEventType = LiveEvent["type"];

/** pg_notify payloads are limited to 8000 bytes; ours are a few dozen. */
export const MAX_PAYLOAD_BYTES = 8000;

const KNOWN: ReadonlySet<string> = new Set<LiveEventType>(["seats", "booking", "notification", "service", "refresh", "ping"]);

/**
 * Parses a payload heard on the channel. Unknown types are kept (another engineer's write path may
 * publish a new kind before every instance is upgraded) as long as they are objects with a type.
 */
export function parseLiveEvent(payload: string | undefined): LiveEvent | { type: string; [key: string]: unknown } | null {
  if (!payload) return null;
  try {
    const value: unknown = JSON.parse(payload);
    if (!value || typeof value !== "object" || typeof (value as { type?: unknown }).type !== "string") return null;
    return value as LiveEvent | { type: string };
  } catch {
    return null;
  }
}

export function isKnownType(type: string): type is LiveEventType {
  return KNOWN.has(type);
}

export type AnyLiveEvent = NonNullable<ReturnType<typeof parseLiveEvent>>;

/** Narrowing helper for subscribers: `is(event, "seats")`. */
export function is<T extends LiveEventType>(event: AnyLiveEvent, type: T): event is Extract<LiveEvent, { type: T }> {
  return event.type === type;
}

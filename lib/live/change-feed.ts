// The one change feed of an app instance, fanned out to every open stream: PostgreSQL's
// LISTEN/NOTIFY while it works (lib/live/listener.ts), and otherwise one poll per instance of the
// tables every change already writes: the booking event log, notices and schedule changes
// (docs/decisions/046-change-feed-without-notify.md). Otherwise is the embedded PGlite (it delivers
// a NOTIFY only to the connection that sent it), CockroachDB and a pooler in transaction mode (no
// LISTEN), LIVE_EVENTS=off, and any outage of the listening connection. A browser gets its
// server-sent events either way, so no tab polls whole seat maps every two seconds.
//
// The poll reads rows written since the last poll's database clock, less OVERLAP_MS: a row's time
// is taken when it is written (clock_timestamp() for booking events), and the transaction that
// wrote it may commit a moment later, after a poll has passed that time. Rows already passed on
// are remembered by id for as long as they are inside that window, so each is passed on once.
// Events only say "look again" (lib/live/events.ts), so a late one costs a refetch, never a wrong screen.
import "server-only";
import { db, type Db } from "@/lib/db";
import { logger } from "@/lib/logger";
import type { AnyLiveEvent, LiveEvent } from "@/lib/live/events";
import { liveListener, type LiveListener, type Subscriber } from "@/lib/live/listener";

export const POLL_MS = 1_000;
export const OVERLAP_MS = 10_000;
/** At most this many rows a poll; a burst beyond it is read over the next polls (rows come oldest first). */
export const POLL_LIMIT = 2_000;

interface ChangeRow {
  now: Date;
  kind: "booking" | "notification" | "service" | null;
  id: string | null;
  userId: string | null;
  serviceId: string | null;
  pnr: string | null;
  status: string | null;
  at: Date | null;
}

export interface Polled {
  /** The database's clock when the rows were read. */
  now: Date;
  changes: { id: string; at: Date; events: LiveEvent[] }[];
}

/** One statement: what was written after `since` to the three tables every change writes. */
export async function pollChanges(client: Db, since: Date): Promise<Polled> {
  const rows = await client.$queryRaw<ChangeRow[]>`
    SELECT clock.now, c.kind, c.id, c."userId", c."serviceId", c.pnr, c.status, c.at
    FROM (SELECT now() AS now) clock
    LEFT JOIN (
      SELECT * FROM (
        SELECT 'booking' AS kind, be.id, b."userId", b."serviceId", b.pnr, b.status::text AS status, be."createdAt" AS at
        FROM "BookingEvent" be JOIN "Booking" b ON b.id = be."bookingId"
        WHERE be."createdAt" > ${since}
        UNION ALL
        SELECT 'notification', n.id, n."userId", NULL, NULL, NULL, n."createdAt"
        FROM "Notification" n WHERE n."createdAt" > ${since}
        UNION ALL
        SELECT 'service', sc.id, NULL, sc."serviceId", NULL, NULL, sc."createdAt"
        FROM "ScheduleChange" sc WHERE sc."createdAt" > ${since}
      ) written ORDER BY at LIMIT ${POLL_LIMIT}
    ) c ON true`;
  const changes: Polled["changes"] = [];
  for (const row of rows) {
    if (!row.kind || !row.id || !row.at) continue;
    changes.push({ id: `${row.kind}:${row.id}`, at: row.at, events: eventsOf(row) });
  }
  return { now: rows[0]?.now ?? new Date(), changes };
}

/** The same events the write paths NOTIFY (lib/live/publish.ts), from the rows they wrote. */
function eventsOf(row: ChangeRow): LiveEvent[] {
  if (row.kind === "booking") {
    return [
      { type: "booking", pnr: row.pnr!, userId: row.userId!, serviceId: row.serviceId!, status: row.status! },
      { type: "seats", serviceId: row.serviceId! },
    ];
  }
  if (row.kind === "notification") return [{ type: "notification", userId: row.userId! }];
  return [{ type: "service", serviceId: row.serviceId! }];
}

export interface ChangeFeedOptions {
  pollMs?: number;
  /** How long a stream waits for the listener before the poll serves it instead. */
  listenerWaitMs?: number;
  poll?: (since: Date) => Promise<Polled>;
}

export class ChangeFeed {
  private readonly subscribers = new Set<Subscriber>();
  private unlisten: (() => void) | null = null;
  private timer: NodeJS.Timeout | null = null;
  private polling = false;
  private since: Date | null = null;
  private readonly passed = new Map<string, number>();
  private pollHealthy = false;
  private pollerRan = false;

  constructor(
    private readonly listener: LiveListener,
    private readonly options: ChangeFeedOptions = {},
  ) {}

  /** Events flow: through the listener, or through the poll while the listener is not healthy. */
  get isHealthy(): boolean {
    return this.listener.isHealthy || this.pollHealthy;
  }

  /** Which way events come right now (for health and logs). */
  get mode(): "notify" | "poll" | "none" {
    return this.listener.isHealthy ? "notify" : this.pollHealthy ? "poll" : "none";
  }

  subscribe(subscriber: Subscriber): () => void {
    this.subscribers.add(subscriber);
    if (!this.unlisten) this.unlisten = this.listener.subscribe((event) => this.emit(event));
    this.schedule(0);
    return () => {
      this.subscribers.delete(subscriber);
      if (this.subscribers.size === 0) this.idle();
    };
  }

  /** True once events are known to flow one way or the other, within about `timeoutMs`. */
  async ready(timeoutMs: number): Promise<boolean> {
    if (await this.listener.ready(Math.min(timeoutMs, this.options.listenerWaitMs ?? 1_500))) return true;
    if (!this.pollHealthy) await this.tick();
    return this.isHealthy;
  }

  async stop(): Promise<void> {
    this.subscribers.clear();
    this.idle();
  }

  private idle(): void {
    this.unlisten?.();
    this.unlisten = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(delay: number): void {
    if (this.timer || this.subscribers.size === 0) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.tick().finally(() => this.schedule(this.options.pollMs ?? POLL_MS));
    }, delay);
  }

  private async tick(): Promise<void> {
    if (this.polling) return;
    if (this.listener.isHealthy) {
      // NOTIFY delivers: no statement at all. Taking over later starts afresh (with a refresh).
      this.since = null;
      this.pollHealthy = false;
      return;
    }
    this.polling = true;
    try {
      const takingOver = this.since === null;
      // Taking over: rows of the last moments are remembered, not passed on; the refresh below covers them.
      const since = this.since ?? new Date(Date.now() - OVERLAP_MS);
      const polled = await (this.options.poll ?? ((from) => pollChanges(db(), from)))(since);
      const last = polled.changes.at(-1);
      // A full page: the rest is read next time, from the last row's time on.
      const horizon = polled.changes.length >= POLL_LIMIT && last ? Math.min(polled.now.getTime() - OVERLAP_MS, last.at.getTime() - 1) : polled.now.getTime() - OVERLAP_MS;
      this.since = new Date(Math.max(horizon, since.getTime()));
      for (const [id, at] of this.passed) if (at <= this.since.getTime()) this.passed.delete(id);
      for (const change of polled.changes) {
        if (this.passed.has(change.id)) continue;
        this.passed.set(change.id, change.at.getTime());
        if (!takingOver) for (const event of change.events) this.emit(event);
      }
      if (takingOver) {
        // Whatever fell between the listener and the poll is caught by a refetch (new streams make their own).
        if (this.pollerRan) this.emit({ type: "refresh", reason: "resync" });
        this.pollerRan = true;
        logger.info("change feed polling", { everyMs: this.options.pollMs ?? POLL_MS });
      }
      this.pollHealthy = true;
    } catch (error) {
      if (this.pollHealthy) logger.warn("change feed poll failed", { error: error instanceof Error ? error.message : String(error) });
      this.pollHealthy = false;
      this.since = null;
    } finally {
      this.polling = false;
    }
  }

  private emit(event: AnyLiveEvent): void {
    for (const s of [...this.subscribers]) {
      try {
        s(event);
      } catch (error) {
        logger.warn("live subscriber failed", { error });
      }
    }
  }
}

const cache = globalThis as unknown as { __railbookChangeFeed?: ChangeFeed };

/** The process-wide feed (on globalThis for the same reason as the listener: one per process). */
export function changeFeed(): ChangeFeed {
  cache.__railbookChangeFeed ??= new ChangeFeed(liveListener());
  return cache.__railbookChangeFeed;
}

// One LISTENing connection per process, fanned out to in-process subscribers (SSE streams, the
// notification worker). Events come from any app instance's transactions through PostgreSQL
// (lib/live/publish.ts), so every instance behind a load balancer hears every change.
//
// The connection is not trusted just because it is open: a second connection NOTIFYs a probe on
// connect and every PROBE_MS, and the listener counts as healthy only while the probes come back.
// That catches a half-dead TCP connection (a failover, a silently dropped NAT entry) and a server
// that accepts LISTEN but does not deliver between sessions: the embedded PGlite hands a NOTIFY
// only to the connection that sent it, which is why the probe must come from another connection.
// There the SSE routes answer 503 and browsers stay on polling (docs/decisions/014).
import "server-only";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { logger } from "@/lib/logger";
import { LIVE_CHANNEL, parseLiveEvent, type AnyLiveEvent } from "@/lib/live/events";
import { config } from "@/lib/config";

export type Subscriber = (event: AnyLiveEvent) => void;

const PROBE_MS = 15_000;
const PROBE_TIMEOUT_MS = 5_000;
const MIN_BACKOFF_MS = 250;
const MAX_BACKOFF_MS = 10_000;

export class LiveListener {
  readonly instance = randomUUID().slice(0, 8);
  private client: pg.Client | null = null;
  /** Sends the probes: another session, as every real publisher is. */
  private prober: pg.Client | null = null;
  private probing = false;
  private readonly subscribers = new Set<Subscriber>();
  private healthy = false;
  private everHealthy = false;
  private stopped = true;
  private failures = 0;
  private probeN = 0;
  private probeTimer: NodeJS.Timeout | null = null;
  private probeDeadline: NodeJS.Timeout | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private readonly waiters = new Set<() => void>();

  /** `enabled: false` (LIVE_EVENTS=off) never connects and is never healthy: everyone polls. */
  constructor(private readonly connectionString: string, private readonly options: { probeMs?: number; enabled?: boolean } = {}) {}

  get isHealthy(): boolean {
    return this.healthy;
  }

  start(): this {
    if (!this.stopped || this.options.enabled === false) return this;
    this.stopped = false;
    void this.connect();
    return this;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.healthy = false;
    for (const t of [this.probeTimer, this.probeDeadline, this.retryTimer]) if (t) clearTimeout(t);
    const client = this.client;
    const prober = this.prober;
    this.client = null;
    this.prober = null;
    await Promise.all([client?.end().catch(() => {}), prober?.end().catch(() => {})]);
  }

  subscribe(subscriber: Subscriber): () => void {
    this.subscribers.add(subscriber);
    this.start();
    return () => this.subscribers.delete(subscriber);
  }

  /** Resolves true once events are known to flow (a probe came back), false after `timeoutMs`. */
  ready(timeoutMs: number): Promise<boolean> {
    if (this.options.enabled === false) return Promise.resolve(false);
    this.start();
    if (this.healthy) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve(this.healthy);
      };
      const timer = setTimeout(done, timeoutMs);
      this.waiters.add(done);
    });
  }

  private newClient(role: string): pg.Client {
    return new pg.Client({
      connectionString: this.connectionString,
      keepAlive: true,
      connectionTimeoutMillis: 5_000,
      // Named, so an operator can see (and a test can kill) the listening connection.
      application_name: `railbook-live-${this.instance}${role}`,
    });
  }

  private async connect(): Promise<void> {
    const client = this.newClient("");
    const prober = this.newClient("-probe");
    prober.on("error", (error) => this.lost(client, error));
    this.prober = prober;
    client.on("notification", (message) => this.onNotification(message.payload));
    client.on("error", (error) => this.lost(client, error));
    client.on("end", () => this.lost(client, new Error("connection ended")));
    this.client = client;
    try {
      await Promise.all([client.connect(), prober.connect()]);
      await client.query(`LISTEN ${LIVE_CHANNEL}`);
      this.probe();
    } catch (error) {
      this.lost(client, error);
    }
  }

  private probe(): void {
    const client = this.client;
    const prober = this.prober;
    if (!client || !prober || this.stopped || this.probing) return;
    const n = ++this.probeN;
    if (this.probeDeadline) clearTimeout(this.probeDeadline);
    this.probeDeadline = setTimeout(() => this.lost(client, new Error("probe not delivered")), PROBE_TIMEOUT_MS);
    this.probing = true;
    prober
      .query("SELECT pg_notify($1, $2)", [LIVE_CHANNEL, JSON.stringify({ type: "ping", instance: this.instance, n })])
      .catch((error) => this.lost(client, error))
      .finally(() => {
        this.probing = false;
      });
  }

  private onNotification(payload: string | undefined): void {
    const event = parseLiveEvent(payload);
    if (!event) return;
    if (event.type === "ping") {
      if (event.instance === this.instance && event.n === this.probeN) this.probeReturned();
      return;
    }
    this.emit(event);
  }

  private probeReturned(): void {
    if (this.probeDeadline) clearTimeout(this.probeDeadline);
    const wasHealthy = this.healthy;
    this.healthy = true;
    this.failures = 0;
    if (!wasHealthy) {
      // After an outage events may have been missed: everyone refetches.
      if (this.everHealthy) this.emit({ type: "refresh", reason: "resync" });
      this.everHealthy = true;
      logger.info("live listener healthy", { instance: this.instance });
      for (const w of [...this.waiters]) w();
    }
    this.probeTimer = setTimeout(() => this.probe(), this.options.probeMs ?? PROBE_MS);
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

  private lost(client: pg.Client, error: unknown): void {
    if (client !== this.client) return; // an old connection's late 'end'
    this.client = null;
    void this.prober?.end().catch(() => {});
    this.prober = null;
    this.probing = false;
    this.healthy = false;
    for (const t of [this.probeTimer, this.probeDeadline]) if (t) clearTimeout(t);
    client.removeAllListeners("notification");
    void client.end().catch(() => {});
    if (this.stopped) return;
    this.failures++;
    const cap = Math.min(MAX_BACKOFF_MS, MIN_BACKOFF_MS * 2 ** (this.failures - 1));
    const delay = cap / 2 + Math.random() * (cap / 2);
    if (this.failures <= 3 || this.failures % 10 === 0) {
      logger.warn("live listener reconnecting", { error: error instanceof Error ? error.message : String(error), attempt: this.failures, delayMs: Math.round(delay) });
    }
    this.retryTimer = setTimeout(() => void this.connect(), delay);
  }
}

const cache = globalThis as unknown as { __railbookLiveListener?: LiveListener };

/**
 * The process-wide listener, started on first use. Kept on globalThis because Next.js may load
 * this module once per route bundle, and one connection per process is the point.
 */
export function liveListener(): LiveListener {
  if (!cache.__railbookLiveListener) {
    const url = config().DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set");
    cache.__railbookLiveListener = new LiveListener(url, { enabled: config().LIVE_EVENTS });
  }
  return cache.__railbookLiveListener.start();
}

// This instance's metrics in Prometheus's format (prom-client), scraped at /api/metrics. Counters
// and histograms are kept in memory by each instance (Prometheus sums them over instances); what
// other processes do (the worker's jobs, the outbox's backlog) is read from the database at scrape
// time, so any instance's scrape shows it. Decision 029.
//
// No server-only import and nothing from lib/ but plain values: the inventory and the booking code
// report into it (observeTurn, noteOutcome) without depending on anything that depends on them.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

interface Metrics {
  registry: Registry;
  httpRequests: Counter<"route" | "method" | "status">;
  httpDuration: Histogram<"route" | "method">;
  outcomes: Counter<"operation" | "outcome">;
  batchSize: Histogram;
  turnSeconds: Histogram;
  queueSeconds: Histogram;
}

const cache = globalThis as unknown as { __railbookMetrics?: Metrics };

/** The one registry of this process (kept on globalThis: Next may load this module more than once). */
export function metrics(): Metrics {
  if (cache.__railbookMetrics) return cache.__railbookMetrics;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "railbook_process_" });
  const m: Metrics = {
    registry,
    httpRequests: new Counter({ name: "railbook_http_requests_total", help: "API requests answered, by route pattern, method and status.", labelNames: ["route", "method", "status"], registers: [registry] }),
    httpDuration: new Histogram({
      name: "railbook_http_request_duration_seconds",
      help: "API request latency, by route pattern and method.",
      labelNames: ["route", "method"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    outcomes: new Counter({
      name: "railbook_booking_operations_total",
      help: "Holds, payments and cancellations answered by this instance, by outcome (held, waitlisted, paid, declined, cancelled, or the refusal's error code).",
      labelNames: ["operation", "outcome"],
      registers: [registry],
    }),
    batchSize: new Histogram({ name: "railbook_inventory_batch_size", help: "Requests served per inventory turn.", buckets: [1, 2, 4, 8, 16, 32, 64], registers: [registry] }),
    turnSeconds: new Histogram({ name: "railbook_inventory_turn_seconds", help: "How long a turn held an inventory's locks.", buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5], registers: [registry] }),
    queueSeconds: new Histogram({ name: "railbook_inventory_queue_seconds", help: "How long a turn's first request waited in this instance's queue.", buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5], registers: [registry] }),
  };
  cache.__railbookMetrics = m;
  return m;
}

/** One API request answered. `route` is the route's pattern (never the raw path: ids would explode the series). */
export function observeRequest(route: string, method: string, status: number, seconds: number): void {
  const m = metrics();
  m.httpRequests.inc({ route, method, status: String(status) });
  m.httpDuration.observe({ route, method }, seconds);
}

/** A booking operation's outcome (`outcome` is the kind, or the refusal's error code). */
export function noteOutcome(operation: "hold" | "payment" | "cancel" | "exchange", outcome: string): void {
  metrics().outcomes.inc({ operation, outcome });
}

/** One inventory turn: its size, how long its first request queued and how long it held the locks. */
export function observeTurn(queuedMs: number, heldMs: number, size: number): void {
  const m = metrics();
  m.batchSize.observe(size);
  m.queueSeconds.observe(queuedMs / 1000);
  m.turnSeconds.observe(heldMs / 1000);
}

/** A gauge whose value is read when scraped. */
export function gaugeFrom(name: string, help: string, labelNames: string[], read: (set: (labels: Record<string, string>, value: number) => void) => Promise<void> | void): void {
  const { registry } = metrics();
  if (registry.getSingleMetric(name)) return;
  new Gauge({
    name,
    help,
    labelNames,
    registers: [registry],
    async collect() {
      this.reset();
      await read((labels, value) => this.set(labels, value));
    },
  });
}

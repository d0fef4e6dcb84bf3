// Operations (issue 18): /api/metrics moves when a booking is made (scraped, parsed, asserted), the
// job registry records runs from both entry points (a timer's and a cron route's), and readiness
// says what it checked. Real PostgreSQL, route handlers called with real Requests.
process.env.BOOKING_PICTURE_MS = "0";

import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { randomUUID } from "node:crypto";
import { spawnSync } from "node:child_process";
import { db } from "@/lib/db";
import { GET as scrapeRoute } from "@/app/api/metrics/route";
import { POST as createBookingRoute } from "@/app/api/v1/bookings/route";
import { POST as sweepRoute } from "@/app/api/cron/expire-holds/route";
import { GET as readyRoute } from "@/app/api/health/ready/route";
import { GET as liveRoute } from "@/app/api/health/live/route";
import { scheduledJobs } from "@/lib/jobs/scheduled";
import { JOBS } from "@/lib/jobs/registry";
import { apiUser, callRoute, ensureFares } from "../booking/helpers";
import { createNet } from "../booking/network";

beforeAll(ensureFares);
afterEach(() => vi.unstubAllEnvs());

const TOKEN = "metrics-test-token-0123456789";

async function scrape(): Promise<string> {
  vi.stubEnv("METRICS_TOKEN", TOKEN);
  const res = await scrapeRoute(new Request("http://localhost/api/metrics", { headers: { authorization: `Bearer ${TOKEN}` } }));
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("text/plain");
  return res.text();
}

/** The value of the series `name` whose labels include `labels` (0 when absent). */
function value(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split("\n")) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = Object.fromEntries([...(m[2] ?? "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((l) => [l[1], l[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(m[3]);
  }
  return 0;
}

describe("/api/metrics", () => {
  it("is shut without METRICS_TOKEN configured, and to a wrong token", async () => {
    vi.stubEnv("METRICS_TOKEN", "");
    const off = await scrapeRoute(new Request("http://localhost/api/metrics"));
    expect(off.status).toBe(503);
    expect((await off.json()).error.code).toBe("NOT_CONFIGURED");
    vi.stubEnv("METRICS_TOKEN", TOKEN);
    const wrong = await scrapeRoute(new Request("http://localhost/api/metrics", { headers: { authorization: "Bearer nope" } }));
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).error.code).toBe("UNAUTHENTICATED");
  });

  it("counts a hold: the request by route and status, the outcome, the inventory turn", async () => {
    const [net, user] = await Promise.all([createNet({ coaches: [{ label: "1", kind: "SEATED", classCode: "SECOND", size: 8 }] }), apiUser()]);
    const before = await scrape();
    const [from, , to] = net.codes;
    const res = await callRoute(createBookingRoute, {
      method: "POST",
      path: "/api/v1/bookings",
      body: { serviceId: net.serviceId, from, to, class: "SECOND", passengers: [{ name: "Metric Passenger", age: 30 }] },
      headers: { ...user.auth, "idempotency-key": randomUUID() },
    });
    expect(res.status).toBe(201);
    const after = await scrape();
    const delta = (name: string, labels?: Record<string, string>) => value(after, name, labels) - value(before, name, labels);
    expect(delta("railbook_http_requests_total", { route: "/api/v1/bookings", method: "POST", status: "201" })).toBe(1);
    expect(delta("railbook_http_request_duration_seconds_count", { route: "/api/v1/bookings", method: "POST" })).toBe(1);
    expect(delta("railbook_booking_operations_total", { operation: "hold", outcome: "held" })).toBe(1);
    expect(delta("railbook_inventory_batch_size_count")).toBeGreaterThanOrEqual(1);
    expect(delta("railbook_inventory_batched_requests_total")).toBeGreaterThanOrEqual(1);
    expect(value(after, "railbook_db_pool_connections", { state: "total" })).toBeGreaterThan(0);
    expect(after).toContain("railbook_outbox_pending{measure=\"count\"}");
  });

  it("shows each job's last success, recorded by whichever entry point ran it", async () => {
    const runsOf = async () => (await db().jobRun.findUnique({ where: { name: "expire-holds" } }))?.runs ?? 0;
    const before = await runsOf();
    // The worker's timer...
    const timed = scheduledJobs().find((j) => j.name === "expire-holds")!;
    expect(timed.everyMs).toBe(JOBS["expire-holds"].everyMs);
    await timed.run();
    // ...and the scheduler's route run the same registered job.
    vi.stubEnv("CRON_SECRET", "metrics-test-cron-secret-000000");
    const res = await callRoute(sweepRoute, { method: "POST", path: "/api/cron/expire-holds", headers: { authorization: "Bearer metrics-test-cron-secret-000000" } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ expired: expect.any(Number), batches: expect.any(Number), promoted: expect.any(Number) });
    expect(await runsOf()).toBe(before + 2);
    const text = await scrape();
    expect(value(text, "railbook_job_last_success_timestamp_seconds", { job: "expire-holds" })).toBeGreaterThan(Date.now() / 1000 - 60);
    expect(value(text, "railbook_job_last_success_timestamp_seconds", { job: "prepare-charts" })).toBeGreaterThanOrEqual(0);
    expect(value(text, "railbook_http_requests_total", { route: "/api/cron/expire-holds", method: "POST", status: "200" })).toBeGreaterThanOrEqual(1);
  });
});

describe("health", () => {
  it("liveness asks nothing; readiness checks the database and migrations and reports the worker", async () => {
    expect((await liveRoute()).status).toBe(200);
    await scheduledJobs()[0]!.run(); // a job ran just now: the worker is seen
    const res = await readyRoute();
    const body = await res.json();
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ status: "ready", checks: { database: { ok: true }, migrations: { ok: true, pending: [] }, worker: { ok: true } } });
  });
});

describe("request ids", () => {
  it("every API answer carries X-Request-Id, the client's own when it sent a sane one", async () => {
    const { GET: stations } = await import("@/app/api/v1/stations/route");
    const fresh = await callRoute(stations, { path: "/api/v1/stations" });
    expect(fresh.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await callRoute(stations, { path: "/api/v1/stations", headers: { "x-request-id": "client-chosen-1234" } });
    expect(kept.headers.get("x-request-id")).toBe("client-chosen-1234");
    const forged = await callRoute(stations, { path: "/api/v1/stations", headers: { "x-request-id": "bad id\twith spaces" } });
    expect(forged.headers.get("x-request-id")).not.toContain(" ");

    const { withRequestContext, currentRequestId } = await import("@/lib/request-context");
    expect(withRequestContext({ requestId: "abc12345" }, () => currentRequestId())).toBe("abc12345");
    expect(currentRequestId()).toBeUndefined();
  });

  it("log lines are one JSON object each, with the request id while a request is served", () => {
    const script = [
      'import { logger } from "./lib/logger.ts";',
      'import { withRequestContext } from "./lib/request-context.ts";',
      'logger.info("outside", { bookingId: "b1" });',
      'withRequestContext({ requestId: "req-12345678" }, () => logger.warn("inside", { error: new Error("boom") }));',
    ].join("\n");
    const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stderr.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ level: "info", message: "outside", bookingId: "b1" });
    expect(lines[0].requestId).toBeUndefined();
    expect(lines[1]).toMatchObject({ level: "warn", message: "inside", requestId: "req-12345678", error: { message: "boom" } });
    expect(typeof lines[1].time).toBe("string");
  });
});

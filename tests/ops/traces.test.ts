// Traces leave the process over real OTLP/HTTP: a stand-in receiver (a node:http server taking
// POST /v1/traces, as an OpenTelemetry Collector does on :4318) gets a span for a job run, spans for
// the database statements inside it, and log lines written inside a span carry its trace id.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTracing, type Tracing } from "@/lib/telemetry/tracing";
import { runJob } from "@/lib/jobs/registry";
import { db } from "@/lib/db";
import { activeTraceIds, inSpan } from "@/lib/telemetry/spans";

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes?: { key: string; value: { stringValue?: string } }[];
}
interface OtlpRequest {
  resourceSpans: { resource?: { attributes?: { key: string; value: { stringValue?: string } }[] }; scopeSpans: { spans: OtlpSpan[] }[] }[];
}

const received: { path: string; contentType: string; body: OtlpRequest }[] = [];
let receiver: Server;
let tracing: Tracing;

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      if (req.method === "POST" && req.url === "/v1/traces") {
        received.push({ path: req.url, contentType: String(req.headers["content-type"]), body: JSON.parse(Buffer.concat(chunks).toString("utf8")) as OtlpRequest });
        res.writeHead(200, { "content-type": "application/json" }).end("{}");
      } else {
        res.writeHead(404).end();
      }
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const { port } = receiver.address() as AddressInfo;
  tracing = startTracing({ endpoint: `http://127.0.0.1:${port}/`, serviceName: "railbook-test", role: "test" });
});

afterAll(async () => {
  await tracing?.shutdown();
  await new Promise((resolve) => receiver.close(resolve));
});

function spans(): OtlpSpan[] {
  return received.flatMap((r) => r.body.resourceSpans.flatMap((rs) => rs.scopeSpans.flatMap((s) => s.spans)));
}

function attribute(span: OtlpSpan, key: string): string | undefined {
  return span.attributes?.find((a) => a.key === key)?.value.stringValue;
}

describe("traces over OTLP/HTTP", () => {
  it("a job run is a span, with its database statements inside it", async () => {
    await runJob("hold-reminders");
    await tracing.flush();

    const job = spans().find((s) => s.name === "job hold-reminders");
    expect(job, "a span for the job run reached the receiver").toBeDefined();
    expect(attribute(job!, "railbook.job")).toBe("hold-reminders");
    const statements = spans().filter((s) => s.traceId === job!.traceId && attribute(s, "db.query.text"));
    expect(statements.length).toBeGreaterThan(0);
    // The job's bookkeeping write is among them (lib/jobs/registry.ts records every run).
    expect(statements.some((s) => /INSERT INTO "JobRun"/.test(attribute(s, "db.query.text")!))).toBe(true);
    expect(received[0]!.path).toBe("/v1/traces");
    expect(received[0]!.contentType).toMatch(/application\/json/);
    const resource = received[0]!.body.resourceSpans[0]!.resource?.attributes ?? [];
    expect(resource.find((a) => a.key === "service.name")?.value.stringValue).toBe("railbook-test");
  });

  it("a database statement outside any job is a span of its own", async () => {
    await db().$queryRaw`SELECT 1 AS traced_statement`;
    await tracing.flush();
    expect(spans().some((s) => /traced_statement/.test(attribute(s, "db.query.text") ?? ""))).toBe(true);
  });

  it("gives log lines the active span's ids", async () => {
    let seen: ReturnType<typeof activeTraceIds> = null;
    await inSpan("log correlation", {}, async () => {
      seen = activeTraceIds();
    });
    await tracing.flush();
    const span = spans().find((s) => s.name === "log correlation");
    expect(seen).toEqual({ traceId: span!.traceId, spanId: span!.spanId });
    expect(activeTraceIds()).toBeNull(); // outside any span
  });
});

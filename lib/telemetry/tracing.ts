// The OpenTelemetry SDK of one process, started by instrumentation.ts (Next.js), scripts/worker.ts
// and scripts/grpc.ts when OTEL_EXPORTER_OTLP_ENDPOINT is set (docs/decisions/035-traces.md).
// Spans go over OTLP/HTTP (JSON) to `${endpoint}/v1/traces`, as the OTLP spec builds a signal's
// URL from the base endpoint; OTEL_EXPORTER_OTLP_HEADERS is honoured by the exporter itself.
// Database statements come from Prisma's own instrumentation (a span per query with its SQL text,
// no parameters), which works whether Next bundles the client or not: it patches no module.
import { context, propagation, trace } from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { PrismaInstrumentation, registerInstrumentations } from "@prisma/instrumentation";

export interface Tracing {
  /** Sends every span ended so far (tests; a worker before it exits). */
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

const cache = globalThis as unknown as { __railbookTracing?: Tracing };

export function tracesUrl(endpoint: string): string {
  return `${endpoint.replace(/\/+$/, "")}/v1/traces`;
}

/** Starts tracing once per process (Next may evaluate instrumentation more than once). */
export function startTracing(options: { endpoint: string; serviceName: string; role: string }): Tracing {
  if (cache.__railbookTracing) return cache.__railbookTracing;
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ "service.name": options.serviceName, "railbook.process": options.role }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: tracesUrl(options.endpoint) }))],
  });
  // Global tracer provider and the AsyncLocalStorage context manager: Next.js's own spans (requests,
  // route handlers, rendering) and ours share it, so one request is one trace.
  provider.register();
  const unregister = registerInstrumentations({ tracerProvider: provider, instrumentations: [new PrismaInstrumentation()] });
  const tracing: Tracing = {
    flush: () => provider.forceFlush(),
    shutdown: async () => {
      unregister();
      await provider.shutdown();
      // Free the globals, so a later start (a test) registers its own provider.
      trace.disable();
      context.disable();
      propagation.disable();
      cache.__railbookTracing = undefined;
    },
  };
  cache.__railbookTracing = tracing;
  return tracing;
}

// Spans around RailBook's own units of work: route handlers and server actions (lib/http.ts,
// lib/action.ts), scheduled jobs (lib/jobs/registry.ts). Only the OpenTelemetry API is used here:
// with no SDK started (OTEL_EXPORTER_OTLP_ENDPOINT unset, lib/telemetry/tracing.ts) every call is
// a no-op, so this costs next to nothing. A leaf: it imports nothing from lib/.
import { SpanKind, SpanStatusCode, trace, type Attributes, type Span } from "@opentelemetry/api";

const TRACER = "railbook";

/** Runs `work` inside an active span named `name`; an error marks the span failed and is rethrown. */
export async function inSpan<T>(name: string, attributes: Attributes, work: (span: Span) => Promise<T>, kind = SpanKind.INTERNAL): Promise<T> {
  return trace.getTracer(TRACER).startActiveSpan(name, { attributes, kind }, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** The active span's ids, for log lines (lib/logger.ts); nothing when no span is recording. */
export function activeTraceIds(): { traceId: string; spanId: string } | null {
  const context = trace.getActiveSpan()?.spanContext();
  if (!context || !trace.isSpanContextValid(context)) return null;
  return { traceId: context.traceId, spanId: context.spanId };
}

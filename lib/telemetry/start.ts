// Start-up of a RailBook process that is not Next.js (scripts/worker.ts, scripts/grpc.ts): the
// same checks and tracing as instrumentation.ts gives the web app.
import { assertStartable } from "@/lib/config/production";
import { startTracing, type Tracing } from "@/lib/telemetry/tracing";

/** Throws a ConfigError / MissingConfigError naming every bad or missing setting. */
export function startProcess(role: string): { tracing: Tracing | null } {
  const settings = assertStartable();
  const endpoint = settings.OTEL_EXPORTER_OTLP_ENDPOINT;
  return { tracing: endpoint ? startTracing({ endpoint, serviceName: settings.OTEL_SERVICE_NAME, role }) : null };
}

// Next.js calls register() once per server process before it serves anything (and in `next build`,
// which builds rather than serves). Two jobs here, both Node.js-only:
// - refuse a production start that lacks a required secret or has a bad setting, with one message
//   naming every variable (lib/config/production.ts, docs/decisions/034-config.md);
// - start OpenTelemetry when OTEL_EXPORTER_OTLP_ENDPOINT is set (docs/decisions/035-traces.md).
// NEXT_RUNTIME is read from process.env here because Next inlines it at build time: the Edge
// bundle then drops the Node.js branch (and its imports) altogether.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { assertStartable } = await import("@/lib/config/production");
  const settings = assertStartable();
  if (settings.OTEL_EXPORTER_OTLP_ENDPOINT) {
    const { startTracing } = await import("@/lib/telemetry/tracing");
    startTracing({ endpoint: settings.OTEL_EXPORTER_OTLP_ENDPOINT, serviceName: settings.OTEL_SERVICE_NAME, role: "web" });
  }
}

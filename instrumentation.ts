// Next.js calls register() once per server process before it serves anything (and in `next build`,
// which builds rather than serves). Both jobs are Node.js-only (lib/telemetry/start.ts):
// - refuse a production start that lacks a required secret or has a bad setting, with one message
//   naming every variable (lib/config/production.ts, docs/decisions/034-config.md);
// - start OpenTelemetry when OTEL_EXPORTER_OTLP_ENDPOINT is set (docs/decisions/035-traces.md).
// NEXT_RUNTIME is read from process.env here because Next inlines it at build time: the Edge
// bundle then drops the Node.js branch (and its imports) altogether.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startProcess } = await import("@/lib/telemetry/start");
  try {
    startProcess("web");
  } catch (error) {
    // Next only logs a failed hook and goes on listening, answering every request with a 500:
    // a server that cannot run must exit, so the supervisor (systemd, npm start, a platform) sees it.
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

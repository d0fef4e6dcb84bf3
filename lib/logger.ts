// Structured one-line JSON logs on stderr through pino; hosts (Vercel, systemd) collect them as they
// are. Every line written while a request is served carries its request id (lib/request-context.ts),
// and the id goes back to the client as X-Request-Id, so a person reporting a problem can quote it.
// Only ids go into logs, never names, e-mail addresses or card details.
import pino from "pino";
import { currentRequestId } from "@/lib/request-context";
import { config } from "@/lib/config";
import { activeTraceIds } from "@/lib/telemetry/spans";

/** LOG_LEVEL, else debug with DEBUG set; info when the configuration itself is broken, so that can be logged. */
function level(): string {
  try {
    const c = config();
    return c.LOG_LEVEL ?? (c.DEBUG ? "debug" : "info");
  } catch {
    return "info";
  }
}

const base = pino(
  {
    level: level(),
    base: undefined, // no pid/hostname on every line: the host adds its own
    timestamp: pino.stdTimeFunctions.isoTime,
    messageKey: "message",
    formatters: { level: (label) => ({ level: label }) },
    // The request id, and the trace and span ids while a span is active (tracing on: a log line
    // leads to its trace in the tracing backend, and back).
    mixin: () => {
      const requestId = currentRequestId();
      const ids = activeTraceIds();
      return { ...(requestId ? { requestId } : {}), ...(ids ? { traceId: ids.traceId, spanId: ids.spanId } : {}) };
    },
  },
  pino.destination({ dest: 2, sync: true }),
);

type Fields = Record<string, unknown>;

function serialize(fields: Fields = {}): Fields {
  const out: Fields = {};
  for (const [k, v] of Object.entries(fields)) out[k] = v instanceof Error ? { name: v.name, message: v.message, stack: v.stack } : v;
  return out;
}

export const logger = {
  debug: (m: string, f?: Fields) => base.debug(serialize(f), m),
  info: (m: string, f?: Fields) => base.info(serialize(f), m),
  warn: (m: string, f?: Fields) => base.warn(serialize(f), m),
  error: (m: string, f?: Fields) => base.error(serialize(f), m),
};

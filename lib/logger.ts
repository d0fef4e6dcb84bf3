// Structured one-line JSON logs on stderr; hosts (Vercel, systemd) collect them as they are.
type Level = "debug" | "info" | "warn" | "error";

function serialize(value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  return value;
}

function log(level: Level, message: string, fields: Record<string, unknown> = {}) {
  if (level === "debug" && !process.env.DEBUG) return;
  const entry: Record<string, unknown> = { level, time: new Date().toISOString(), message };
  for (const [k, v] of Object.entries(fields)) entry[k] = serialize(v);
  console.error(JSON.stringify(entry));
}

export const logger = {
  debug: (m: string, f?: Record<string, unknown>) => log("debug", m, f),
  info: (m: string, f?: Record<string, unknown>) => log("info", m, f),
  warn: (m: string, f?: Record<string, unknown>) => log("warn", m, f),
  error: (m: string, f?: Record<string, unknown>) => log("error", m, f),
};

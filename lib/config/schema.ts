// Every environment variable the app (lib/, app/, proxy.ts, instrumentation.ts) reads, in one zod
// schema: its type, its default, and what a wrong value is told (docs/decisions/034-config.md).
// Pure: a record in, a typed and frozen Config out, or one ConfigError naming every bad variable.
// What production cannot run without is checked apart (lib/config/production.ts), because the same
// settings parse on a developer's machine, in tests and during `next build`, where secrets are absent.
import { z } from "zod";

export type EnvRecord = Record<string, string | undefined>;

function number(fallback: number, rule: { integer?: boolean; zero?: boolean } = {}) {
  const wanted = `${rule.integer ? "a whole number" : "a number"} ${rule.zero ? "of 0 or more" : "above 0"}`;
  return z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined) return fallback;
      const n = Number(raw);
      if (!Number.isFinite(n) || (rule.integer && !Number.isInteger(n)) || (rule.zero ? n < 0 : n <= 0)) {
        ctx.addIssue({ code: "custom", message: `must be ${wanted}, not "${raw}"` });
        return z.NEVER;
      }
      return n;
    });
}

/** on/off switches: `on` and `off`, also spelled 1/0, true/false, yes/no. */
function flag(fallback: boolean) {
  return z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined) return fallback;
      const v = raw.trim().toLowerCase();
      if (["on", "1", "true", "yes"].includes(v)) return true;
      if (["off", "0", "false", "no"].includes(v)) return false;
      ctx.addIssue({ code: "custom", message: `must be on or off, not "${raw}"` });
      return z.NEVER;
    });
}

function url(what = "an absolute URL") {
  return z
    .string()
    .optional()
    .refine((raw) => raw === undefined || URL.canParse(raw), { message: `must be ${what}` });
}

/** An IANA zone this Node.js knows (Intl throws a RangeError for any other name). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const secret = z.string().optional();

export const configSchema = z.object({
  NODE_ENV: z.string().optional(),
  /** Set by `next build` while it builds ("phase-production-build"): no secrets are needed then. */
  NEXT_PHASE: z.string().optional(),
  NEXT_RUNTIME: z.string().optional(),

  // Database
  DATABASE_URL: url("a postgresql:// URL"),
  DATABASE_POOL_MAX: number(10, { integer: true }),
  DATABASE_RETRY_BUDGET_MS: number(20_000, { zero: true }),
  /** Set by scripts/start.ts when every process shares the embedded database's one session. */
  RAILBOOK_EMBEDDED_DB: flag(false),

  // Secrets and public address
  AUTH_SECRET: secret,
  CRON_SECRET: secret,
  TICKET_SIGNING_KEY: secret,
  PAYMENT_FINGERPRINT_SECRET: secret,
  METRICS_TOKEN: secret,
  APP_URL: url(),
  AUTH_URL: url(),
  PORT: z.string().default("3000"),

  // The operator
  OPERATOR_TIME_ZONE: z
    .string()
    .default("Europe/Warsaw")
    .refine(isTimeZone, { message: "must be an IANA time zone this server knows, like Europe/Warsaw" }),

  // Booking
  HOLD_MINUTES: number(10),
  BOOKING_BATCH_MAX: number(64, { integer: true }),
  BOOKING_LOCK_WAIT_MS: number(8_000),
  BOOKING_PICTURE_MS: number(1_000, { zero: true }),
  BOOKING_LOCAL_QUEUE: flag(true),
  BOOKING_CONTENTION_LOG: flag(false),
  CHART_HOURS_BEFORE: number(4, { zero: true }),
  HOLD_LIMIT_SEATS: number(12, { integer: true }),
  HOLD_LIMIT_TOTAL: number(24, { integer: true }),
  PAYMENT_PROVIDER: z.enum(["sandbox"], { message: 'must be "sandbox" (the only provider so far)' }).default("sandbox"),

  // Edge and abuse limits
  API_TOKEN_TTL_HOURS: number(24),
  MAX_BODY_BYTES: number(65_536, { integer: true }),
  REGISTRATION_LIMIT: number(10, { integer: true }),
  HOLD_ADDRESS_LIMIT: number(60, { integer: true }),
  ASSISTANT_RATE_LIMIT: number(20, { integer: true }),
  TRUSTED_PROXIES: z.string().optional(),
  TRUST_PROXY_HOPS: z
    .string()
    .optional()
    .refine((raw) => raw === undefined || /^\d+$/.test(raw.trim()), { message: "must be a whole number of 0 or more" }),
  /** Set by scripts/serve.mjs and scripts/grpc.ts: the peer-address header is theirs to believe. */
  RAILBOOK_PEER_STAMPED: flag(false),

  // Live updates
  LIVE_EVENTS: flag(true),
  LIVE_STREAMS_PER_ADDRESS: number(8, { integer: true }),
  LIVE_STREAMS_MAX: number(2_000, { integer: true }),
  LIVE_STREAM_IDLE_MS: number(5 * 60_000, { integer: true }),

  // Mail and jobs
  SMTP_URL: url("an smtp:// or smtps:// URL"),
  MAIL_FROM: z.string().default("RailBook <no-reply@railbook.test>"),
  DEV_MAIL: flag(false),
  DEV_MAIL_DIR: z.string().optional(),
  SCHEDULED_JOBS: flag(true),
  NOTIFICATION_POLL_MS: number(5_000),
  NOTIFICATION_RETRY_BASE_MS: number(30_000),

  // The assistant's model
  LLM_BASE_URL: url(),
  LLM_MODEL: z.string().default("llama3.1"),
  LLM_API_KEY: secret,
  LLM_TIMEOUT_MS: number(20_000, { integer: true }),
  LLM_MAX_STEPS: number(5, { integer: true }),

  // Logs and traces
  LOG_LEVEL: z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"]).optional(),
  /** Any value: debug-level logs when LOG_LEVEL is unset (the `debug` package's own variable too). */
  DEBUG: z.string().optional(),
  OTEL_EXPORTER_OTLP_ENDPOINT: url("an http(s):// URL of an OTLP/HTTP receiver, e.g. http://127.0.0.1:4318"),
  OTEL_SERVICE_NAME: z.string().default("railbook"),
});

export type Config = Readonly<z.output<typeof configSchema>>;

export const CONFIG_KEYS = Object.keys(configSchema.shape) as (keyof Config)[];

/** One error for every variable that is wrong, each named: what a person fixes at start-up. */
export class ConfigError extends Error {
  constructor(readonly problems: { name: string; message: string }[]) {
    super(`RailBook's configuration is not valid:\n${problems.map((p) => `  - ${p.name} ${p.message}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** The settings in `env`: blank values count as unset, every bad value is reported at once. */
export function parseConfig(env: EnvRecord): Config {
  const input: EnvRecord = {};
  for (const key of CONFIG_KEYS) {
    const value = env[key];
    if (value !== undefined && value.trim() !== "") input[key] = value;
  }
  const parsed = configSchema.safeParse(input);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => ({ name: String(issue.path[0] ?? "config"), message: issue.message })));
  }
  return Object.freeze(parsed.data);
}

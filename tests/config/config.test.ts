// The configuration (lib/config): one parse of the environment with types and defaults, one error
// naming every bad variable, and a production server that will not start without its secrets.
import { afterEach, describe, expect, it, vi } from "vitest";
import { config, ConfigError, parseConfig, operatorTimeZone } from "@/lib/config";
import { assertStartable, MissingConfigError, missingForProduction } from "@/lib/config/production";
import { startProcess } from "@/lib/telemetry/start";

afterEach(() => {
  vi.unstubAllEnvs();
});

function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a throw");
}

describe("parsing", () => {
  it("gives every setting its type and default", () => {
    const c = parseConfig({});
    expect(c.HOLD_MINUTES).toBe(10);
    expect(c.BOOKING_LOCAL_QUEUE).toBe(true);
    expect(c.SCHEDULED_JOBS).toBe(true);
    expect(c.MAX_BODY_BYTES).toBe(65_536);
    expect(c.OPERATOR_TIME_ZONE).toBe("Europe/Warsaw");
    expect(c.MAIL_FROM).toBe("RailBook <no-reply@railbook.test>");
    expect(c.OTEL_EXPORTER_OTLP_ENDPOINT).toBeUndefined();
    const set = parseConfig({ HOLD_MINUTES: "15", BOOKING_LOCAL_QUEUE: "off", BOOKING_PICTURE_MS: "0", METRICS_TOKEN: "" });
    expect(set.HOLD_MINUTES).toBe(15);
    expect(set.BOOKING_LOCAL_QUEUE).toBe(false);
    expect(set.BOOKING_PICTURE_MS).toBe(0);
    expect(set.METRICS_TOKEN).toBeUndefined(); // blank is unset
  });

  it("names every variable set to a bad value in one error", () => {
    const error = errorOf(() => parseConfig({ HOLD_MINUTES: "ten", DATABASE_POOL_MAX: "2.5", LIVE_EVENTS: "maybe", APP_URL: "railbook.example.com" }));
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.map((p) => p.name).sort()).toEqual(["APP_URL", "DATABASE_POOL_MAX", "HOLD_MINUTES", "LIVE_EVENTS"]);
    expect(error.message).toMatch(/HOLD_MINUTES must be a number above 0, not "ten"/);
  });

  it("reads the environment once, and again only when a variable it reads changed", () => {
    vi.stubEnv("HOLD_MINUTES", "12");
    const first = config();
    expect(config()).toBe(first); // the same frozen object: not parsed again
    expect(first.HOLD_MINUTES).toBe(12);
    vi.stubEnv("HOLD_MINUTES", "13");
    expect(config().HOLD_MINUTES).toBe(13);
  });
});

describe("OPERATOR_TIME_ZONE", () => {
  it("takes any IANA zone and refuses a name that is not one", () => {
    expect(parseConfig({ OPERATOR_TIME_ZONE: "America/New_York" }).OPERATOR_TIME_ZONE).toBe("America/New_York");
    const error = errorOf(() => parseConfig({ OPERATOR_TIME_ZONE: "Europe/Warszawa" }));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toMatch(/OPERATOR_TIME_ZONE must be an IANA time zone/);
    expect(() => parseConfig({ OPERATOR_TIME_ZONE: "CEST+2" })).toThrow(/OPERATOR_TIME_ZONE/);
  });

  it("is the zone the app's 'today' is read in", () => {
    expect(operatorTimeZone()).toBe("Europe/Warsaw");
    vi.stubEnv("OPERATOR_TIME_ZONE", "Pacific/Auckland");
    expect(operatorTimeZone()).toBe("Pacific/Auckland");
  });
});

describe("a production start", () => {
  const secrets = { AUTH_SECRET: "a".repeat(40), CRON_SECRET: "c".repeat(40), TICKET_SIGNING_KEY: "t".repeat(43) };

  it("is refused without AUTH_SECRET, CRON_SECRET and TICKET_SIGNING_KEY, naming all three", () => {
    const error = errorOf(() => assertStartable(parseConfig({ NODE_ENV: "production" })));
    expect(error).toBeInstanceOf(MissingConfigError);
    expect((error as MissingConfigError).missing).toEqual(["AUTH_SECRET", "CRON_SECRET", "TICKET_SIGNING_KEY"]);
    expect(error.message).toMatch(/AUTH_SECRET, CRON_SECRET, TICKET_SIGNING_KEY are not set/);
    expect(missingForProduction(parseConfig({ NODE_ENV: "production", ...secrets, CRON_SECRET: "" }))).toEqual(["CRON_SECRET"]);
    expect(() => assertStartable(parseConfig({ NODE_ENV: "production", ...secrets }))).not.toThrow();
  });

  it("is not asked of a developer's machine, nor of `next build` (NODE_ENV=production while building)", () => {
    expect(missingForProduction(parseConfig({ NODE_ENV: "development" }))).toEqual([]);
    expect(missingForProduction(parseConfig({}))).toEqual([]);
    expect(missingForProduction(parseConfig({ NODE_ENV: "production", NEXT_PHASE: "phase-production-build" }))).toEqual([]);
  });

  it("fails the start-up every process runs (instrumentation.ts, worker, gRPC), before anything is served", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("AUTH_SECRET", "");
    vi.stubEnv("CRON_SECRET", "");
    vi.stubEnv("TICKET_SIGNING_KEY", "");
    expect(() => startProcess("web")).toThrow(/AUTH_SECRET, CRON_SECRET, TICKET_SIGNING_KEY are not set/);
    vi.stubEnv("OPERATOR_TIME_ZONE", "Mars/Olympus");
    expect(() => startProcess("web")).toThrow(/OPERATOR_TIME_ZONE/);
    vi.stubEnv("OPERATOR_TIME_ZONE", "");
    for (const [name, value] of Object.entries(secrets)) vi.stubEnv(name, value);
    expect(startProcess("web").tracing).toBeNull(); // no OTEL_EXPORTER_OTLP_ENDPOINT: no tracing
  });
});

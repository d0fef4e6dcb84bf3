// What a production server refuses to start without (docs/decisions/034-config.md). Called from
// instrumentation.ts (every Next.js server), scripts/worker.ts and scripts/grpc.ts, so a deployment
// missing a secret fails at once with one message naming every gap, not on the first request that
// needs it. `next build` runs with NODE_ENV=production but builds, it does not serve: no secrets then.
import { config, type Config } from "@/lib/config";

export const REQUIRED_IN_PRODUCTION = {
  AUTH_SECRET: "signs session tokens",
  CRON_SECRET: "the scheduler's secret for /api/cron",
  TICKET_SIGNING_KEY: "signs the e-tickets conductors check",
} as const;

export class MissingConfigError extends Error {
  constructor(readonly missing: string[]) {
    super(
      `RailBook cannot start in production: ${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} not set.\n` +
        missing.map((name) => `  - ${name}: ${REQUIRED_IN_PRODUCTION[name as keyof typeof REQUIRED_IN_PRODUCTION]}`).join("\n") +
        "\nSet them in the environment (README, Environment variables); `npm start` generates them into .data/.",
    );
    this.name = "MissingConfigError";
  }
}

export function isBuildPhase(c: Config = config()): boolean {
  return c.NEXT_PHASE === "phase-production-build";
}

/** The required settings `c` lacks, in a production server (none elsewhere, none while building). */
export function missingForProduction(c: Config = config()): string[] {
  if (c.NODE_ENV !== "production" || isBuildPhase(c)) return [];
  return Object.keys(REQUIRED_IN_PRODUCTION).filter((name) => !c[name as keyof typeof REQUIRED_IN_PRODUCTION]);
}

/** Parses the environment (throwing on any bad value) and refuses a production start that lacks a secret. */
export function assertStartable(c: Config = config()): Config {
  const missing = missingForProduction(c);
  if (missing.length > 0) throw new MissingConfigError(missing);
  return c;
}

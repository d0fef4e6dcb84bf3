// The app under test: the production build served by `next start` on its own port, with
// DATABASE_URL pointing at HAProxy. It runs in its own process group (ENVIRONMENT.md: wrappers
// are left behind otherwise), and its log is kept to count the retries it made and to spot crashes.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, openSync, closeSync, readFileSync } from "node:fs";
import path from "node:path";
import { isRunning } from "../lib/processes";
import { httpJson, waitOrThrow } from "../lib/wait";

export interface App {
  baseUrl: string;
  pid: number;
  logFile: string;
  alive: () => boolean;
  stop: () => Promise<void>;
}

const NEXT = path.resolve("node_modules/.bin/next");

/** `npm test` builds first in CI; a developer running this alone may not have a build yet. */
export function ensureBuild(log: (line: string) => void): void {
  if (existsSync(path.resolve(".next/BUILD_ID"))) return;
  log("no production build in .next: running next build");
  const result = spawnSync(NEXT, ["build"], { stdio: "inherit", timeout: 600_000 });
  if (result.status !== 0) throw new Error("next build failed");
}

export async function startApp(options: { databaseUrl: string; port: number; logFile: string }): Promise<App> {
  const out = openSync(options.logFile, "w");
  const child: ChildProcess = spawn(NEXT, ["start", "-p", String(options.port), "-H", "127.0.0.1"], {
    detached: true,
    stdio: ["ignore", out, out],
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: options.databaseUrl,
      DATABASE_POOL_MAX: "10",
      AUTH_SECRET: process.env.AUTH_SECRET ?? "failover-test-secret-not-for-production-000000",
      // What a production server must be given (docs/security.md).
      PAYMENT_FINGERPRINT_SECRET: process.env.PAYMENT_FINGERPRINT_SECRET ?? "failover-fingerprint-not-for-production-0000",
      APP_URL: process.env.APP_URL ?? `http://127.0.0.1:${options.port}`,
      CRON_SECRET: process.env.CRON_SECRET ?? "failover-cron-not-for-production-000000",
      // A 32-byte Ed25519 seed (base64url), as `npm start` generates: required in production (lib/config/production.ts).
      TICKET_SIGNING_KEY: process.env.TICKET_SIGNING_KEY ?? "ZmFpbG92ZXItdGlja2V0LWtleS1ub3QtZm9yLXByb2Q",
      // Every test client registers from this one loopback address (lib/limits/limiter.ts).
      REGISTRATION_LIMIT: process.env.REGISTRATION_LIMIT ?? "10000",
      HOLD_ADDRESS_LIMIT: process.env.HOLD_ADDRESS_LIMIT ?? "1000000000",
      // Its clients are few accounts making many holds under failover: what it tests is durability.
      HOLD_LIMIT_SEATS: process.env.HOLD_LIMIT_SEATS ?? "1000000",
      HOLD_LIMIT_TOTAL: process.env.HOLD_LIMIT_TOTAL ?? "1000000",
      PORT: String(options.port),
    },
  });
  closeSync(out);
  const pid = child.pid;
  if (pid === undefined) throw new Error("could not start next");
  child.unref();
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const app: App = {
    baseUrl,
    pid,
    logFile: options.logFile,
    alive: () => isRunning(pid),
    stop: async () => {
      try {
        process.kill(-pid, "SIGTERM");
      } catch {
        return; // already gone
      }
      for (let i = 0; i < 50 && isRunning(pid); i++) await new Promise((resolve) => setTimeout(resolve, 100));
      try {
        process.kill(-pid, "SIGKILL");
      } catch {
        // gone
      }
    },
  };
  try {
    await waitOrThrow("the app to answer /api/health", async () => (await httpJson(`${baseUrl}/api/health`, 2_000))?.status === 200, 60_000, 500);
  } catch (error) {
    await app.stop();
    throw error;
  }
  return app;
}

/** What the app logged about the database and about crashes, counted from its log. */
export interface AppLogCounts {
  connectionRetries: number;
  budgetSpent: number;
  unavailable: number;
  /** Errors on a connection nobody else listened to: caught by lib/db/pool.ts instead of crashing. */
  unattended: number;
  crashes: string[];
}

export function appLogCounts(logFile: string): AppLogCounts {
  const lines = readFileSync(logFile, "utf8").split("\n");
  const count = (text: string) => lines.filter((l) => l.includes(text)).length;
  return {
    connectionRetries: count('"message":"database connection lost; retrying"'),
    budgetSpent: count('"message":"database connection lost; retry budget spent"'),
    unavailable: count('"message":"database unavailable"'),
    unattended: count('"message":"database connection lost (unattended connection)"'),
    crashes: lines.filter((l) => /uncaughtException|unhandledRejection|FATAL ERROR/.test(l)),
  };
}

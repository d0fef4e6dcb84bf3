// The app under test: the production build (`next build` only when .next is missing or older than
// the sources, so CI reuses the build made for Playwright), served by `next start` on its own port
// in its own process group, so stopping it stops every process Next started (ENVIRONMENT.md: npx
// wrappers and workers otherwise linger). Its stderr is kept: the contention lines the booking
// path logs under BOOKING_CONTENTION_LOG=1 are how the bench reads the app's retry counters.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const NEXT = path.resolve("node_modules/.bin/next");
const SOURCES = ["app", "lib", "components", "public", "next.config.mjs", "package-lock.json", "tsconfig.json", "postcss.config.mjs"];

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, name)));
  return newest;
}

/** "stale" when any source is newer than the last build; BENCH_BUILD=always|never overrides. */
export function buildState(): "fresh" | "missing" | "stale" {
  if (!existsSync(".next/BUILD_ID")) return "missing";
  const built = statSync(".next/BUILD_ID").mtimeMs;
  return SOURCES.some((s) => newestMtime(s) > built) ? "stale" : "fresh";
}

export function ensureBuild(log: (line: string) => void): string {
  const mode = process.env.BENCH_BUILD ?? "auto";
  const state = buildState();
  if (mode === "never" || (mode === "auto" && state === "fresh")) {
    log(`build: reusing .next (${state})`);
    return `reused (${state})`;
  }
  log(`build: next build (${mode === "always" ? "BENCH_BUILD=always" : state})`);
  const started = Date.now();
  const result = spawnSync(NEXT, ["build"], { stdio: "inherit" });
  if (result.status !== 0) throw new Error(`next build failed with status ${result.status}`);
  return `built in ${((Date.now() - started) / 1000).toFixed(0)} s (${state})`;
}

export interface Server {
  baseUrl: string;
  /** The server's process group (= the pid of `next start`), for CPU accounting (bench/lib/cpu.ts). */
  pgid: number;
  /** Every stderr line so far (JSON log lines from lib/logger.ts, and Next's own). */
  lines: string[];
  stop(): Promise<void>;
}

export async function startServer(port: number, env: Record<string, string>): Promise<Server> {
  const child: ChildProcess = spawn(NEXT, ["start", "-p", String(port), "-H", "127.0.0.1"], {
    env: {
      // What a production server must be given (docs/security.md), unless the caller says otherwise.
      PAYMENT_FINGERPRINT_SECRET: "bench-fingerprint-not-for-production-0000",
      APP_URL: `http://127.0.0.1:${port}`,
      CRON_SECRET: "bench-cron-not-for-production-000000",
      // A 32-byte Ed25519 seed (base64url): required in production (lib/config/production.ts).
      TICKET_SIGNING_KEY: "YmVuY2gtdGlja2V0LWtleS1ub3QtZm9yLXByb2R1Y3Q",
      // Every simulated passenger books from this one loopback address (lib/limits/limiter.ts), and
      // a few hundred simulated accounts make thousands of unpaid holds in minutes: the limits are
      // raised, not turned off, so every hold still pays for their checks (decision 028).
      HOLD_ADDRESS_LIMIT: "1000000000",
      HOLD_LIMIT_SEATS: "1000000",
      HOLD_LIMIT_TOTAL: "1000000",
      ...process.env,
      ...env,
      PORT: String(port),
      NODE_ENV: "production",
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // its own process group, killed as a whole
  });
  const lines: string[] = [];
  let partial = "";
  child.stderr!.on("data", (chunk: Buffer) => {
    const text = partial + chunk.toString("utf8");
    const parts = text.split("\n");
    partial = parts.pop() ?? "";
    // Bounded: a run that logs without end must not take the machine's memory with it.
    if (lines.length < 1_000_000) lines.push(...parts);
  });
  child.stdout!.resume();
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once("exit", () => ((exited = true), resolve())));

  const stop = async () => {
    if (exited || child.pid === undefined) return;
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      return; // already gone
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // gone between the check and the kill
      }
    }, 5_000);
    await exit;
    clearTimeout(timer);
  };

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`next start exited before it was ready:\n${lines.slice(-20).join("\n")}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return { baseUrl, pgid: child.pid!, lines, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`next start did not answer /api/health within 60 s on port ${port}`);
}

// `npm test`: everything a reviewer would run, in order, stopping at the first failure:
// typecheck, lint, Vitest on real PostgreSQL, production build, Playwright in real Chromium.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

function run(label: string, command: string, args: string[], env: Record<string, string> = {}): void {
  console.log(`\n=== ${label}: ${command} ${args.join(" ")}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, FORCE_COLOR: process.env.CI ? "0" : "1", ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n✗ ${label} failed after ${seconds}s`);
    process.exit(result.status ?? 1);
  }
  console.log(`✓ ${label} (${seconds}s)`);
}

function ensureChromium(): void {
  if (existsSync(chromium)) return;
  if (process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
    run("install chromium", "bash", ["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium"]);
    return;
  }
  console.error(`Chromium not found at ${chromium}. Install it (Debian: sudo apt-get install chromium) or set CHROMIUM_PATH.`);
  process.exit(1);
}

const bin = (name: string) => `node_modules/.bin/${name}`;
const only = process.argv[2]; // "static", "unit", "e2e" or "bench" to run one part

if (!only || only === "static") {
  run("typecheck", bin("tsc"), ["--noEmit"]);
  run("lint", bin("eslint"), ["--max-warnings=0", "."]);
}
if (!only || only === "unit") run("unit and integration (Vitest)", bin("vitest"), ["run"]);
if (!only || only === "e2e") {
  ensureChromium();
  run("production build", bin("next"), ["build"]);
  run("end to end (Playwright)", bin("playwright"), ["test"]);
}
// Seconds long, so the benchmark cannot rot; it fails only on its correctness checks (no oversell,
// no seat sold twice, no 5xx...) or a crash, never on timings. It reuses the build made above.
if (!only || only === "e2e") run("benchmark smoke (bench/run.ts --smoke)", bin("tsx"), ["bench/run.ts", "--smoke"], { BENCH_BUILD: "never" });
if (only === "bench") run("benchmark smoke (bench/run.ts --smoke)", bin("tsx"), ["bench/run.ts", "--smoke"]);
console.log("\nAll checks passed.");

// `npm run dev` / `npm start`: runs RailBook. With no DATABASE_URL it starts the embedded database
// (.data/pglite); either way it migrates and seeds (idempotently), then runs Next.js.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrator";
import { createDb } from "@/lib/db";
import { seed } from "@/lib/seed/seed";
import { DevSmtpServer } from "@/lib/notifications/dev-smtp";
import { productionGaps } from "@/lib/config/runtime";
import { parseConfig } from "@/lib/config";
import { assertStartable } from "@/lib/config/production";

const mode = process.argv[2] === "start" ? "start" : "dev";
const port = process.env.PORT ?? "3000";
const dataDir = path.resolve(process.env.RAILBOOK_DATA_DIR ?? ".data");
const nextBin = path.resolve("node_modules/.bin/next");
// Next.js behind our own http server, which tells the app each request's socket address (scripts/serve.mjs).
const serveScript = path.resolve("scripts/serve.mjs");

/** A secret from the environment, else one generated once into .data (a single machine's own). */
async function secret(name: string, fileName: string): Promise<string> {
  if (process.env[name]) return process.env[name]!;
  const file = path.join(dataDir, fileName);
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const secret = randomBytes(32).toString("base64url");
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

async function main() {
  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = process.env.DATABASE_URL;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    AUTH_SECRET: await secret("AUTH_SECRET", "auth-secret"),
    // Its own key, never AUTH_SECRET (lib/payments/card.ts).
    PAYMENT_FINGERPRINT_SECRET: await secret("PAYMENT_FINGERPRINT_SECRET", "payment-fingerprint-secret"),
    // A random 32 bytes is an Ed25519 seed: the key e-tickets are signed with (lib/tickets/signing-key.ts).
    TICKET_SIGNING_KEY: await secret("TICKET_SIGNING_KEY", "ticket-signing-key"),
    PORT: port,
  };
  // The scheduler's secret is required in production (lib/config/production.ts); under `npm run dev`
  // none is made, so a signed-in admin may still run a job by hand with POST (lib/auth/scheduler.ts).
  if (mode === "start") env.CRON_SECRET = await secret("CRON_SECRET", "cron-secret");
  // The worker and Next.js agree on which guards apply (lib/config/runtime.ts).
  Object.assign(env, { NODE_ENV: mode === "start" ? "production" : "development" });
  // Every child process would refuse a bad or missing setting; say so once, before anything starts.
  const settings = assertStartable(parseConfig(env));

  if (!databaseUrl) {
    const dbPort = Number(process.env.EMBEDDED_DB_PORT ?? 5499);
    embedded = await startEmbeddedDatabase({ dataDir: path.join(dataDir, "pglite"), port: dbPort });
    databaseUrl = embedded.url;
    env.DATABASE_URL = databaseUrl;
    env.DATABASE_POOL_MAX = "1";
    // One session for every process: the rate limiter then avoids named statements (lib/limits/limiter.ts).
    env.RAILBOOK_EMBEDDED_DB = "1";
    // PGlite hands a NOTIFY only to the connection that sent it: no live events, screens poll.
    env.LIVE_EVENTS ??= "off";
    console.log(`Embedded PostgreSQL (PGlite) on ${databaseUrl} with data in ${path.join(dataDir, "pglite")}`);
  }

  const result = await migrate(databaseUrl, undefined, (line) => console.log(line));
  console.log(`Migrations: ${result.applied.length} applied, ${result.alreadyApplied.length} up to date`);
  if (process.env.SKIP_SEED !== "1") {
    const client = createDb(databaseUrl, 1);
    const started = Date.now();
    await seed(client);
    await client.$disconnect();
    console.log(`Seeded demo data in ${Date.now() - started} ms`);
  }

  if (mode === "start" && !existsSync(".next/BUILD_ID")) {
    console.log("No production build found: running next build");
    const build = spawnSync(nextBin, ["build"], { stdio: "inherit", env });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }

  // Email (docs/decisions/014): with no SMTP_URL, a local SMTP server keeps what it receives in
  // .data/mail; the notification worker runs beside Next.js as a child process.
  // Only under `npm run dev`, or with DEV_MAIL=on: a production server must not keep mail on disk
  // for /dev/mail unless its operator asked for that.
  let devSmtp: DevSmtpServer | undefined;
  if (!env.SMTP_URL && (mode === "dev" || env.DEV_MAIL === "on")) {
    devSmtp = await new DevSmtpServer({ port: Number(process.env.DEV_SMTP_PORT ?? 2525), dir: path.join(dataDir, "mail") }).start();
    env.SMTP_URL = devSmtp.url;
    env.DEV_MAIL_DIR = path.join(dataDir, "mail"); // shown to operators at /dev/mail
    console.log(`Dev SMTP server on ${devSmtp.url}: emails are saved in ${path.join(dataDir, "mail")}`);
  }
  if (!env.SMTP_URL) console.warn("No SMTP_URL: notification emails are not sent (DEV_MAIL=on keeps them in a local mailbox).");
  if (mode === "start") for (const gap of productionGaps(settings)) console.warn(`Not configured for production: ${gap}`);
  const worker = spawn(path.resolve("node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/worker.ts"], { stdio: "inherit", env });
  // The gRPC API beside the app, on GRPC_HOST:GRPC_PORT (scripts/grpc.ts); the web app carries on if it cannot start.
  const grpc = spawn(path.resolve("node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/grpc.ts"], { stdio: "inherit", env });
  grpc.on("exit", (code) => {
    if (code) console.warn(`The gRPC server stopped (exit ${code}); the web app runs on. Is GRPC_PORT (${env.GRPC_PORT ?? 50051}) in use?`);
  });

  const child = spawn(process.execPath, [serveScript, mode, "-p", port, "-H", process.env.HOST ?? "127.0.0.1"], { stdio: "inherit", env });
  const stop = (signal: NodeJS.Signals) => {
    child.kill(signal);
    worker.kill(signal);
    grpc.kill(signal);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  child.on("exit", async (code, signal) => {
    worker.kill("SIGTERM");
    grpc.kill("SIGTERM");
    await devSmtp?.stop().catch(() => {});
    await embedded?.stop().catch(() => {});
    process.exit(code ?? (signal ? 1 : 0));
  });
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

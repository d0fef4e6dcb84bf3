// The server Playwright tests run against: a fresh PostgreSQL database (migrated, seeded with a
// short window of services), then `next start` on the production build (`next dev` with E2E_DEV=1).
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import path from "node:path";
import { createFreshDatabase, dropDatabase, dropStaleDatabases } from "@/scripts/lib/databases";
import { createDb } from "@/lib/db";
import { seed } from "@/lib/seed/seed";

const port = process.env.E2E_PORT ?? "3100";

async function main() {
  await dropStaleDatabases("railbook_e2e");
  const { name, url } = await createFreshDatabase("railbook_e2e");
  const client = createDb(url, 2);
  await seed(client, { days: 21 });
  await client.$disconnect();

  const env = {
    ...process.env,
    DATABASE_URL: url,
    AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-secret-not-for-production-0000000000000",
    PORT: port,
    APP_URL: process.env.APP_URL ?? `http://127.0.0.1:${port}`,
    PAYMENT_FINGERPRINT_SECRET: process.env.PAYMENT_FINGERPRINT_SECRET ?? "e2e-fingerprint-not-for-production-0000",
    // An Ed25519 seed of its own (32 bytes, base64url), like the one `npm start` generates.
    TICKET_SIGNING_KEY: process.env.TICKET_SIGNING_KEY ?? createHash("sha256").update("e2e-ticket-key-not-for-production").digest("base64url"),
    // Required in production (lib/config/production.ts): `next start` refuses to start without it.
    CRON_SECRET: process.env.CRON_SECRET ?? "e2e-cron-not-for-production-0000000000",
    // The Playwright runner plays a trusted proxy: a spec that fails sign-ins on purpose poses as a
    // fresh client through X-Forwarded-For, and every spec registers accounts from one machine.
    TRUSTED_PROXIES: process.env.TRUSTED_PROXIES ?? "127.0.0.1",
    REGISTRATION_LIMIT: process.env.REGISTRATION_LIMIT ?? "100000",
    HOLD_ADDRESS_LIMIT: process.env.HOLD_ADDRESS_LIMIT ?? "100000",
    LIVE_STREAMS_PER_ADDRESS: process.env.LIVE_STREAMS_PER_ADDRESS ?? "1000",
  };
  const mode = process.env.E2E_DEV === "1" ? "dev" : "start";
  const child = spawn(process.execPath, [path.resolve("scripts/serve.mjs"), mode, "-p", port, "-H", "127.0.0.1"], { stdio: "inherit", env });

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    child.kill("SIGTERM");
    await dropDatabase(name).catch(() => {});
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  child.on("exit", (code) => {
    if (!stopping) void dropDatabase(name).finally(() => process.exit(code ?? 1));
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

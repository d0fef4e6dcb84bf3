// npm run db:seed: the demo network, prices, demo accounts and 30 days of services (idempotent).
// Optional: SEED_DAYS=90 for a longer window.
import { createDb } from "@/lib/db";
import { seed } from "@/lib/seed/seed";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set. Example: DATABASE_URL=postgresql://postgres@127.0.0.1:5432/railbook npm run db:seed");
  process.exit(1);
}
const days = process.env.SEED_DAYS ? Number(process.env.SEED_DAYS) : undefined;

// One connection is all the seed uses (it never runs queries in parallel), and the embedded
// database accepts no more.
const client = createDb(url, 1);
const started = performance.now();
try {
  await seed(client, { days, log: (line) => console.log(line) });
  console.log(`seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await client.$disconnect();
}

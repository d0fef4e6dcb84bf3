// npm run db:migrate: applies pending migrations to DATABASE_URL (Prisma-compatible bookkeeping).
import { migrate } from "@/lib/db/migrator";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set. Example: DATABASE_URL=postgresql://postgres@127.0.0.1:5432/railbook npm run db:migrate");
  process.exit(1);
}
const result = await migrate(url, undefined, (line) => console.log(line));
console.log(`${result.applied.length} applied, ${result.alreadyApplied.length} already applied`);

// A database of the test file's own, for facts that are global to a database: "the last admin"
// counts every admin there is, and other test files create admins while this one runs. The file
// switches lib/db's process-wide client to a fresh clone of the migrated template and drops it
// afterwards. Vitest runs each test file in its own process (pool "forks"), so no other file sees it.
import { afterAll, beforeAll } from "vitest";
import { db, type Db } from "@/lib/db";
import { createFreshDatabase, dropDatabase } from "@/scripts/lib/databases";

const cache = globalThis as unknown as { __railbookDb?: Db };

export function withOwnDatabase(): void {
  let name = "";
  let sharedUrl = "";
  beforeAll(async () => {
    // The same prefix as the run's database, so a crashed run's leftover is swept up the same way.
    const fresh = await createFreshDatabase("railbook_test");
    name = fresh.name;
    sharedUrl = process.env.DATABASE_URL ?? "";
    await cache.__railbookDb?.$disconnect();
    cache.__railbookDb = undefined;
    process.env.DATABASE_URL = fresh.url;
  });
  afterAll(async () => {
    await db().$disconnect();
    cache.__railbookDb = undefined;
    process.env.DATABASE_URL = sharedUrl;
    await dropDatabase(name);
  });
}

// Creating and dropping throw-away databases for tests, e2e runs and benchmarks. A fresh database
// is cloned from a migrated template (fast and isolated); the template is keyed by a checksum of
// the migrations, so changing a migration builds a new one.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { migrate } from "@/lib/db/migrator";

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

/** The server that throw-away databases are created on. Defaults to this machine's PostgreSQL. */
export function adminUrl(): string {
  return process.env.TEST_DATABASE_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
}

/** Refuses to run destructive setup anywhere but this machine. */
export function assertLocal(url: string): void {
  const host = new URL(url).hostname;
  if (!LOCAL_HOSTS.has(host)) {
    throw new Error(`Refusing to create or drop databases on non-local host "${host}". Point TEST_DATABASE_ADMIN_URL at a local server.`);
  }
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

function migrationsChecksum(dir = path.resolve("prisma/migrations")): string {
  const h = createHash("sha256");
  for (const name of readdirSync(dir).sort()) {
    const file = path.join(dir, name, "migration.sql");
    try {
      h.update(name).update(readFileSync(file));
    } catch {
      // not a migration folder (migration_lock.toml)
    }
  }
  return h.digest("hex").slice(0, 12);
}

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const url = adminUrl();
  assertLocal(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function ensureTemplate(): Promise<string> {
  const name = `railbook_template_${migrationsChecksum()}`;
  const exists = await withAdmin(async (c) => (await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount);
  if (exists) return name;
  const building = `${name}_build_${process.pid}`;
  await withAdmin((c) => c.query(`CREATE DATABASE "${building}"`));
  await migrate(withDatabase(adminUrl(), building));
  await withAdmin(async (c) => {
    try {
      await c.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
    } catch {
      // another process built it first; ours is redundant
      await c.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
    }
  });
  return name;
}

/** Creates a fresh, migrated database named `<prefix>_<unique>` and returns its URL. */
export async function createFreshDatabase(prefix: string): Promise<{ name: string; url: string }> {
  const template = await ensureTemplate();
  const name = `${prefix}_${Date.now().toString(36)}_${process.pid}`;
  await withAdmin((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  return { name, url: withDatabase(adminUrl(), name) };
}

export async function dropDatabase(name: string): Promise<void> {
  await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** Drops databases with this prefix left behind by runs that were killed (older than an hour). */
export async function dropStaleDatabases(prefix: string): Promise<void> {
  const { rows } = await withAdmin((c) =>
    c.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${prefix}\\_%`]),
  );
  const hourAgo = Date.now() - 3_600_000;
  for (const { datname } of rows) {
    const stamp = parseInt(datname.slice(prefix.length + 1).split("_")[0] ?? "", 36);
    if (Number.isFinite(stamp) && stamp < hourAgo) await dropDatabase(datname);
  }
}

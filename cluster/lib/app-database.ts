// Databases for the app on the cluster, created and migrated through HAProxy, i.e. on whichever
// member is primary; replication carries them to the others.
import pg from "pg";
import { migrate } from "@/lib/db/migrator";
import { haproxyUrl } from "./layout";

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: haproxyUrl("postgres"), connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates `name` if missing and applies pending migrations; returns its URL through HAProxy. */
export async function ensureAppDatabase(name: string, log: (line: string) => void = () => {}): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
  await withAdmin(async (client) => {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) {
      await client.query(`CREATE DATABASE "${name}"`);
      log(`created database ${name}`);
    }
  });
  const url = haproxyUrl(name);
  const result = await migrate(url, undefined, log);
  log(`${name}: ${result.applied.length} migrations applied, ${result.alreadyApplied.length} already applied`);
  return url;
}

export async function dropAppDatabase(name: string): Promise<void> {
  await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

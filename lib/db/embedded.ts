// The embedded default database: PGlite (PostgreSQL compiled to WASM) persisted in a local folder
// and served over the PostgreSQL wire protocol, so the app, psql, the migrator and the seed all use
// the same `pg` + adapter-pg path as with a real server (docs/decisions/005-embedded-database.md).
import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export interface EmbeddedDatabase {
  url: string;
  stop: () => Promise<void>;
}

export async function startEmbeddedDatabase(options: { dataDir: string; port: number; host?: string }): Promise<EmbeddedDatabase> {
  const host = options.host ?? "127.0.0.1";
  await mkdir(options.dataDir, { recursive: true });
  const pglite = await PGlite.create(options.dataDir);
  // PGlite executes one query at a time; each client process keeps a pool of one connection.
  const server = new PGLiteSocketServer({ db: pglite, host, port: options.port, maxConnections: 16 });
  try {
    await server.start();
  } catch (error) {
    await pglite.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") {
      throw new Error(`Port ${options.port} is in use: is RailBook already running? Set EMBEDDED_DB_PORT to use another port.`);
    }
    throw error;
  }
  return {
    url: `postgresql://postgres@${host}:${options.port}/postgres?sslmode=disable`,
    stop: async () => {
      await server.stop();
      await pglite.close();
    },
  };
}

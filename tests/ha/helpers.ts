// Real connection failures for the HA tests, on this machine only: ending a backend of our own
// test database with pg_terminate_backend (a real 57P01), a port nobody listens on (a real
// ECONNREFUSED), and a server that hangs up on every connection (what HAProxy does while no
// member is primary).
import net from "node:net";
import pg from "pg";
import { inject } from "vitest";

/** A plain node-postgres client on this run's test database, outside the app's pool. */
export async function sideConnection(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: inject("databaseUrl") });
  await client.connect();
  return client;
}

/** Ends one backend of our own test database, as an admin shutdown or failover would (57P01). */
export async function terminateBackend(side: pg.Client, pid: number): Promise<void> {
  const { rows } = await side.query<{ ok: boolean }>(
    "SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE pid = $1 AND datname = current_database()",
    [pid],
  );
  if (!rows[0]?.ok) throw new Error(`could not terminate backend ${pid}`);
}

async function listen(server: net.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as net.AddressInfo).port;
}

/** A loopback URL on a port that was just free: connecting is refused. */
export async function refusedUrl(): Promise<string> {
  const server = net.createServer();
  const port = await listen(server);
  await new Promise((resolve) => server.close(resolve));
  return `postgresql://postgres@127.0.0.1:${port}/nothing`;
}

/** A server that accepts and at once closes every connection, like HAProxy with no primary. */
export async function hangingUpServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.destroy();
  });
  const port = await listen(server);
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/nothing`,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** What a promise rejected with (fails the test if it resolved). */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the promise to reject");
}

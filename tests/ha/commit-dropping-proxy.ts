// A loopback TCP proxy in front of the test database that can lose the answer to a COMMIT: it
// forwards the COMMIT to the server (which commits) and then cuts the connection before the reply
// reaches the client. That is the "unknown outcome" a failover produces, made on demand.
import net from "node:net";

export interface CommitDroppingProxy {
  url: string;
  /** The next COMMIT is delivered, its answer is not. */
  dropNextCommitAnswer: () => void;
  dropped: () => number;
  close: () => Promise<void>;
}

export async function startCommitDroppingProxy(upstreamUrl: string): Promise<CommitDroppingProxy> {
  const upstream = new URL(upstreamUrl);
  let armed = false;
  let dropped = 0;
  const sockets = new Set<net.Socket>();

  const server = net.createServer((client) => {
    const server = net.connect({ host: upstream.hostname, port: Number(upstream.port || 5432) });
    for (const s of [client, server]) {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
      s.on("error", () => {});
    }
    let cut = false;
    client.on("data", (chunk) => {
      server.write(chunk);
      if (armed && chunk.includes("COMMIT")) {
        armed = false;
        cut = true;
        dropped++;
        // Long enough for the server to commit; the client never hears back.
        setTimeout(() => {
          client.destroy();
          server.destroy();
        }, 300);
      }
    });
    server.on("data", (chunk) => {
      if (!cut) client.write(chunk);
    });
    client.on("close", () => server.destroy());
    server.on("close", () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const proxied = new URL(upstreamUrl);
  proxied.hostname = "127.0.0.1";
  proxied.port = String((server.address() as net.AddressInfo).port);

  return {
    url: proxied.toString(),
    dropNextCommitAnswer: () => {
      armed = true;
    },
    dropped: () => dropped,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

// `next dev` / `next start` through Next's custom-server API, for one reason: Next.js gives route
// handlers no socket, and keeps a client's own X-Forwarded-For rather than the socket address.
// Here every request carries its socket address in x-railbook-peer-address (a client's own header
// of that name is overwritten), which lib/net/client-address.ts believes because
// RAILBOOK_PEER_STAMPED says this server runs. Plain JavaScript so Node runs it without a loader.
// A custom server also loses Next's own response compression (router-server applies it only in
// `next start`), so `compression` (the middleware Next itself bundles) gzips or brotli-compresses
// by Accept-Encoding here, everything but server-sent events, which must reach the browser event by
// event. Usage: node scripts/serve.mjs dev|start [-p port] [-H host]
import { createServer } from "node:http";
import compression from "compression";

const args = process.argv.slice(2);
const mode = args[0] === "start" ? "start" : "dev";
const option = (flag, fallback) => {
  const i = args.indexOf(flag);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const port = Number(option("-p", process.env.PORT ?? "3000"));
const hostname = option("-H", process.env.HOST ?? "127.0.0.1");

process.env.RAILBOOK_PEER_STAMPED = "1";
// Sign-in redirects from the public address, not from whatever Host a request names.
if (!process.env.AUTH_URL && process.env.APP_URL) process.env.AUTH_URL = process.env.APP_URL;
// Before Next.js loads: parts of it read NODE_ENV at import time.
process.env.NODE_ENV = mode === "start" ? "production" : "development";
const { default: next } = await import("next");

const compress = compression({
  filter: (req, res) => {
    // Next sets Content-Type as a one-element array, which the middleware's own check does not read.
    const type = [res.getHeader("Content-Type") ?? ""].flat()[0];
    if (typeof type !== "string" || type.startsWith("text/event-stream")) return false;
    res.setHeader("Content-Type", type);
    return compression.filter(req, res);
  },
});
const server = createServer((req, res) => {
  req.headers["x-railbook-peer-address"] = req.socket.remoteAddress ?? "";
  compress(req, res, () => void handle(req, res));
});
const app = next({ dev: mode === "dev", hostname, port, httpServer: server });
const handle = app.getRequestHandler();

await app.prepare();
server.listen(port, hostname, () => {
  console.log(`RailBook (${mode}) on http://${hostname}:${port}`);
});
// A stop signal finishes the requests in flight, then exits 0: the caller (scripts/start.ts, the
// e2e runner) asked for it, so it is not a failure. Without an explicit exit, Next's own timers
// would keep the process alive after the server closed.
const stop = () => server.close(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);

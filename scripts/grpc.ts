// `npm run grpc`: RailBook's gRPC API (proto/railbook/v1/booking.proto) on GRPC_HOST:GRPC_PORT
// (default 127.0.0.1:50051), over the same database and lib/ functions as the web app. Needs
// DATABASE_URL (npm start passes its own, embedded or not). Runs with --conditions=react-server,
// as the worker does, because lib/ modules import "server-only". SIGTERM/SIGINT finish the calls
// in flight, then exit.
import { startGrpcServer } from "@/lib/grpc/server";
import { PEER_STAMPED_ENV } from "@/lib/net/client-address";
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { config } from "@/lib/config";
import { startProcess } from "@/lib/telemetry/start";

async function main() {
  const { tracing } = startProcess("grpc");
  if (!config().DATABASE_URL) throw new Error("DATABASE_URL is not set (npm start sets it; or point it at your PostgreSQL)");
  // This process reads each caller's socket address itself (lib/grpc/unary.ts stamps it), as
  // scripts/serve.mjs does for the web app, so per-address limits may believe it.
  process.env[PEER_STAMPED_ENV] = "1";
  // GRPC_HOST and GRPC_PORT belong to this entry point alone, so they are read here.
  const host = process.env.GRPC_HOST ?? "127.0.0.1";
  const server = await startGrpcServer({ host, port: Number(process.env.GRPC_PORT ?? 50051) });
  // Printed on stdout, plainly: tests and scripts that ask for port 0 read the port from here.
  console.log(`gRPC listening on ${host}:${server.port}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info("gRPC server stopping", { signal });
    await server.stop();
    await db().$disconnect();
    await tracing?.shutdown();
    // Exit now: this handler replaced the signal's default (exit), and anything left open by a
    // library (a timer, an idle socket) must not keep a stopped server's process alive.
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  // Could not start (port taken, no database): a non-zero exit tells npm start and systemd.
  process.exit(1);
});

// The gRPC server: BookingService (proto/railbook/v1/booking.proto, loaded at run time so the
// .proto stays the one contract), the standard health service, and server reflection so grpcurl
// and similar tools can call it without a copy of the .proto.
import "server-only";
import path from "node:path";
import { Server, ServerCredentials, loadPackageDefinition, type GrpcObject, type ServiceClientConstructor } from "@grpc/grpc-js";
import { loadSync, type Options } from "@grpc/proto-loader";
import { ReflectionService } from "@grpc/reflection";
import { HealthImplementation, protoPath as healthProtoPath } from "grpc-health-check";
import { bookingService } from "@/lib/grpc/booking-service";
import { config } from "@/lib/config";

export const PROTO_FILE = path.resolve(import.meta.dirname, "../../proto/railbook/v1/booking.proto");
export const SERVICE_NAME = "railbook.v1.BookingService";

/** How the messages look in JavaScript: the proto's own field names, int64 as numbers, defaults filled in. */
export const LOADER_OPTIONS: Options = { keepCase: true, longs: Number, enums: String, defaults: true, oneofs: true };

export function loadBookingProto() {
  const definition = loadSync(PROTO_FILE, LOADER_OPTIONS);
  const pkg = loadPackageDefinition(definition) as unknown as { railbook: { v1: GrpcObject & { BookingService: ServiceClientConstructor } } };
  return { definition, BookingService: pkg.railbook.v1.BookingService };
}

export interface GrpcServer {
  /** The port bound (useful with port 0). */
  port: number;
  stop(): Promise<void>;
}

/** Largest request accepted, as MAX_BODY_BYTES bounds a REST body (lib/http-edge/request-input.ts). */
function maxMessageBytes(): number {
  return config().MAX_BODY_BYTES;
}

export async function startGrpcServer(options: { host: string; port: number }): Promise<GrpcServer> {
  const { BookingService } = loadBookingProto();
  const server = new Server({ "grpc.max_receive_message_length": maxMessageBytes() });
  server.addService(BookingService.service, bookingService);
  const health = new HealthImplementation({ "": "SERVING", [SERVICE_NAME]: "SERVING" });
  health.addToServer(server);
  // Reflection describes both contracts, so `grpcurl ... list` shows the health service too.
  new ReflectionService(loadSync([PROTO_FILE, healthProtoPath], LOADER_OPTIONS)).addToServer(server);

  const port = await new Promise<number>((resolve, reject) => {
    // No TLS here: like `next start`, it sits behind the operator's TLS-terminating proxy (docs/decisions/022).
    server.bindAsync(`${options.host}:${options.port}`, ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound)));
  });

  return {
    port,
    async stop() {
      health.setStatus("", "NOT_SERVING");
      health.setStatus(SERVICE_NAME, "NOT_SERVING");
      // Calls in flight finish; after a few seconds whatever is left is cut off.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          server.forceShutdown();
          resolve();
        }, 5_000);
        server.tryShutdown(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
  };
}

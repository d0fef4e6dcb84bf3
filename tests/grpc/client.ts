// A real gRPC client for the tests: @grpc/grpc-js over a real port, loading the same .proto the
// server serves, with each method as a promise that resolves to the answer or to the status.
import { credentials, Metadata, status, type Client, type ServiceError } from "@grpc/grpc-js";
import { loadBookingProto } from "@/lib/grpc/server";
import { ERROR_CODE_KEY, ERROR_DETAILS_KEY } from "@/lib/grpc/status";

export interface Failure {
  code: status;
  /** RailBook's error code, from the trailing metadata. */
  errorCode: string | undefined;
  message: string;
  details: unknown;
}

// `any` by default: a test reads the decoded message field by field, as proto-loader gives it.
export type Answer<T = any> = { ok: true; value: T } | { ok: false; error: Failure }; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface BookingClient {
  call<T = any>(method: string, request: object, token?: string): Promise<Answer<T>>; // eslint-disable-line @typescript-eslint/no-explicit-any
  close(): void;
}

export function bookingClient(address: string): BookingClient {
  const { BookingService } = loadBookingProto();
  const client = new BookingService(address, credentials.createInsecure()) as Client & Record<string, (...args: unknown[]) => void>;
  return {
    call(method, request, token) {
      const metadata = new Metadata();
      if (token !== undefined) metadata.set("authorization", `Bearer ${token}`);
      return new Promise((resolve) => {
        client[method]!(request, metadata, { deadline: Date.now() + 30_000 }, (error: ServiceError | null, value: unknown) => {
          if (!error) return resolve({ ok: true, value: value as never });
          const detailsText = error.metadata?.get(ERROR_DETAILS_KEY)[0];
          resolve({
            ok: false,
            error: {
              code: error.code,
              errorCode: error.metadata?.get(ERROR_CODE_KEY)[0] as string | undefined,
              message: error.details,
              details: typeof detailsText === "string" ? JSON.parse(detailsText) : undefined,
            },
          });
        });
      });
    },
    close: () => client.close(),
  };
}

export function unwrap<T>(answer: Answer<T>): T {
  if (!answer.ok) throw new Error(`gRPC call failed: ${status[answer.error.code]} ${answer.error.errorCode}: ${answer.error.message}`);
  return answer.value;
}

// RailBook's error codes as gRPC statuses: the one place that knows SEAT_UNAVAILABLE is
// FAILED_PRECONDITION, the gRPC twin of lib/errors.ts's HTTP statuses. The code itself travels in
// the trailing metadata (`railbook-error-code`), the person-readable sentence as the status
// details, and the REST error's `details` (field errors, retry hints) as JSON beside them.
import { Metadata, status, type ServiceError } from "@grpc/grpc-js";
import type { AppError, ErrorCode } from "@/lib/errors";

export const ERROR_CODE_KEY = "railbook-error-code";
export const ERROR_DETAILS_KEY = "railbook-error-details";

/** Every code needs an entry: adding one to lib/errors.ts without a gRPC status fails the typecheck. */
export const GRPC_STATUS = {
  VALIDATION_FAILED: status.INVALID_ARGUMENT,
  IDEMPOTENCY_KEY_REQUIRED: status.INVALID_ARGUMENT,
  UNAUTHENTICATED: status.UNAUTHENTICATED,
  INVALID_CREDENTIALS: status.UNAUTHENTICATED,
  PAYMENT_DECLINED: status.FAILED_PRECONDITION,
  FORBIDDEN: status.PERMISSION_DENIED,
  CROSS_SITE_REQUEST: status.PERMISSION_DENIED,
  NOT_FOUND: status.NOT_FOUND,
  METHOD_NOT_ALLOWED: status.UNIMPLEMENTED,
  EMAIL_TAKEN: status.ALREADY_EXISTS,
  // Someone else changed it first: the client reloads and retries (gRPC's meaning of ABORTED).
  CONFLICT: status.ABORTED,
  SEAT_UNAVAILABLE: status.FAILED_PRECONDITION,
  SOLD_OUT: status.FAILED_PRECONDITION,
  // A per-account quota (unpaid seats), gRPC's meaning of RESOURCE_EXHAUSTED.
  HOLD_LIMIT: status.RESOURCE_EXHAUSTED,
  HOLD_EXPIRED: status.FAILED_PRECONDITION,
  NOT_EXCHANGEABLE: status.FAILED_PRECONDITION,
  SERVICE_NOT_BOOKABLE: status.FAILED_PRECONDITION,
  PAYLOAD_TOO_LARGE: status.RESOURCE_EXHAUSTED,
  UNSUPPORTED_MEDIA_TYPE: status.INVALID_ARGUMENT,
  IDEMPOTENCY_KEY_REUSED: status.ALREADY_EXISTS,
  RATE_LIMITED: status.RESOURCE_EXHAUSTED,
  INTERNAL: status.INTERNAL,
  SERVICE_BUSY: status.UNAVAILABLE,
  NOT_CONFIGURED: status.FAILED_PRECONDITION,
} as const satisfies Record<ErrorCode, status>;

/** REST field names (dotted zod paths) as the proto's: `passengers.0.seatId` -> `passengers.0.seat_id`. */
const FIELD_NAMES: Record<string, string> = { class: "travel_class", "Idempotency-Key": "idempotency_key", joinWaitlist: "join_waitlist" };

export function protoFieldName(path: string): string {
  return path
    .split(".")
    .map((part) => FIELD_NAMES[part] ?? part.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`))
    .join(".");
}

function protoDetails(error: AppError): unknown {
  const details = error.details as { fieldErrors?: Record<string, string[]> } | undefined;
  if (!details?.fieldErrors) return details;
  const fieldErrors = Object.fromEntries(Object.entries(details.fieldErrors).map(([field, messages]) => [protoFieldName(field), messages]));
  return { ...details, fieldErrors };
}

/** Metadata values must be printable ASCII: everything else is escaped as JSON \u sequences. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

export function toServiceError(error: AppError): Partial<ServiceError> {
  const metadata = new Metadata();
  metadata.set(ERROR_CODE_KEY, error.code);
  const details = protoDetails(error);
  if (details !== undefined) metadata.set(ERROR_DETAILS_KEY, asciiJson(details));
  return { code: GRPC_STATUS[error.code], details: error.message, metadata };
}

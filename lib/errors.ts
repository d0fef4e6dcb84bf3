// The one error type. Every failure a person or API client can meet has a code from this list,
// mapped here (and only here) to an HTTP status and a sentence they can act on.

export const ERROR_CODES = {
  VALIDATION_FAILED: { status: 400, message: "Some fields are not valid. Check them and try again." },
  IDEMPOTENCY_KEY_REQUIRED: { status: 400, message: "This request needs an Idempotency-Key header." },
  UNAUTHENTICATED: { status: 401, message: "Sign in to continue." },
  INVALID_CREDENTIALS: { status: 401, message: "That email and password do not match an account." },
  PAYMENT_DECLINED: { status: 402, message: "The card was declined. Try another card." },
  FORBIDDEN: { status: 403, message: "You do not have access to this." },
  CROSS_SITE_REQUEST: { status: 403, message: "This request came from another site. Use RailBook's own pages or an API token." },
  NOT_FOUND: { status: 404, message: "We could not find that." },
  METHOD_NOT_ALLOWED: { status: 405, message: "This method is not supported here." },
  EMAIL_TAKEN: { status: 409, message: "An account with this email already exists. Sign in instead." },
  CONFLICT: { status: 409, message: "This was changed by someone else. Reload and try again." },
  SEAT_UNAVAILABLE: { status: 409, message: "A chosen seat was just taken. Pick another seat." },
  SOLD_OUT: { status: 409, message: "Not enough seats are left in this class for your journey." },
  HOLD_LIMIT: { status: 409, message: "You hold as many unpaid seats as one account may. Pay for or cancel a booking you hold first." },
  HOLD_EXPIRED: { status: 409, message: "Your seat hold has run out. Search again to book." },
  NOT_EXCHANGEABLE: { status: 409, message: "This booking can no longer be changed. You can still cancel it under the refund rules." },
  SERVICE_NOT_BOOKABLE: { status: 409, message: "This train can no longer be booked: it has left or was cancelled." },
  PAYLOAD_TOO_LARGE: { status: 413, message: "This request is too large. Send less at once." },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: "Send this request as JSON (Content-Type: application/json)." },
  IDEMPOTENCY_KEY_REUSED: { status: 422, message: "This Idempotency-Key was already used for a different request." },
  RATE_LIMITED: { status: 429, message: "Too many attempts. Wait a few minutes and try again." },
  INTERNAL: { status: 500, message: "Something went wrong on our side. Try again in a moment." },
  SERVICE_BUSY: { status: 503, message: "We are very busy right now. Try again in a moment." },
  NOT_CONFIGURED: { status: 503, message: "This server is not set up for that yet. Its operator has to configure it." },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message?: string, details?: unknown) {
    super(message ?? ERROR_CODES[code].message);
    this.name = "AppError";
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }

  toJSON() {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.details === undefined ? {} : { details: this.details }),
      },
    };
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** Field errors in the shape forms and API clients share: `{ fieldName: ["message", ...] }`. */
export type FieldErrors = Record<string, string[]>;

export function validationError(fieldErrors: FieldErrors, message?: string): AppError {
  return new AppError("VALIDATION_FAILED", message, { fieldErrors });
}

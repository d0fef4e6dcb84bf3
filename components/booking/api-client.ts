// Browser calls to the booking API (the session cookie authenticates them). Every failure becomes
// an ApiError carrying the server's code and its `message`, which is written for people, so forms
// can show it as it is; network failures get a sentence of their own.
import type { FieldErrors } from "@/lib/errors";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** Field errors keyed by dotted path ("passengers.0.name"), when the server sent any. */
  get fieldErrors(): FieldErrors {
    const fe = this.details.fieldErrors;
    return fe && typeof fe === "object" ? (fe as FieldErrors) : {};
  }

  /**
   * Whether the request may not have reached a decision (network failure, 5xx): then the same
   * submission is retried with the same Idempotency-Key, so it cannot happen twice.
   */
  get outcomeUnknown(): boolean {
    return this.status === 0 || this.status >= 500;
  }
}

interface RequestOptions {
  method?: "GET" | "POST";
  body?: unknown;
  idempotencyKey?: string;
  signal?: AbortSignal;
  /**
   * A GET the server answers with an ETag: the browser keeps the last answer and asks whether it
   * changed (If-None-Match), so an unchanged one costs a 304 and no body. Otherwise nothing is kept.
   */
  revalidate?: boolean;
}

export async function apiRequest<T>(path: string, { method = "GET", body, idempotencyKey, signal, revalidate = false }: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  // Every write is JSON, with a body or without: the API refuses other types from a browser
  // session (lib/http-edge/cross-site.ts).
  if (body !== undefined || method !== "GET") headers["Content-Type"] = "application/json";
  if (idempotencyKey) headers["Idempotency-Key"] = idempotencyKey;

  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal, cache: revalidate && method === "GET" ? "no-cache" : "no-store" });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, "NETWORK", "We could not reach RailBook. Check your connection and try again.");
  }

  const data: unknown = await response.json().catch(() => null);
  if (response.ok) return data as T;

  const error = (data as { error?: { code?: string; message?: string; details?: Record<string, unknown> } } | null)?.error;
  throw new ApiError(
    response.status,
    error?.code ?? "INTERNAL",
    error?.message ?? "Something went wrong on our side. Try again in a moment.",
    error?.details ?? {},
  );
}

/**
 * One Idempotency-Key per submission: the same key while the person retries the very same
 * submission after an unknown outcome, a fresh one as soon as the server has given an answer
 * (after a decline the next attempt is a new payment, not a replay of the declined one).
 */
export class AttemptKeys {
  private current: { key: string; body: string } | null = null;

  keyFor(body: unknown): string {
    const text = JSON.stringify(body);
    if (this.current?.body !== text) this.current = { key: crypto.randomUUID(), body: text };
    return this.current.key;
  }

  /** The server answered (success or a definite refusal): the next submission is a new attempt. */
  settle(): void {
    this.current = null;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

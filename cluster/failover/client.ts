// One API call as a careful client makes it: the same Idempotency-Key on every attempt, repeated
// on 5xx and network errors (after Retry-After, capped) until a definitive answer or a deadline.
// Every attempt is recorded, so the run can measure outages and count what was retried.

export interface Attempt {
  startedAt: number;
  endedAt: number;
  /** HTTP status, or 0 for a network error or timeout. */
  status: number;
  replayed: boolean;
  /** For a failed attempt: the error code and reason the app gave, or the network error. */
  error?: string;
}

export interface Call {
  client: number;
  kind: "book" | "pay";
  key: string;
  attempts: Attempt[];
  /** The definitive answer (2xx or 4xx); null when the deadline passed first. */
  final: { status: number; body: unknown } | null;
}

const ATTEMPT_TIMEOUT_MS = 30_000;
const MAX_PAUSE_MS = 1_000;

export interface CallOptions {
  client: number;
  kind: Call["kind"];
  url: string;
  token: string;
  key: string;
  body: unknown;
  /** Give up (final: null) if no definitive answer by then. */
  deadline: number;
  onAttempt?: (attempt: Attempt) => void;
}

export async function call(options: CallOptions): Promise<Call> {
  const record: Call = { client: options.client, kind: options.kind, key: options.key, attempts: [], final: null };
  while (Date.now() < options.deadline) {
    const startedAt = Date.now();
    let status = 0;
    let body: unknown = null;
    let replayed = false;
    let error: string | undefined;
    let retryAfterMs = 200;
    try {
      const response = await fetch(options.url, {
        method: "POST",
        headers: {
          authorization: `Bearer ${options.token}`,
          "content-type": "application/json",
          "idempotency-key": options.key,
        },
        body: JSON.stringify(options.body),
        signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
      });
      status = response.status;
      replayed = response.headers.get("idempotent-replayed") === "true";
      const retryAfter = Number(response.headers.get("retry-after"));
      if (Number.isFinite(retryAfter) && retryAfter > 0) retryAfterMs = retryAfter * 1000;
      const text = await response.text();
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        body = text;
      }
      if (status >= 500) {
        const e = (body as { error?: { code?: string; details?: { reason?: string } } } | null)?.error;
        error = e ? `${e.code}${e.details?.reason ? ` (${e.details.reason})` : ""}` : `HTTP ${status}`;
      }
    } catch (thrown) {
      status = 0; // refused, reset or timed out: the outcome is unknown, so ask again with the same key
      error = `network: ${thrown instanceof Error ? (thrown.cause instanceof Error ? thrown.cause.message : thrown.message) : String(thrown)}`;
    }
    const attempt: Attempt = { startedAt, endedAt: Date.now(), status, replayed, ...(error ? { error } : {}) };
    record.attempts.push(attempt);
    options.onAttempt?.(attempt);
    if (status >= 200 && status < 500) {
      record.final = { status, body };
      return record;
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(retryAfterMs, MAX_PAUSE_MS)));
  }
  return record;
}

/** A plain JSON request for setup steps (register, token), repeated a few times on 5xx. */
export async function postJson(url: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  for (let attempt = 1; ; attempt++) {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
    });
    const parsed = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (response.status < 500 || attempt >= 5) return { status: response.status, body: parsed };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

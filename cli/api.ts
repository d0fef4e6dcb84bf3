// The CLI's only way to the server: RailBook's public HTTP API (/api/v1, and the ticket PDF).
// Answers come back as they were sent (for --json); errors become Refused (exit 1) or, when no
// answer came at all, unreachable (exit 3).
import { CliError, Refused, unreachable } from "./errors";

const TIMEOUT_MS = 30_000;

export interface Answer<T = unknown> {
  status: number;
  body: T;
  /** The raw text, for --json: printed exactly as the server wrote it. */
  text: string;
}

export interface RequestOptions {
  body?: unknown;
  query?: Record<string, string | undefined>;
  idempotencyKey?: string;
  /** Bytes instead of JSON (the ticket PDF). */
  binary?: boolean;
  /** A path outside /api/v1 (the ticket PDF lives at /bookings/{pnr}/ticket.pdf). */
  outsideApi?: boolean;
}

/** Shown while a request is out (the interactive menu's spinner). */
export interface Progress {
  start(): void;
  stop(): void;
}

export class Api {
  constructor(
    readonly baseUrl: string,
    private token: string | null,
    private progress?: Progress,
  ) {}

  withToken(token: string | null): Api {
    return new Api(this.baseUrl, token, this.progress);
  }

  withProgress(progress: Progress): Api {
    return new Api(this.baseUrl, this.token, progress);
  }

  get hasToken(): boolean {
    return this.token !== null;
  }

  url(path: string, options: Pick<RequestOptions, "query" | "outsideApi"> = {}): string {
    const url = new URL(`${this.baseUrl}${options.outsideApi ? "" : "/api/v1"}${path}`);
    const query = options.query ?? {};
    for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, v);
    return url.toString();
  }

  async fetch(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
    const headers: Record<string, string> = { accept: options.binary ? "application/pdf" : "application/json" };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (options.body !== undefined) headers["content-type"] = "application/json";
    if (options.idempotencyKey) headers["idempotency-key"] = options.idempotencyKey;
    this.progress?.start();
    try {
      return await fetch(this.url(path, options), {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        // A redirect here means "sign in" (the ticket route sends browsers to the sign-in page).
        redirect: "manual",
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw unreachable(this.baseUrl, reasonOf(error));
    } finally {
      this.progress?.stop();
    }
  }

  /** A JSON request; anything but 2xx throws Refused with the server's code and message. */
  async request<T = unknown>(method: string, path: string, options: RequestOptions = {}): Promise<Answer<T>> {
    const response = await this.fetch(method, path, options);
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw unreachable(this.baseUrl, reasonOf(error));
    }
    if (!response.ok) throw refusal(response, text);
    return { status: response.status, text, body: (text ? JSON.parse(text) : null) as T };
  }

  async bytes(path: string): Promise<Uint8Array> {
    const response = await this.fetch("GET", path, { binary: true, outsideApi: true });
    if (!response.ok) throw refusal(response, await response.text().catch(() => ""));
    return new Uint8Array(await response.arrayBuffer());
  }
}

function refusal(response: Response, text: string): Refused {
  if (response.status >= 300 && response.status < 400) {
    return new Refused(401, "UNAUTHENTICATED", "Sign in to continue.", { error: { code: "UNAUTHENTICATED", message: "Sign in to continue." } });
  }
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: a proxy's page, say
  }
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: { fieldErrors?: Record<string, string[]> } } } | null)?.error;
  if (error && typeof error.code === "string") {
    return new Refused(response.status, error.code, String(error.message ?? ""), body, error.details?.fieldErrors ?? {});
  }
  return new Refused(response.status, `HTTP_${response.status}`, `The server answered ${response.status} ${response.statusText}.`, body);
}

function reasonOf(error: unknown): string {
  if (error instanceof Error && error.name === "TimeoutError") return `no answer within ${TIMEOUT_MS / 1000} s`;
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}

export function isCliError(error: unknown): error is CliError {
  return error instanceof CliError;
}

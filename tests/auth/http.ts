// Calling App Router route handlers directly, as functions, with a plain Request.
import { randomInt } from "node:crypto";
import { PEER_HEADER } from "@/lib/net/client-address";

/** Each call comes from its own address unless it says otherwise, as separate clients would. */
function someAddress(): string {
  return `192.0.2.${randomInt(1, 255)}`;
}
type Handler = (request: Request, context: { params: Promise<Record<string, never>> }) => Promise<Response>;

export interface CallResult<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

export async function call<T = Record<string, unknown>>(
  handler: Handler,
  options: { method?: string; path?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<CallResult<T>> {
  const { method = "POST", path = "/api/v1/test", body, rawBody, headers = {} } = options;
  const hasBody = body !== undefined || rawBody !== undefined;
  const request = new Request(`http://localhost${path}`, {
    method,
    headers: { [PEER_HEADER]: someAddress(), ...(hasBody || method !== "GET" ? { "content-type": "application/json" } : {}), ...headers },
    body: rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  const response = await handler(request, { params: Promise.resolve({}) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : null) as T };
}

export interface ErrorBody {
  error: { code: string; message: string; details?: { fieldErrors?: Record<string, string[]>; retryAfterSeconds?: number } };
}

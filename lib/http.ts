// One way in for every route handler under app/api/v1: authenticate, check the role, parse input
// with the shared zod schema, and map every error to `{ error: { code, message, details } }`.
import "server-only";
import type { z } from "zod";
import { AppError, validationError } from "@/lib/errors";
import { fieldErrorsFrom } from "@/lib/validation";
import { getRequestUser, type CurrentUser } from "@/lib/auth/current-user";
import { canCheckTickets, canUseDesk } from "@/lib/schemas/roles";
import { toAppError } from "@/lib/to-app-error";
import { assertStorable, readBodyText } from "@/lib/http-edge/request-input";
import { assertSameSiteWrite } from "@/lib/http-edge/cross-site";
import { retryOnConnectionLoss, withRetryDeadline } from "@/lib/db/connection-retry";
import { routePattern } from "@/lib/http-edge/api-routes";
import { observeRequest } from "@/lib/metrics/metrics";
import { requestIdFrom, withRequestContext } from "@/lib/request-context";
import { inSpan } from "@/lib/telemetry/spans";

/** "conductor": conductors and admins; "desk": desk staff and admins (lib/schemas/roles.ts). */
type Access = "public" | "user" | "conductor" | "desk" | "admin";

const SAFE_METHODS = new Set(["GET", "HEAD"]);

interface RouteSpec<B extends z.ZodType | undefined, Q extends z.ZodType | undefined> {
  access: Access;
  body?: B;
  query?: Q;
}

type Infer<S> = S extends z.ZodType ? z.infer<S> : undefined;
type UserFor<A extends Access> = A extends "public" ? CurrentUser | null : CurrentUser;

export interface RouteContext<B, Q, P, U> {
  request: Request;
  user: U;
  body: B;
  query: Q;
  params: P;
}

export function json(data: unknown, status = 200, headers?: HeadersInit): Response {
  return Response.json(data, { status, headers });
}

export function errorResponse(error: AppError): Response {
  const headers: Record<string, string> = {};
  const retryAfter = (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
  if (error.code === "RATE_LIMITED" && retryAfter) headers["Retry-After"] = String(retryAfter);
  // Busy or failing over: a well-behaved client waits a moment and repeats (with its Idempotency-Key).
  if (error.code === "SERVICE_BUSY") headers["Retry-After"] = String(retryAfter ?? 1);
  return json(error.toJSON(), error.status, headers);
}

/** Translates anything thrown into an AppError (shared with the other transports). */
export { toAppError };

export function route<
  A extends Access,
  B extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  P extends Record<string, string> = Record<string, never>,
>(
  spec: RouteSpec<B, Q> & { access: A },
  handler: (ctx: RouteContext<Infer<B>, Infer<Q>, P, UserFor<A>>) => Promise<Response>,
) {
  // Every connection retry in this request shares one deadline (lib/db/connection-retry.ts).
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    const started = performance.now();
    const requestId = requestIdFrom(request.headers);
    const label = metricsLabel(request);
    // A span per handler run, under Next's own request span when tracing is on (lib/telemetry/tracing.ts).
    const response = await inSpan(`${request.method} ${label}`, { "http.request.method": request.method, "http.route": label, "railbook.request_id": requestId }, async (span) => {
      const answered = await withRequestContext({ requestId }, () => withRetryDeadline(() => handle(request, context)));
      span.setAttribute("http.response.status_code", answered.status);
      return answered;
    });
    observeRequest(label, request.method, response.status, (performance.now() - started) / 1000);
    if (!response.headers.has("x-request-id")) {
      try {
        response.headers.set("x-request-id", requestId);
      } catch {
        // A response with immutable headers (a fetched body passed through) keeps its own.
      }
    }
    return response;
  };

  async function handle(request: Request, context: { params: Promise<P> }): Promise<Response> {
    try {
      // Before anything is read or written: a forged cross-site write stops here.
      assertSameSiteWrite(request);
      // Reading the caller is safe to repeat whatever the method (a token's lastUsedAt write is idempotent).
      const user = await retryOnConnectionLoss(() => getRequestUser(request));
      if (spec.access !== "public" && !user) throw new AppError("UNAUTHENTICATED");
      if (spec.access === "admin" && user?.role !== "ADMIN") throw new AppError("FORBIDDEN");
      if (spec.access === "desk" && !(user && canUseDesk(user.role))) throw new AppError("FORBIDDEN");
      if (spec.access === "conductor" && !(user && canCheckTickets(user.role))) throw new AppError("FORBIDDEN");

      const rawQuery = Object.fromEntries(new URL(request.url).searchParams);
      const params = (await context?.params) ?? ({} as P);
      assertStorable({ ...rawQuery, ...params });
      const query = spec.query ? parse(spec.query, rawQuery) : undefined;
      const body = spec.body ? parse(spec.body, await readJson(request)) : undefined;

      const run = () => handler({ request, user: user as UserFor<A>, body: body as Infer<B>, query: query as Infer<Q>, params });
      // GET and HEAD only read, so they ride out a failover here; writes decide for themselves
      // (those with an Idempotency-Key do, in lib/idempotency/keys.ts).
      return await (SAFE_METHODS.has(request.method) ? retryOnConnectionLoss(run) : run());
    } catch (error) {
      return errorResponse(toAppError(error));
    }
  }
}

/** The route's pattern, never the raw path (ids would make a series each). */
function metricsLabel(request: Request): string {
  const path = new URL(request.url).pathname;
  return routePattern(path) ?? (/^\/api\/(cron\/[a-z-]+|health)$/.test(path) ? path : "other");
}

function parse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(fieldErrorsFrom(result.error));
  return result.data;
}

async function readJson(request: Request): Promise<unknown> {
  const text = await readBodyText(request);
  if (!text) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new AppError("VALIDATION_FAILED", "The request body must be valid JSON.");
  }
  assertStorable(parsed);
  return parsed;
}

// One way in for every gRPC method, the twin of lib/http.ts's route(): authenticate the bearer
// token from the metadata, parse the request with the shared zod schema, run the lib/ function,
// and turn whatever is thrown into a gRPC status (lib/grpc/status.ts). No business rule here.
import "server-only";
import type { Metadata, sendUnaryData, ServerUnaryCall } from "@grpc/grpc-js";
import type { z } from "zod";
import { AppError, validationError } from "@/lib/errors";
import { fieldErrorsFrom } from "@/lib/validation";
import { toAppError } from "@/lib/to-app-error";
import { userForApiToken } from "@/lib/auth/api-tokens";
import type { CurrentUser } from "@/lib/auth/current-user";
import { assertStorable } from "@/lib/http-edge/request-input";
import { PEER_HEADER } from "@/lib/net/client-address";
import { retryOnConnectionLoss, withRetryDeadline } from "@/lib/db/connection-retry";
import { toServiceError } from "@/lib/grpc/status";

type Access = "public" | "user";

export interface CallContext<Req, U> {
  request: Req;
  user: U;
  /** The caller as request headers, for what lib/ reads from them (the client address per-address limits count). */
  headers: Headers;
}

interface MethodSpec {
  access: Access;
  /** Reads only: ride out a database failover by repeating the whole method (as GET routes do). */
  safe?: boolean;
}

/** The token of `authorization: Bearer <token>`; "" when a bearer is presented without a token, null when none is. */
export function bearerFrom(metadata: Metadata): string | null {
  const value = metadata.get("authorization")[0];
  if (typeof value !== "string") return null;
  if (!/^bearer\s/i.test(value)) return "";
  return value.slice(value.indexOf(" ") + 1).trim();
}

/** "127.0.0.1:54321", "[::1]:54321" or "ipv4:127.0.0.1:54321" -> the address alone. */
export function peerAddress(peer: string): string {
  const bare = peer.replace(/^ipv[46]:/, "");
  const bracketed = /^\[([^\]]+)\]/.exec(bare);
  if (bracketed) return bracketed[1]!;
  return bare.includes(".") ? bare.replace(/:\d+$/, "") : bare;
}

function headersOf(call: ServerUnaryCall<unknown, unknown>): Headers {
  const headers = new Headers();
  // The socket address, as scripts/serve.mjs stamps it for route handlers (lib/net/client-address.ts);
  // X-Forwarded-For is passed on for TRUSTED_PROXIES to judge, exactly as over HTTP.
  headers.set(PEER_HEADER, peerAddress(call.getPeer()));
  const forwarded = call.metadata.get("x-forwarded-for")[0];
  if (typeof forwarded === "string") headers.set("x-forwarded-for", forwarded);
  return headers;
}

export function parse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  assertStorable(input);
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(fieldErrorsFrom(result.error));
  return result.data;
}

export function unary<Req, Res, A extends Access>(
  spec: MethodSpec & { access: A },
  handler: (ctx: CallContext<Req, A extends "user" ? CurrentUser : CurrentUser | null>) => Promise<Res>,
) {
  return (call: ServerUnaryCall<Req, Res>, callback: sendUnaryData<Res>): void => {
    withRetryDeadline(async () => {
      const token = bearerFrom(call.metadata);
      const user = token ? await retryOnConnectionLoss(() => userForApiToken(token)) : null;
      if (spec.access === "user" && !user) throw new AppError("UNAUTHENTICATED", "Send a valid API token as authorization: Bearer <token> (IssueToken gives one).");
      const run = () => handler({ request: call.request, user: user as never, headers: headersOf(call as ServerUnaryCall<unknown, unknown>) });
      return spec.safe ? retryOnConnectionLoss(run) : run();
    }).then(
      (response) => callback(null, response),
      (error: unknown) => callback(toServiceError(toAppError(error))),
    );
  };
}

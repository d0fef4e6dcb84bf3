// Runs before every route (Next.js 16's proxy, formerly middleware): security headers and the CSP
// nonce for pages, the body-size cap for every write, and JSON 404/405 for /api/v1 paths no route
// answers. It imports nothing that touches the database.
import { NextResponse, type NextRequest } from "next/server";
import { allowedMethods } from "@/lib/http-edge/api-routes";
import { API_POLICY, HSTS, newNonce, pagePolicy, permissionsPolicyFor, servedOverHttps, STATIC_HEADERS } from "@/lib/http-edge/security-headers";
import { config as settings } from "@/lib/config";


function maxBodyBytes(): number {
  return settings().MAX_BODY_BYTES;
}

function errorJson(status: number, code: string, message: string, headers: Record<string, string> = {}): NextResponse {
  return NextResponse.json({ error: { code, message } }, { status, headers });
}

function withSecurityHeaders(response: NextResponse, request: NextRequest, policy: string): NextResponse {
  for (const [name, value] of Object.entries(STATIC_HEADERS)) response.headers.set(name, value);
  response.headers.set("Permissions-Policy", permissionsPolicyFor(request.nextUrl.pathname));
  response.headers.set("Content-Security-Policy", policy);
  if (servedOverHttps(request.nextUrl)) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

function refuseEarly(request: NextRequest): NextResponse | null {
  const { pathname } = request.nextUrl;
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBodyBytes()) {
    // The same answer lib/http.ts gives a body that turns out larger while it streams in.
    return errorJson(413, "PAYLOAD_TOO_LARGE", "This request is too large. Send less at once.");
  }
  if (pathname === "/api/v1" || pathname.startsWith("/api/v1/")) {
    const methods = allowedMethods(pathname);
    if (!methods) return errorJson(404, "NOT_FOUND", "There is no such API path. See /api/v1/openapi.json.");
    const allow = methods.join(", ");
    if (request.method === "OPTIONS") return new NextResponse(null, { status: 204, headers: { Allow: allow } });
    if (!methods.includes(request.method)) {
      return errorJson(405, "METHOD_NOT_ALLOWED", `This path answers ${allow} only.`, { Allow: allow });
    }
  }
  return null;
}

export function proxy(request: NextRequest): NextResponse {
  const isApi = request.nextUrl.pathname.startsWith("/api/");
  const refused = refuseEarly(request);
  if (refused) return withSecurityHeaders(refused, request, API_POLICY);
  if (isApi) return withSecurityHeaders(NextResponse.next(), request, API_POLICY);

  // Next.js reads the nonce from the request's CSP header and puts it on its own scripts
  // (node_modules/next/dist/docs/01-app/02-guides/content-security-policy.md).
  const nonce = newNonce();
  const policy = pagePolicy(nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  return withSecurityHeaders(NextResponse.next({ request: { headers: requestHeaders } }), request, policy);
}

export const config = {
  // Static build output is immutable and carries the static headers from next.config.mjs.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"],
};

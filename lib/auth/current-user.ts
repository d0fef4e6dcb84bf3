// Who is asking. Route handlers pass their Request (a bearer token or the session cookie);
// server components and actions read the session. Either way the user row is read fresh from
// the database, so a demoted admin or a deleted account loses access on the next request, not
// when an old session JWT expires.
import "server-only";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import { getToken } from "next-auth/jwt";
import { db } from "@/lib/db";
import { userForApiToken } from "@/lib/auth/api-tokens";
import { signInPath } from "@/lib/auth/callback-url";

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: "PASSENGER" | "ADMIN";
}

const SESSION_COOKIE = "authjs.session-token";
const SECURE_SESSION_COOKIE = `__Secure-${SESSION_COOKIE}`;

async function loadUser(id: string): Promise<CurrentUser | null> {
  return db().user.findUnique({ where: { id }, select: { id: true, email: true, name: true, role: true } });
}

/**
 * A route handler's caller: `Authorization: Bearer <token>` first (an API token), else the
 * session cookie. A request that presents a bearer token is judged by it alone: a bad token
 * must fail loudly rather than quietly fall back to a browser session.
 */
export async function getRequestUser(request: Request): Promise<CurrentUser | null> {
  const authorization = request.headers.get("authorization");
  if (authorization && /^bearer\s/i.test(authorization)) {
    const token = authorization.slice(authorization.indexOf(" ") + 1).trim();
    return token ? userForApiToken(token) : null;
  }
  const userId = await sessionUserIdFrom(request);
  return userId ? loadUser(userId) : null;
}

/**
 * Decodes the session cookie of this very Request (rather than calling auth(), which reads
 * next/headers), so route handlers work the same when called directly, as tests do.
 */
async function sessionUserIdFrom(request: Request): Promise<string | null> {
  const secret = process.env.AUTH_SECRET;
  const cookie = request.headers.get("cookie") ?? "";
  if (!secret || !cookie.includes(SESSION_COOKIE)) return null;
  // Auth.js uses the __Secure- name (and salt) when the site is served over https.
  const secureCookie = cookie.includes(SECURE_SESSION_COOKIE);
  const token = await getToken({ req: request, secret, secureCookie });
  return typeof token?.sub === "string" ? token.sub : null;
}

/** The signed-in person for server components and actions; one database read per request. */
export const getSessionUser = cache(async (): Promise<CurrentUser | null> => {
  // Loaded on first use: route handlers only need getRequestUser, and next-auth's ESM build
  // (bare "next/server" imports) cannot be loaded by plain Node, e.g. when tests call handlers.
  const { auth } = await import("@/lib/auth/config");
  const session = await auth();
  const id = session?.user?.id;
  return id ? loadUser(id) : null;
});

/** For pages that need an account: sends a signed-out visitor to sign in, then back here. */
export async function requireUser(callbackPath?: string): Promise<CurrentUser> {
  const user = await getSessionUser();
  if (!user) redirect(signInPath(callbackPath));
  return user;
}

/**
 * For operator pages. Signed out: sign in first. Signed in as a passenger: 403 through Next's
 * forbidden() (needs experimental.authInterrupts), which renders app/forbidden.tsx.
 */
export async function requireAdmin(callbackPath = "/admin"): Promise<CurrentUser> {
  const user = await requireUser(callbackPath);
  if (user.role !== "ADMIN") forbidden();
  return user;
}

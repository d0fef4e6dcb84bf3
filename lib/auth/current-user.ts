// Who is asking. Route handlers pass their Request (a bearer token or the session cookie);
// server components and actions read the session cookie. Either way the user row is read fresh
// from the database, so a demoted admin, a deleted account or a session from before a password
// change loses access on the next request, not when an old session JWT expires.
import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { db } from "@/lib/db";
import { bearerToken, userForApiToken } from "@/lib/auth/api-tokens";
import { signInPath } from "@/lib/auth/callback-url";
import { passwordStamp, readSessionClaims } from "@/lib/auth/session-token";
import { canCheckTickets, canUseDesk, type RoleName } from "@/lib/schemas/roles";

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: RoleName;
}

async function userForSession(cookieHeader: string): Promise<CurrentUser | null> {
  const claims = await readSessionClaims(cookieHeader);
  if (!claims) return null;
  const row = await db().user.findUnique({
    where: { id: claims.userId },
    select: { id: true, email: true, name: true, role: true, passwordHash: true, sessionVersion: true },
  });
  if (!row || claims.stamp !== passwordStamp(row.passwordHash) || claims.version !== row.sessionVersion) return null;
  return { id: row.id, email: row.email, name: row.name, role: row.role };
}

/**
 * A route handler's caller: `Authorization: Bearer <token>` first (an API token), else the
 * session cookie. A request that presents a bearer token is judged by it alone: a bad token
 * must fail loudly rather than quietly fall back to a browser session.
 */
export async function getRequestUser(request: Request): Promise<CurrentUser | null> {
  const authorization = request.headers.get("authorization");
  if (authorization && /^bearer\s/i.test(authorization)) {
    const token = bearerToken(request);
    return token ? userForApiToken(token) : null;
  }
  return userForSession(request.headers.get("cookie") ?? "");
}

/**
 * The signed-in person for server components and actions; one database read per request.
 * Reads cookies() rather than the raw Cookie header because after a server action refreshes the
 * session cookie, the re-render sees the new value there.
 */
export const getSessionUser = cache(async (): Promise<CurrentUser | null> => {
  const jar = await cookies();
  const header = jar
    .getAll()
    .map((c) => `${c.name}=${c.value}`)
    .join("; ");
  return userForSession(header);
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

/** For the booking desk's pages (bookings look-up): desk staff and admins; anyone else gets 403. */
export async function requireDesk(callbackPath = "/admin/bookings"): Promise<CurrentUser> {
  const user = await requireUser(callbackPath);
  if (!canUseDesk(user.role)) forbidden();
  return user;
}

/** For the conductor's page (/check): conductors and admins; anyone else gets 403. */
export async function requireConductor(callbackPath = "/check"): Promise<CurrentUser> {
  const user = await requireUser(callbackPath);
  if (!canCheckTickets(user.role)) forbidden();
  return user;
}

// Reading the next-auth session cookie ourselves, from any cookie header: route handlers have a
// Request, server components have next/headers' cookies(), and tests have neither Next.js nor
// its request scope. The JWT is encrypted (JWE) with AUTH_SECRET, so its claims can be trusted.
import "server-only";
import { createHash } from "node:crypto";
import { getToken } from "next-auth/jwt";
import { config } from "@/lib/config";

export const SESSION_COOKIE = "authjs.session-token";
/** Auth.js uses this name (and it is also the encryption salt) when the site is served over https. */
export const SECURE_SESSION_COOKIE = `__Secure-${SESSION_COOKIE}`;

export interface SessionClaims {
  userId: string;
  /** passwordStamp() of the password hash at sign-in; see below. */
  stamp: string | null;
  /** User.sessionVersion at sign-in: bumped by sign-out and "sign out everywhere" (docs/decisions/020). */
  version: number;
}

/**
 * A short fingerprint of the stored password hash, carried in the session. Changing the password
 * changes the hash, so every session issued before the change stops matching and is refused:
 * JWT sessions cannot be revoked one by one, but they can all be outdated at once.
 */
export function passwordStamp(passwordHash: string): string {
  return createHash("sha256").update(passwordHash).digest("base64url").slice(0, 16);
}

export async function readSessionClaims(cookieHeader: string): Promise<SessionClaims | null> {
  const secret = config().AUTH_SECRET;
  if (!secret || !cookieHeader.includes(SESSION_COOKIE)) return null;
  const secureCookie = cookieHeader.includes(SECURE_SESSION_COOKIE);
  const token = await getToken({ req: { headers: new Headers({ cookie: cookieHeader }) }, secret, secureCookie });
  if (typeof token?.sub !== "string") return null;
  // A session from before versions existed counts as version 0, so deploying this signs nobody out.
  const version = typeof token.ver === "number" ? token.ver : 0;
  return { userId: token.sub, stamp: typeof token.stamp === "string" ? token.stamp : null, version };
}

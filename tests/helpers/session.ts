// A session cookie minted the way Auth.js mints it after sign-in (with the claims our jwt callback adds).
import { encode } from "next-auth/jwt";
import { db } from "@/lib/db";
import { passwordStamp } from "@/lib/auth/session-token";

export const SESSION_COOKIE_NAME = "authjs.session-token";

/** `stamp` and `ver` are taken from the stored user unless given. */
export async function sessionCookie(claims: Record<string, unknown> & { sub: string }, name = SESSION_COOKIE_NAME): Promise<string> {
  const { passwordHash, sessionVersion } = await db().user.findUniqueOrThrow({ where: { id: claims.sub } });
  const token = { stamp: passwordStamp(passwordHash), ver: sessionVersion, ...claims };
  const value = await encode({ token, secret: process.env.AUTH_SECRET!, salt: name, maxAge: 3600 });
  return `${name}=${value}`;
}

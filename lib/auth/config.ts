// next-auth (Auth.js v5) for RailBook: email + password through the Credentials provider, sessions
// as encrypted JWT cookies. The config is built per call (the function form of NextAuth), so
// importing this module reads no environment and opens no database connection: `next build`
// imports it with neither AUTH_SECRET nor DATABASE_URL set.
import "server-only";
import NextAuth, { type NextAuthConfig, type User } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { tokenSchema } from "@/lib/schemas/auth";
import { authenticateWithPassword } from "@/lib/auth/authenticate";
import { authorizeFailure } from "@/lib/auth/sign-in-errors";
import { logger } from "@/lib/logger";
import { config } from "@/lib/config";

const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

function authConfig(): NextAuthConfig {
  return {
    secret: config().AUTH_SECRET,
    // Behind `next start` on our own hosts the Host header is the only source of the origin.
    trustHost: true,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      Credentials({
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, request) {
          const parsed = tokenSchema.safeParse(credentials);
          if (!parsed.success) return null;
          try {
            const user = await authenticateWithPassword(parsed.data, request.headers);
            const signedIn: User & { role: string; stamp: string; ver: number } = {
              id: user.id,
              email: user.email,
              name: user.name,
              role: user.role,
              stamp: user.passwordStamp,
              ver: user.sessionVersion,
            };
            return signedIn;
          } catch (error) {
            return authorizeFailure(error);
          }
        },
      }),
    ],
    callbacks: {
      // The token carries id, name and role for display; every access decision re-reads the
      // user from the database (lib/auth/current-user.ts), so a stale token grants nothing.
      // Updates (POST /api/auth/session) change nothing: re-stamping there would let a session
      // from before a password change revive itself.
      jwt({ token, user }) {
        if (user) {
          const signedIn = user as { role?: string; stamp?: string; ver?: number };
          token.sub = user.id;
          token.name = user.name;
          token.role = signedIn.role;
          token.stamp = signedIn.stamp;
          token.ver = signedIn.ver;
        }
        return token;
      },
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        session.user.name = token.name ?? session.user.name;
        Object.assign(session.user, { role: token.role });
        return session;
      },
    },
    logger: {
      // A wrong password is an expected outcome, not a server error worth a stack trace.
      error(error) {
        if ((error as { type?: string }).type === "CredentialsSignin") return;
        logger.error("auth error", { error, cause: (error as { cause?: unknown }).cause });
      },
      warn(code) {
        logger.warn("auth warning", { code });
      },
      debug() {},
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => authConfig());

// next-auth reports every failed credentials sign-in as an AuthError. These translate between
// that world and AppError, so the sign-in form can tell "wrong password" from "throttled".
import "server-only";
import { CredentialsSignin, type AuthError } from "next-auth";
import { AppError, isAppError } from "@/lib/errors";
import { rateLimited } from "@/lib/auth/throttle";
import { logger } from "@/lib/logger";

/** Thrown from `authorize` while the email or IP is blocked. `code` ends up in URLs: keep it vague. */
export class ThrottledSignIn extends CredentialsSignin {
  code = "rate_limited";
  readonly retryAfterSeconds: number;

  constructor(retryAfterSeconds: number) {
    super("Sign-in throttled");
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** What `authorize` throws for an AppError from authenticateWithPassword (null = wrong password). */
export function authorizeFailure(error: unknown): null {
  if (isAppError(error) && error.code === "INVALID_CREDENTIALS") return null;
  if (isAppError(error) && error.code === "RATE_LIMITED") {
    const retry = (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds ?? 60;
    throw new ThrottledSignIn(retry);
  }
  throw error;
}

/**
 * An AuthError from `signIn()` as the AppError a form shows. Matched by `type` and `code`, not
 * instanceof, because bundlers may load @auth/core's error classes more than once.
 */
export function appErrorFromAuthError(error: AuthError): AppError {
  if (error.type === "CredentialsSignin") {
    const code = (error as CredentialsSignin).code;
    if (code === "rate_limited") {
      return rateLimited((error as Partial<ThrottledSignIn>).retryAfterSeconds ?? 60);
    }
    return new AppError("INVALID_CREDENTIALS");
  }
  // Anything else thrown inside authorize() arrives wrapped as CallbackRouteError: surface an
  // AppError it carries (SERVICE_BUSY, say), and log the rest as the bug it is.
  const cause = (error.cause as { err?: unknown } | undefined)?.err;
  if (isAppError(cause)) return cause;
  logger.error("sign-in failed", { error, cause });
  return new AppError("INTERNAL");
}

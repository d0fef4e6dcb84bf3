// Signing in from a server action. next-auth's signIn() ends in redirect() (NEXT_REDIRECT),
// which must reach Next.js untouched; its AuthErrors become AppErrors the form can show.
import "server-only";
import { AuthError } from "next-auth";
import { signIn, signOut } from "@/lib/auth/config";
import { appErrorFromAuthError } from "@/lib/auth/sign-in-errors";
import { safeCallbackPath } from "@/lib/auth/callback-url";

export async function signInWithPassword(email: string, password: string, callbackUrl?: string): Promise<never> {
  try {
    await signIn("credentials", { email, password, redirectTo: safeCallbackPath(callbackUrl) });
  } catch (error) {
    if (error instanceof AuthError) throw appErrorFromAuthError(error);
    throw error; // NEXT_REDIRECT and anything unexpected
  }
  // signIn() always redirects or throws; reaching here means next-auth changed underneath us.
  throw new Error("signIn() returned without redirecting");
}

export async function signOutAndGoHome(redirectTo = "/"): Promise<never> {
  await signOut({ redirectTo });
  throw new Error("signOut() returned without redirecting");
}

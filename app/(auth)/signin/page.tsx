import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/current-user";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { ERROR_CODES } from "@/lib/errors";
import { SignInForm } from "@/components/auth/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** next-auth sends people here with ?error=...&code=... when a sign-in fails outside our form. */
function noticeFor(error?: string, code?: string): string | undefined {
  if (!error) return undefined;
  if (error === "CredentialsSignin" && code === "rate_limited") return ERROR_CODES.RATE_LIMITED.message;
  if (error === "CredentialsSignin") return ERROR_CODES.INVALID_CREDENTIALS.message;
  return "We could not sign you in. Try again.";
}

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const callbackUrl = safeCallbackPath(first(params.callbackUrl), "");

  if (await getSessionUser()) redirect(callbackUrl || "/");

  return (
    <>
      <h1 className="text-2xl font-bold text-slate-900">Sign in</h1>
      <p className="mb-6 mt-1 text-slate-600">Sign in to book and manage your tickets.</p>
      <SignInForm
        callbackUrl={callbackUrl || undefined}
        notice={noticeFor(first(params.error), first(params.code))}
        success={first(params.reset) === "done" ? "Your password has been changed. Sign in with the new one." : undefined}
      />
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "@/components/auth/password-reset-forms";
import { INVALID_RESET_LINK, resetTokenUsable } from "@/lib/auth/password-reset";

// The token is in this page's address: no Referer carries it to any link followed from here.
export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ResetPasswordPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = (await searchParams).token;
  const token = (Array.isArray(raw) ? raw[0] : raw) ?? "";
  const usable = await resetTokenUsable(token);

  return (
    <>
      <h1 className="text-2xl font-bold text-slate-900">Choose a new password</h1>
      {usable ? (
        <>
          <p className="mb-6 mt-1 text-slate-600">After this you sign in with the new password, everywhere: other devices are signed out.</p>
          <ResetPasswordForm token={token} />
        </>
      ) : (
        <div role="alert" className="mt-4 space-y-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950">
          <p>{INVALID_RESET_LINK}</p>
          <Link href="/forgot-password" className="font-medium text-brand-700 underline">
            Ask for a new link
          </Link>
        </div>
      )}
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Account deleted" };

// Where deleting an account ends (app/profile/actions.ts), signed out.
export default function AccountDeletedPage() {
  return (
    <div role="status" className="mx-auto max-w-xl space-y-4 rounded-xl bg-white p-6 text-center shadow-sm ring-1 ring-slate-200">
      <h1 className="text-2xl font-bold text-brand-900">Your account has been deleted</h1>
      <p className="text-slate-700">
        You are signed out. Your name, email and passengers&apos; names are gone; the operator keeps your past bookings without them, for its accounts.
      </p>
      <Link href="/" className="inline-block rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
        Search trains
      </Link>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "No access" };

// Rendered with HTTP 403 when a page calls forbidden() (lib/auth/current-user.ts requireAdmin).
export default function Forbidden() {
  return (
    <div className="mx-auto max-w-md py-10 text-center">
      <p className="text-sm font-semibold uppercase tracking-wide text-red-700">403 · Forbidden</p>
      <h1 className="mt-2 text-2xl font-bold text-slate-900">You do not have access to this page</h1>
      <p className="mt-2 text-slate-600">This area is for RailBook operators. If you think you should have access, ask an administrator.</p>
      <Link href="/" className="mt-6 inline-block rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
        Back to search
      </Link>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Page not found" };

// Any address nothing answers (and every notFound() without a closer not-found.tsx): a real 404
// status, the site's header and footer around it, and a way on.
export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl space-y-4 rounded-xl bg-white p-6 text-center shadow-sm ring-1 ring-slate-200">
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">Error 404</p>
      <h1 className="text-2xl font-bold text-brand-900">We could not find that page</h1>
      <p className="text-slate-700">The link may be old or mistyped. Search for a train, or open the bookings you have made.</p>
      <div className="flex flex-col justify-center gap-3 sm:flex-row">
        <Link href="/" className="inline-block rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
          Search trains
        </Link>
        <Link href="/bookings" className="inline-block rounded-md px-4 py-2 font-semibold text-brand-700 underline">
          My bookings
        </Link>
      </div>
    </div>
  );
}

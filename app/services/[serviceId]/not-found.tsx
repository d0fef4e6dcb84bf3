import Link from "next/link";

// An unknown or removed train service (an old link, a mistyped address), answered with a 404
// status: the page checks the id before it streams (page.tsx).
export default function ServiceNotFound() {
  return (
    <div className="mx-auto max-w-xl space-y-4 rounded-xl bg-white p-6 text-center shadow-sm ring-1 ring-slate-200">
      <h1 className="text-2xl font-bold text-brand-900">We could not find that train</h1>
      <p className="text-slate-700">The link may be old, or the service may have been removed from the timetable. Search again to see the trains that run.</p>
      <Link href="/" className="inline-block rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
        Search trains
      </Link>
    </div>
  );
}

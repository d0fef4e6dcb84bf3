// Shown while the list of bookings loads. It lives in the (list) route group so it wraps this page
// only: a loading.tsx above /bookings/[pnr] would make that page stream, and a streamed response
// is already 200 when notFound() runs, so someone else's ticket would no longer answer 404
// (documented Next.js behaviour; vercel/next.js#76474). The ticket pages therefore have none.
export default function Loading() {
  return (
    <div role="status" aria-label="Loading your bookings" className="animate-pulse space-y-4">
      <div className="h-8 w-48 rounded bg-slate-200" />
      {[0, 1, 2].map((i) => (
        <div key={i} className="h-20 rounded-xl bg-white ring-1 ring-slate-200" />
      ))}
    </div>
  );
}

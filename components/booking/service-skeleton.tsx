// Shown while the train's details load: the shape of the page, so nothing jumps when it arrives.
// The seat-map page streams it behind a Suspense boundary once it knows the service exists (a
// loading.tsx would start the stream first, and an unknown id could then only answer 200).
export function ServiceSkeleton() {
  return (
    <div role="status" aria-label="Loading the train" className="animate-pulse space-y-6">
      <div className="space-y-3 rounded-xl bg-white p-5 ring-1 ring-slate-200">
        <div className="h-7 w-2/3 rounded bg-slate-200" />
        <div className="h-4 w-1/3 rounded bg-slate-200" />
        <div className="h-10 w-full rounded bg-slate-100" />
      </div>
      <div className="flex gap-2">
        {[0, 1, 2].map((i) => (
          <div key={i} className="h-16 w-36 rounded-lg bg-slate-200" />
        ))}
      </div>
      <div className="h-56 rounded-xl bg-slate-100" />
    </div>
  );
}

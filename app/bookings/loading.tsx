// Shown while the list of bookings loads.
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

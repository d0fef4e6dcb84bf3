// Shown while the booking loads on its way to the checkout.
export default function Loading() {
  return (
    <div role="status" aria-label="Loading your booking" className="animate-pulse space-y-6">
      <div className="h-6 w-64 rounded bg-slate-200" />
      <div className="h-36 rounded-xl bg-white ring-1 ring-slate-200" />
      <div className="h-40 rounded-xl bg-white ring-1 ring-slate-200" />
      <div className="h-20 rounded-xl bg-amber-50 ring-1 ring-amber-200" />
    </div>
  );
}

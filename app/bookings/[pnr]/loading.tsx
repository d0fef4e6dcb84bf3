// Shown while the ticket loads: the ticket's outline, so the page does not jump when it arrives.
export default function Loading() {
  return (
    <div role="status" aria-label="Loading your ticket" className="animate-pulse space-y-6">
      <div className="flex justify-between rounded-xl bg-white p-5 ring-1 ring-slate-200">
        <div className="space-y-3">
          <div className="h-7 w-48 rounded bg-slate-200" />
          <div className="h-6 w-64 rounded bg-slate-200" />
        </div>
        <div className="h-36 w-36 rounded bg-slate-100" />
      </div>
      <div className="h-36 rounded-xl bg-white ring-1 ring-slate-200" />
      <div className="h-32 rounded-xl bg-white ring-1 ring-slate-200" />
    </div>
  );
}

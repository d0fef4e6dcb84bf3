// The operations pages' loading state (their loading.tsx): a heading-shaped placeholder and rows,
// with the words announced politely so a screen reader hears that something is on its way.
export function LoadingPanel({ label }: { label: string }) {
  return (
    <div role="status" aria-live="polite" className="space-y-4">
      <p className="sr-only">{label}</p>
      <div aria-hidden="true" className="h-8 w-48 animate-pulse rounded bg-slate-200" />
      <div aria-hidden="true" className="h-24 animate-pulse rounded-lg bg-slate-100" />
      <div aria-hidden="true" className="space-y-2">
        {Array.from({ length: 5 }, (_, i) => (
          <div key={i} className="h-10 animate-pulse rounded bg-slate-100" />
        ))}
      </div>
    </div>
  );
}

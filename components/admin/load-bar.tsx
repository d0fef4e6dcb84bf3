// A load factor as a number with a small bar behind it; the number carries the meaning, the bar
// only helps scanning a long list.
export function LoadBar({ bp, label }: { bp: number; label: string }) {
  const width = Math.min(100, Math.max(0, bp / 100));
  const tone = bp >= 9000 ? "bg-red-500" : bp >= 7000 ? "bg-amber-500" : "bg-emerald-500";
  return (
    <span className="flex items-center gap-2">
      <span aria-hidden="true" className="h-2 w-16 overflow-hidden rounded bg-slate-200">
        <span className={`block h-full ${tone}`} style={{ width: `${width}%` }} />
      </span>
      <span className="tabular-nums">{label}</span>
    </span>
  );
}

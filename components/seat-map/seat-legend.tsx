// What the seat colours and marks mean. The samples reuse the seat buttons' own styles so the
// legend cannot drift from the map; each state also differs by more than colour (tick, hatching
// and strike-through, dashed border), for people who do not tell the colours apart.
import { STATE_STYLES } from "./seat-button";
import type { SeatState } from "./seat-labels";

const ENTRIES: { state: SeatState; label: string; sample: string }[] = [
  { state: "free", label: "Free", sample: "12" },
  { state: "selected", label: "Your choice", sample: "12" },
  { state: "taken", label: "Taken", sample: "12" },
  { state: "reserved", label: "Kept for another quota", sample: "12" },
];

export function SeatLegend({ showReserved, sleeper }: { showReserved: boolean; sleeper: boolean }) {
  const entries = ENTRIES.filter((e) => showReserved || e.state !== "reserved");
  return (
    <div className="space-y-2">
      <h3 className="sr-only">Legend</h3>
      <ul className="flex flex-wrap gap-x-5 gap-y-2 text-sm text-slate-700">
        {entries.map((e) => (
          <li key={e.state} className="flex items-center gap-2">
            <span
              aria-hidden="true"
              className={`relative flex h-7 w-7 items-center justify-center rounded border-2 text-xs font-semibold ${STATE_STYLES[e.state]}`}
            >
              {e.sample}
              {e.state === "selected" && (
                <span className="absolute -right-1.5 -top-1.5 flex h-3.5 w-3.5 items-center justify-center rounded-full bg-emerald-600 text-[9px] text-white">✓</span>
              )}
            </span>
            {e.label}
          </li>
        ))}
        {!sleeper && (
          <li className="flex items-center gap-2">
            <span aria-hidden="true" className="h-1.5 w-7 rounded bg-sky-300" />
            Windows
          </li>
        )}
        {sleeper && (
          <li className="flex items-center gap-2">
            <span aria-hidden="true" className="font-semibold">
              L M U
            </span>
            Lower, middle, upper berth
          </li>
        )}
      </ul>
    </div>
  );
}

"use client";
// The occupancy of one service on the operator's page, drawn with the passengers' seat-map pieces
// (CoachView, SeatLegend): taken seats show as taken, seats in a quota pool as kept for it. Nothing
// can be chosen here; the class and coach pickers only change what is on screen.
import { useState } from "react";
import type { SeatMapView } from "@/lib/schemas/booking";
import { CoachView } from "@/components/seat-map/coach-view";
import { SeatLegend } from "@/components/seat-map/seat-legend";
import { unitWord } from "@/components/seat-map/seat-labels";

const NOTHING_SELECTED: ReadonlySet<string> = new Set();
const ignore = () => {};

interface Props {
  map: SeatMapView;
  classNames: Record<string, string>;
  quotaNames: Record<string, string>;
}

export function ServiceSeatMap({ map, classNames, quotaNames }: Props) {
  const classes = [...new Set(map.coaches.map((c) => c.class))];
  const [classCode, setClassCode] = useState(classes[0] ?? "");
  const coaches = map.coaches.filter((c) => c.class === classCode).sort((a, b) => a.position - b.position);
  const [coachLabel, setCoachLabel] = useState<string | null>(null);
  const shown = coaches.find((c) => c.coach === coachLabel) ?? coaches[0];

  if (map.coaches.length === 0) return <p className="text-slate-700">This service has no seats.</p>;

  const pill = (active: boolean) =>
    `shrink-0 rounded-md border px-3 py-2 text-sm ${active ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white text-slate-800 hover:bg-slate-50"}`;

  return (
    <div className="space-y-3">
      <div role="group" aria-label="Class" className="flex gap-2 overflow-x-auto pb-1">
        {classes.map((c) => (
          <button key={c} type="button" aria-pressed={c === classCode} onClick={() => {
              setClassCode(c);
              setCoachLabel(null);
            }} className={pill(c === classCode)}>
            {classNames[c] ?? c}
          </button>
        ))}
      </div>
      <div role="group" aria-label="Coach" className="flex gap-2 overflow-x-auto pb-1">
        {coaches.map((c) => {
          const taken = c.seats.filter((s) => !s.available).length;
          return (
            <button key={c.coach} type="button" aria-pressed={c.coach === shown?.coach} onClick={() => setCoachLabel(c.coach)} className={pill(c.coach === shown?.coach)}>
              <span className="font-semibold">Coach {c.coach}</span>
              <span className="block text-xs">
                {taken} of {c.seats.length} {unitWord(c.kind, c.seats.length !== 1)} taken
              </span>
            </button>
          );
        })}
      </div>
      {shown ? (
        <>
          <CoachView key={shown.coach} coach={shown} selected={NOTHING_SELECTED} quota="GENERAL" quotaNames={quotaNames} onToggle={ignore} />
          <SeatLegend showReserved={shown.seats.some((s) => s.quota !== "GENERAL")} sleeper={shown.kind === "SLEEPER"} />
        </>
      ) : null}
    </div>
  );
}

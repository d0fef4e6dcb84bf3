"use client";
// The seat map: class tabs, a coach selector for the chosen class, the coach itself and a legend.
// It holds only which coach is on screen; what is selected, the class and the quota belong to the
// booking planner, which also books them.
import { useId, useState, type ReactNode } from "react";
import type { SeatMapView } from "@/lib/schemas/booking";
import { ClassTabs, type ClassTab } from "./class-tabs";
import { CoachView } from "./coach-view";
import { SeatLegend } from "./seat-legend";
import { unitWord, type MapCoach, type MapSeat } from "./seat-labels";

interface Props {
  map: SeatMapView | undefined;
  loadError: string | null;
  onRetry: () => void;
  classes: Omit<ClassTab, "free">[];
  classCode: string;
  onClassChange: (classCode: string) => void;
  quota: string;
  quotaNames: Record<string, string>;
  selected: ReadonlySet<string>;
  onToggle: (seat: MapSeat, coach: MapCoach) => void;
  /** Controls that change what the map shows (the quota select), drawn at the top of the class panel. */
  toolbar?: ReactNode;
}

function freeIn(coach: MapCoach, quota: string): number {
  return coach.seats.filter((s) => s.available && s.quota === quota).length;
}

export function SeatMap({ map, loadError, onRetry, classes, classCode, onClassChange, quota, quotaNames, selected, onToggle, toolbar }: Props) {
  const id = useId();
  const [coachLabel, setCoachLabel] = useState<string | null>(null);

  const coaches = (map?.coaches ?? []).filter((c) => c.class === classCode).sort((a, b) => a.position - b.position);
  const shown =
    coaches.find((c) => c.coach === coachLabel) ??
    coaches.find((c) => c.seats.some((s) => selected.has(s.seatId))) ??
    coaches.find((c) => freeIn(c, quota) > 0) ??
    coaches[0];

  const tabs: ClassTab[] = classes.map((c) => {
    const inClass = map?.coaches.filter((coach) => coach.class === c.class);
    return { ...c, free: inClass ? inClass.reduce((n, coach) => n + freeIn(coach, c.class === classCode ? quota : "GENERAL"), 0) : null };
  });
  const panelId = `${id}-panel`;
  const tabId = (code: string) => `${id}-tab-${code}`;
  const hasOtherQuotas = coaches.some((c) => c.seats.some((s) => s.quota !== quota));

  return (
    <section aria-labelledby={`${id}-title`} className="space-y-4">
      <h2 id={`${id}-title`} className="text-xl font-semibold text-brand-900">
        Choose your seats
      </h2>
      <ClassTabs tabs={tabs} current={classCode} panelId={panelId} idFor={tabId} onChange={onClassChange} />

      <div id={panelId} role="tabpanel" aria-labelledby={tabId(classCode)} className="space-y-4 rounded-xl bg-white p-3 shadow-sm ring-1 ring-slate-200 sm:p-5">
        {toolbar}
        {loadError ? (
          <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-4 text-red-900">
            <p>{loadError}</p>
            <button type="button" onClick={onRetry} className="mt-2 rounded-md border border-red-400 bg-white px-3 py-1.5 text-sm font-medium hover:bg-red-100">
              Try again
            </button>
          </div>
        ) : !map ? (
          <SeatMapSkeleton />
        ) : coaches.length === 0 || !shown ? (
          <p className="text-slate-700">This train has no coaches of this class.</p>
        ) : (
          <>
            <CoachPicker coaches={coaches} current={shown.coach} quota={quota} onPick={setCoachLabel} />
            <CoachView key={shown.coach} coach={shown} selected={selected} quota={quota} quotaNames={quotaNames} onToggle={(seat) => onToggle(seat, shown)} />
            <SeatLegend showReserved={hasOtherQuotas} sleeper={shown.kind === "SLEEPER"} />
          </>
        )}
      </div>
    </section>
  );
}

function CoachPicker({ coaches, current, quota, onPick }: { coaches: MapCoach[]; current: string; quota: string; onPick: (coach: string) => void }) {
  return (
    <div role="group" aria-label="Coach" className="flex gap-2 overflow-x-auto pb-1">
      {coaches.map((c) => {
        const free = freeIn(c, quota);
        const active = c.coach === current;
        return (
          <button
            key={c.coach}
            type="button"
            aria-pressed={active}
            onClick={() => onPick(c.coach)}
            className={`shrink-0 rounded-md border px-3 py-2 text-sm ${active ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white text-slate-800 hover:bg-slate-50"}`}
          >
            <span className="font-semibold">Coach {c.coach}</span>
            <span className={`block text-xs ${active ? "text-brand-50" : "text-slate-600"}`}>
              {free} {unitWord(c.kind, free !== 1)} free
            </span>
          </button>
        );
      })}
    </div>
  );
}

function SeatMapSkeleton() {
  return (
    <div role="status" aria-label="Loading seats" className="animate-pulse space-y-3">
      <div className="flex gap-2">
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className="h-12 w-24 rounded-md bg-slate-200" />
        ))}
      </div>
      <div className="h-48 rounded-3xl bg-slate-100" />
    </div>
  );
}

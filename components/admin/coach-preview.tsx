"use client";
// A coach drawn by the passengers' own seat-map component (CoachView), every seat free and nothing
// to choose: what an operator sees here is exactly what a passenger will see on the seat map.
import { CoachView } from "@/components/seat-map/coach-view";
import type { MapCoach } from "@/components/seat-map/seat-labels";
import type { CoachLayout } from "@/lib/network/coach-layouts";

const NOTHING_SELECTED: ReadonlySet<string> = new Set();
const ignore = () => {};

export function CoachPreview({ coach, caption }: { coach: MapCoach; caption?: string }) {
  return (
    <figure className="space-y-2">
      <CoachView coach={coach} selected={NOTHING_SELECTED} quota="GENERAL" quotaNames={{}} onToggle={ignore} />
      <figcaption className="text-sm text-slate-600">{caption ?? "Preview: every seat shown free; nothing can be chosen here."}</figcaption>
    </figure>
  );
}

/** A template's layout in the seat map's shape, for previewing before anything is stored. */
export function layoutAsCoach(layout: CoachLayout, kind: "SEATED" | "SLEEPER", classCode: string, label = "Preview"): MapCoach {
  return {
    coach: label,
    position: 1,
    class: classCode,
    kind,
    rows: layout.rows,
    columns: layout.columns,
    seats: layout.seats.map((s) => ({ seatId: `preview-${s.number}`, number: s.number, berth: s.berth, position: s.position, row: s.row, col: s.col, bay: s.bay, quota: "GENERAL", available: true })),
  };
}

"use client";
// One seat or berth: a toggle button. Taken and reserved seats stay focusable (aria-disabled, not
// disabled) so a keyboard or screen-reader user moving through the coach hears them too, instead
// of the map silently skipping places. State is shown by shape and text as well as colour.
import type { KeyboardEvent, Ref } from "react";
import { BERTH_MARKS, type MapSeat, type SeatState } from "./seat-labels";

interface Props {
  ref?: Ref<HTMLButtonElement>;
  seat: MapSeat;
  state: SeatState;
  label: string;
  focusable: boolean;
  x: number;
  y: number;
  onToggle: (seat: MapSeat) => void;
  onFocusSeat: (seat: MapSeat) => void;
  onKeyDown: (event: KeyboardEvent<HTMLButtonElement>, seat: MapSeat) => void;
}

export const STATE_STYLES: Record<SeatState, string> = {
  free: "border-brand-600 bg-white text-brand-900 hover:bg-brand-50",
  selected: "border-brand-900 bg-brand-600 text-white",
  taken: "border-slate-300 bg-[repeating-linear-gradient(135deg,#e2e8f0_0,#e2e8f0_5px,#cbd5e1_5px,#cbd5e1_7px)] text-slate-500 line-through cursor-not-allowed",
  reserved: "border-dashed border-amber-500 bg-amber-50 text-amber-900 cursor-not-allowed",
};

export function SeatButton({ ref, seat, state, label, focusable, x, y, onToggle, onFocusSeat, onKeyDown }: Props) {
  const unavailable = state === "taken" || state === "reserved";
  return (
    <button
      ref={ref}
      type="button"
      data-seat-id={seat.seatId}
      data-state={state}
      aria-label={label}
      aria-pressed={state === "selected"}
      aria-disabled={unavailable || undefined}
      tabIndex={focusable ? 0 : -1}
      onClick={() => onToggle(seat)}
      onFocus={() => onFocusSeat(seat)}
      onKeyDown={(event) => onKeyDown(event, seat)}
      style={{ gridColumn: x, gridRow: y }}
      className={`relative flex h-11 w-11 flex-col items-center justify-center rounded-md border-2 text-sm font-semibold tabular-nums transition-colors ${STATE_STYLES[state]}`}
    >
      <span aria-hidden="true" className="leading-none">
        {seat.number}
      </span>
      {seat.berth && (
        <span aria-hidden="true" className="mt-0.5 text-[10px] font-medium leading-none no-underline opacity-80">
          {BERTH_MARKS[seat.berth]}
        </span>
      )}
      {state === "selected" && (
        <span aria-hidden="true" className="absolute -right-1.5 -top-1.5 flex h-4 w-4 items-center justify-center rounded-full bg-emerald-600 text-[10px] text-white">
          ✓
        </span>
      )}
    </button>
  );
}

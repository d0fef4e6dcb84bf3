"use client";
// One coach drawn from its layout (see geometry.ts for the orientation): seated coaches as rows of
// seats with the aisle between them and windows along the long edges, sleepers as bays of
// upper/middle/lower berths with side berths across the aisle. Keyboard: a roving tabindex puts
// the coach in the Tab order once; arrow keys move between seats, Home/End to the first and last,
// Enter/Space (the button's own behaviour) chooses. The coach scrolls sideways on narrow screens.
import { useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { drawCoach, isMoveKey, moveFrom } from "./geometry";
import { SeatButton } from "./seat-button";
import { seatLabel, seatState, unitWord, type MapCoach, type MapSeat } from "./seat-labels";

interface Props {
  coach: MapCoach;
  selected: ReadonlySet<string>;
  quota: string;
  quotaNames: Record<string, string>;
  onToggle: (seat: MapSeat) => void;
}

const SEAT_TRACK = "2.75rem";
const AISLE_TRACK = "1.75rem";
const LABEL_TRACK = "1.25rem";

export function CoachView({ coach, selected, quota, quotaNames, onToggle }: Props) {
  const hintId = useId();
  const drawing = useMemo(() => drawCoach(coach), [coach]);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const [focusId, setFocusId] = useState<string | null>(null);

  const sleeper = coach.kind === "SLEEPER";
  // Sleepers get a first grid row for the bay labels.
  const top = sleeper ? 1 : 0;
  const states = new Map(coach.seats.map((s) => [s.seatId, seatState(s, selected, quota)]));
  const defaultFocus =
    coach.seats.find((s) => states.get(s.seatId) === "selected") ?? coach.seats.find((s) => states.get(s.seatId) === "free") ?? coach.seats[0];
  const rovingId = focusId && states.has(focusId) ? focusId : defaultFocus?.seatId;

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>, seat: MapSeat) {
    if (!isMoveKey(event.key)) return;
    event.preventDefault();
    const next = moveFrom(drawing.placed, seat.seatId, event.key);
    setFocusId(next);
    const element = buttons.current.get(next);
    element?.focus();
    element?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }

  const rowTracks = [
    ...(sleeper ? [LABEL_TRACK] : []),
    ...Array.from({ length: drawing.height }, (_, i) => (drawing.aisleRows.includes(i + 1) ? AISLE_TRACK : SEAT_TRACK)),
  ].join(" ");
  const free = coach.seats.filter((s) => states.get(s.seatId) === "free").length;

  return (
    <div className="space-y-2">
      <div className="overflow-x-auto overscroll-x-contain pb-3">
        <div
          role="group"
          aria-label={`Coach ${coach.coach}, ${free} ${unitWord(coach.kind, free !== 1)} free`}
          aria-describedby={hintId}
          data-coach={coach.coach}
          className={`mx-1 my-1 inline-grid gap-1.5 rounded-3xl border-x-4 border-x-slate-300 bg-white p-4 shadow-sm ${
            sleeper ? "border-y-2 border-y-slate-300" : "border-y-4 border-y-sky-300"
          }`}
          style={{ gridTemplateColumns: `repeat(${drawing.width}, ${SEAT_TRACK})`, gridTemplateRows: rowTracks }}
        >
          {drawing.aisleRows.map((y) => (
            <div
              key={`aisle-${y}`}
              aria-hidden="true"
              style={{ gridColumn: "1 / -1", gridRow: y + top }}
              className="flex items-center justify-center border-y border-dashed border-slate-200 text-[11px] uppercase tracking-widest text-slate-400"
            >
              {sleeper && coach.columns <= 3 ? "corridor" : "aisle"}
            </div>
          ))}
          {drawing.bays.map((b) => (
            <div
              key={`bay-${b.bay}`}
              aria-hidden="true"
              style={{ gridColumn: `${b.from} / ${b.to + 1}`, gridRow: 1 }}
              className="border-b border-slate-300 text-center text-[11px] font-medium text-slate-500"
            >
              {coach.columns <= 3 ? "Comp." : "Bay"} {b.bay}
            </div>
          ))}
          {drawing.placed.map(({ seat, x, y }) => {
            const state = states.get(seat.seatId)!;
            return (
              <SeatButton
                key={seat.seatId}
                ref={(element) => {
                  if (element) buttons.current.set(seat.seatId, element);
                  else buttons.current.delete(seat.seatId);
                }}
                seat={seat}
                state={state}
                label={seatLabel(coach.coach, seat, state, quotaNames[seat.quota])}
                focusable={seat.seatId === rovingId}
                x={x}
                y={y + top}
                onToggle={onToggle}
                onFocusSeat={(s) => setFocusId(s.seatId)}
                onKeyDown={onKeyDown}
              />
            );
          })}
        </div>
      </div>
      <p id={hintId} className="text-sm text-slate-600">
        {sleeper
          ? "Each bay shows its berths by level: U upper, M middle, L lower; side berths (SL, SU) are across the aisle."
          : "Windows run along the blue edges of the coach."}{" "}
        Use the arrow keys to move between {unitWord(coach.kind, true)}, and Enter or Space to choose one.
      </p>
    </div>
  );
}

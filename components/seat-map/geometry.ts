// Where each seat is drawn and where an arrow key goes from it.
//
// A coach is drawn lying down, as seen from above with the train running left to right: the
// layout's `row` (along the coach) becomes the x axis and its `col` (across) the y axis, so a long
// coach scrolls sideways on a phone instead of making the page endless. Sleeper berths are drawn
// with the upper level at the top of each side, and a spacer column separates bays, so a bay of
// lower/middle/upper berths and its side berths reads as one block. Layout conventions:
// lib/network/coach-layouts.ts.
import type { MapCoach, MapSeat } from "./seat-labels";

export interface Placed {
  seat: MapSeat;
  /** 1-based CSS grid column (along the coach). */
  x: number;
  /** 1-based CSS grid row (across the coach). */
  y: number;
}

export interface CoachDrawing {
  placed: Placed[];
  width: number;
  height: number;
  /** Rows across the coach that hold no seat at all: the aisle or corridor. */
  aisleRows: number[];
  /** For sleepers: where each bay starts and ends on the x axis, for its label. */
  bays: { bay: number; from: number; to: number }[];
}

const LEVELS = ["LOWER", "MIDDLE", "UPPER"];

export function drawCoach(coach: MapCoach): CoachDrawing {
  const sleeper = coach.kind === "SLEEPER";
  // Levels in use (3 in open bays, 2 in compartments) occupy the first columns, lower first.
  const levels = sleeper ? new Set(coach.seats.filter((s) => s.berth && LEVELS.includes(s.berth)).map((s) => s.col)).size : 0;

  const placed = coach.seats.map((seat): Placed => {
    const x = seat.row + (sleeper && seat.bay ? seat.bay - 1 : 0);
    const y = sleeper && seat.col <= levels ? levels - seat.col + 1 : seat.col;
    return { seat, x, y };
  });

  const width = Math.max(0, ...placed.map((p) => p.x));
  const height = Math.max(coach.columns, ...placed.map((p) => p.y));
  const used = new Set(placed.map((p) => p.y));
  const aisleRows = Array.from({ length: height }, (_, i) => i + 1).filter((y) => !used.has(y));

  const bays = new Map<number, { bay: number; from: number; to: number }>();
  for (const p of placed) {
    if (!sleeper || !p.seat.bay) continue;
    const b = bays.get(p.seat.bay) ?? { bay: p.seat.bay, from: p.x, to: p.x };
    b.from = Math.min(b.from, p.x);
    b.to = Math.max(b.to, p.x);
    bays.set(p.seat.bay, b);
  }
  return { placed, width, height, aisleRows, bays: [...bays.values()].sort((a, b) => a.bay - b.bay) };
}

export type MoveKey = "ArrowLeft" | "ArrowRight" | "ArrowUp" | "ArrowDown" | "Home" | "End";

export function isMoveKey(key: string): key is MoveKey {
  return ["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End"].includes(key);
}

/**
 * The seat an arrow key moves to: the nearest seat in that direction, preferring one in line with
 * the current seat, so movement skips the aisle and the gaps between bays. Home and End go to the
 * first and last seat by number. Returns the current seat when there is nowhere to go.
 */
export function moveFrom(placed: Placed[], currentId: string, key: MoveKey): string {
  const current = placed.find((p) => p.seat.seatId === currentId);
  if (!current || placed.length === 0) return currentId;
  const byNumber = [...placed].sort((a, b) => a.seat.number - b.seat.number);
  if (key === "Home") return byNumber[0]!.seat.seatId;
  if (key === "End") return byNumber[byNumber.length - 1]!.seat.seatId;

  const horizontal = key === "ArrowLeft" || key === "ArrowRight";
  const sign = key === "ArrowRight" || key === "ArrowDown" ? 1 : -1;
  let best: { id: string; score: number } | null = null;
  for (const p of placed) {
    const along = horizontal ? (p.x - current.x) * sign : (p.y - current.y) * sign;
    if (along <= 0) continue;
    const across = horizontal ? Math.abs(p.y - current.y) : Math.abs(p.x - current.x);
    // Distance in the key's direction counts most; being out of line only breaks ties.
    const score = along * 1000 + across;
    if (!best || score < best.score) best = { id: p.seat.seatId, score };
  }
  return best?.id ?? currentId;
}

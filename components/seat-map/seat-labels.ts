// Words for seats: what a screen reader says for each seat button and what the legend and the
// booking summary show. One place, so the map, the form and the ticket describe a seat alike.
import type { SeatMapView } from "@/lib/schemas/booking";

export type MapCoach = SeatMapView["coaches"][number];
export type MapSeat = MapCoach["seats"][number];

/** How a seat looks to this passenger: chosen by them, free, sold or held by someone, or kept for another quota. */
export type SeatState = "selected" | "free" | "taken" | "reserved";

const BERTH_WORDS: Record<string, string> = {
  LOWER: "lower",
  MIDDLE: "middle",
  UPPER: "upper",
  SIDE_LOWER: "side lower",
  SIDE_UPPER: "side upper",
};

/** Short marks drawn on a berth button, since a top-down map cannot stack the levels. */
export const BERTH_MARKS: Record<string, string> = { LOWER: "L", MIDDLE: "M", UPPER: "U", SIDE_LOWER: "SL", SIDE_UPPER: "SU" };

const POSITION_WORDS: Record<string, string> = { WINDOW: "window", MIDDLE: "middle", AISLE: "aisle" };

/** "seat 21, window" or "berth 21, lower". */
export function seatName(seat: Pick<MapSeat, "number" | "berth" | "position">): string {
  if (seat.berth) return `berth ${seat.number}, ${BERTH_WORDS[seat.berth] ?? seat.berth.toLowerCase()}`;
  const where = seat.position ? POSITION_WORDS[seat.position] : null;
  return where ? `seat ${seat.number}, ${where}` : `seat ${seat.number}`;
}

/** "Coach 7, seat 21, window" (a place on the train, without its state). */
export function placeName(coach: string, seat: Pick<MapSeat, "number" | "berth" | "position">): string {
  return `Coach ${coach}, ${seatName(seat)}`;
}

/** The accessible name of a seat button: "Coach 7, seat 21, window, free". */
export function seatLabel(coach: string, seat: MapSeat, state: SeatState, quotaName?: string): string {
  const words: Record<SeatState, string> = {
    selected: "selected",
    free: "free",
    taken: "taken",
    reserved: `reserved for ${quotaName ?? seat.quota.toLowerCase()} quota`,
  };
  return `${placeName(coach, seat)}, ${words[state]}`;
}

export function seatState(seat: MapSeat, selected: ReadonlySet<string>, quota: string): SeatState {
  if (selected.has(seat.seatId)) return "selected";
  if (!seat.available) return "taken";
  if (seat.quota !== quota) return "reserved";
  return "free";
}

/** "Seat" or "Berth", for headings that speak of a whole coach. */
export function unitWord(kind: MapCoach["kind"], plural = false): string {
  const word = kind === "SLEEPER" ? "berth" : "seat";
  return plural ? `${word}s` : word;
}

// Words for seats: what a screen reader says for each seat button and what the legend and the
// booking summary show. One place, so the map, the form and the ticket describe a seat alike.
import type { SeatMapView } from "@/lib/schemas/booking";
import { placeName, seatName } from "@/lib/tickets/seat-words";

export type MapCoach = SeatMapView["coaches"][number];
export type MapSeat = MapCoach["seats"][number];

/** How a seat looks to this passenger: chosen by them, free, sold or held by someone, or kept for another quota. */
export type SeatState = "selected" | "free" | "taken" | "reserved";

/** Short marks drawn on a berth button, since a top-down map cannot stack the levels. */
export const BERTH_MARKS: Record<string, string> = { LOWER: "L", MIDDLE: "M", UPPER: "U", SIDE_LOWER: "SL", SIDE_UPPER: "SU" };

export { placeName, seatName };

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

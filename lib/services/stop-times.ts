// When a service calls at a stop. Stops store offsets from the origin departure (not clock times),
// so a timetable survives DST changes and crossing into another zone: the instant is always
// origin departure + offset, and each station shows it on its own clock.
import { addMinutes } from "date-fns";

export interface StopOffsets {
  arrivalOffsetMinutes: number | null;
  departureOffsetMinutes: number | null;
}

export interface StopTimes {
  /** null at the origin, where a passenger can only board. */
  arrival: Date | null;
  /** null at the terminus, where a passenger can only alight. */
  departure: Date | null;
}

/**
 * The expected arrival and departure at `stop` for a service leaving its origin at `departsAt`,
 * with the service's current delay applied to both (a delayed train is late everywhere after the
 * point the delay was reported; the operator updates the figure as it changes).
 */
export function stopTimes(departsAt: Date, stop: StopOffsets, delayMinutes = 0): StopTimes {
  const shift = (offset: number | null) => (offset === null ? null : addMinutes(departsAt, offset + delayMinutes));
  return { arrival: shift(stop.arrivalOffsetMinutes), departure: shift(stop.departureOffsetMinutes) };
}

/** Minutes on the train between boarding at `from` and alighting at `to` (same service). */
export function rideMinutes(from: StopOffsets, to: StopOffsets): number {
  if (from.departureOffsetMinutes === null) throw new RangeError("cannot board at the terminus");
  if (to.arrivalOffsetMinutes === null) throw new RangeError("cannot alight at the origin");
  return to.arrivalOffsetMinutes - from.departureOffsetMinutes;
}

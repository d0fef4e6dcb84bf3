// A compact notation for the seed timetables, turned into the shape of Train/TrainStop rows.
// Stop times are written as offsets from the origin departure ("2:54" = 2 h 54 min after), which is
// exactly what TrainStop stores, and keeps foreign-zone stops honest: no local clock conversion
// happens in data files. Comments next to the stops give the local clock times for readers.
import type { TrainType } from "@/lib/generated/prisma/enums";

export interface SeedStop {
  station: string;
  arrivalOffsetMinutes: number | null;
  departureOffsetMinutes: number | null;
  distanceKm: number;
  platform: string;
}

export interface SeedCoach {
  label: string;
  coachType: string;
}

export interface SeedQuota {
  classCode: "FIRST" | "SECOND" | "SLEEPER";
  quotaCode: "SENIOR" | "LADIES";
  seatCount: number;
}

export interface SeedTrain {
  number: string;
  name: string;
  type: TrainType;
  /** Origin departure, minutes after local midnight at the origin. */
  originDepartureMinutes: number;
  /** ISO weekdays (1 = Monday) the train runs; undefined means daily. */
  weekdays?: number[];
  stops: SeedStop[];
  coaches: SeedCoach[];
  quotas: SeedQuota[];
}

export const MONDAY_TO_FRIDAY = [1, 2, 3, 4, 5];

/** "05:40" on the origin's clock -> minutes after midnight. */
export function clock(hhmm: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!match) throw new Error(`bad clock time "${hhmm}"`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** "2:54" after the origin departure -> 174 minutes; null passes through (origin / terminus). */
function offset(hmm: string | null): number | null {
  if (hmm === null) return null;
  const match = /^(\d{1,2}):(\d{2})$/.exec(hmm);
  if (!match) throw new Error(`bad offset "${hmm}"`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** One call: station code, arrival offset, departure offset, km from origin, platform. */
export function stop(station: string, arrival: string | null, departure: string | null, km: number, platform: string): SeedStop {
  return {
    station,
    arrivalOffsetMinutes: offset(arrival),
    departureOffsetMinutes: offset(departure),
    distanceKm: km,
    platform,
  };
}

/** A composition from [label, coach type code] pairs, positions 1..n in the order given. */
export function composition(...coaches: [string, string][]): SeedCoach[] {
  return coaches.map(([label, coachType]) => ({ label, coachType }));
}

/**
 * Reverses a route for the return working: distances are measured from the new origin, and the
 * running times between calls and the dwell at each call are those of the forward working.
 */
export function reverseStops(stops: SeedStop[]): SeedStop[] {
  const last = stops[stops.length - 1];
  if (!last) return [];
  const reversed = [...stops].reverse();
  const result: SeedStop[] = [];
  let clockMinutes = 0;
  reversed.forEach((current, index) => {
    const previous = reversed[index - 1];
    if (previous) {
      // Running time between the two calls, measured in the forward direction.
      const run = (previous.arrivalOffsetMinutes ?? 0) - (current.departureOffsetMinutes ?? 0);
      clockMinutes += run;
    }
    const isOrigin = index === 0;
    const isTerminus = index === reversed.length - 1;
    const arrival = isOrigin ? null : clockMinutes;
    if (!isOrigin && !isTerminus) {
      clockMinutes += (current.departureOffsetMinutes ?? 0) - (current.arrivalOffsetMinutes ?? 0);
    }
    result.push({
      station: current.station,
      arrivalOffsetMinutes: arrival,
      departureOffsetMinutes: isTerminus ? null : clockMinutes,
      distanceKm: last.distanceKm - current.distanceKm,
      platform: current.platform,
    });
  });
  return result;
}

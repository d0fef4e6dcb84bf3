// Clock times as an operator types them <-> the offsets TrainStop stores.
//
// docs/decisions/009-train-timetable-entry.md: each stop's times are entered on that station's own
// clock ("07:45", with a day: the service date or 1-3 days later), as printed timetables show
// them. Stored are minutes after the origin departure (docs/decisions/007), so a clock time at a
// station in another zone is moved onto the origin's clock first, by the difference between the two
// zones at a reference moment (the origin departure on a reference date, normally today).
// Pure and Prisma-free, so it can be tested without a database.
import { tzOffset } from "@date-fns/tz";
import { validationError, type FieldErrors } from "@/lib/errors";
import { departureInstant } from "@/lib/services/service-calendar";
import { CLOCK_PATTERN } from "@/lib/schemas/admin-train";

const DAY = 1440;
/** Longest run a timetable may describe; longer is a typo in a day field. */
export const MAX_RUN_MINUTES = 4 * DAY;

export interface StopClockEntry {
  arrivalTime?: string;
  arrivalDay: number;
  departureTime?: string;
  departureDay: number;
}

export interface StopOffsets {
  arrivalOffsetMinutes: number | null;
  departureOffsetMinutes: number | null;
}

export interface Timetable {
  /** Origin departure, minutes after local midnight at the origin (Train.originDepartureMinutes). */
  originDepartureMinutes: number;
  stops: StopOffsets[];
}

function clockMinutes(time: string): number {
  const match = CLOCK_PATTERN.exec(time);
  if (!match) throw new RangeError(`not a clock time: "${time}"`);
  return Number(match[1]) * 60 + Number(match[2]);
}

export function formatClock(minutes: number): string {
  const m = ((minutes % DAY) + DAY) % DAY;
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}

/** Minutes the station's clock runs ahead of the origin's (negative when behind) at `at`. */
function zoneShift(stationZone: string, originZone: string, at: Date): number {
  return tzOffset(stationZone, at) - tzOffset(originZone, at);
}

function referenceInstant(originDepartureMinutes: number, originZone: string, referenceDate: string): Date {
  return departureInstant(referenceDate, originDepartureMinutes, originZone);
}

/**
 * The offsets for a route whose times were typed as local clock times. Throws VALIDATION_FAILED
 * with errors at "stops.N.arrivalTime" / "stops.N.departureTime" when the times do not run forward:
 * each arrival after the previous departure, each departure not before its own arrival.
 * Which stops carry which times is the schema's job (lib/schemas/admin-train.ts).
 */
export function offsetsFromClockTimes(stops: StopClockEntry[], zones: string[], referenceDate: string): Timetable {
  const origin = stops[0];
  const originZone = zones[0];
  if (!origin?.departureTime || !originZone) throw validationError({ "stops.0.departureTime": ["Enter the departure time."] });
  const originDepartureMinutes = clockMinutes(origin.departureTime);
  const at = referenceInstant(originDepartureMinutes, originZone, referenceDate);

  const errors: FieldErrors = {};
  const out: StopOffsets[] = [];
  let previous = { offset: 0, label: `${origin.departureTime} at stop 1` };
  stops.forEach((stop, i) => {
    const shift = zoneShift(zones[i] ?? originZone, originZone, at);
    const toOffset = (time: string | undefined, day: number) =>
      time === undefined ? null : day * DAY + clockMinutes(time) - shift - originDepartureMinutes;
    const arrival = i === 0 ? null : toOffset(stop.arrivalTime, stop.arrivalDay);
    const departure = i === 0 ? 0 : toOffset(stop.departureTime, stop.departureDay);

    if (arrival !== null) {
      if (arrival <= previous.offset) {
        (errors[`stops.${i}.arrivalTime`] ??= []).push(
          `Must be after the previous departure (${previous.label}). If the train runs past midnight, choose the next day.`,
        );
      } else if (arrival > MAX_RUN_MINUTES) {
        (errors[`stops.${i}.arrivalDay`] ??= []).push("That is more than 4 days after the train leaves; check the day.");
      }
    }
    if (departure !== null && arrival !== null && departure < arrival) {
      (errors[`stops.${i}.departureTime`] ??= []).push("Must not be before the arrival at this stop. Past midnight? Choose the next day.");
    }
    if (departure !== null && departure > MAX_RUN_MINUTES) {
      (errors[`stops.${i}.departureDay`] ??= []).push("That is more than 4 days after the train leaves; check the day.");
    }
    const last = departure ?? arrival;
    if (last !== null && last > previous.offset) {
      const time = departure !== null ? stop.departureTime : stop.arrivalTime;
      previous = { offset: last, label: `${time} at stop ${i + 1}` };
    }
    out.push({ arrivalOffsetMinutes: arrival, departureOffsetMinutes: departure });
  });
  if (Object.keys(errors).length > 0) throw validationError(errors, "Some times do not run forward along the route.");
  return { originDepartureMinutes, stops: out };
}

export interface StopClock {
  arrivalTime: string;
  arrivalDay: number;
  departureTime: string;
  departureDay: number;
}

/** The reverse, for filling the edit form: stored offsets as each station's clock times and days. */
export function clockTimesFromOffsets(timetable: Timetable, zones: string[], referenceDate: string): StopClock[] {
  const originZone = zones[0] ?? "UTC";
  const at = referenceInstant(timetable.originDepartureMinutes, originZone, referenceDate);
  return timetable.stops.map((stop, i) => {
    const shift = zoneShift(zones[i] ?? originZone, originZone, at);
    const local = (offset: number | null) => {
      if (offset === null) return { time: "", day: 0 };
      const minutes = timetable.originDepartureMinutes + offset + shift;
      return { time: formatClock(minutes), day: Math.floor(minutes / DAY) };
    };
    const arrival = local(stop.arrivalOffsetMinutes);
    const departure = local(stop.departureOffsetMinutes);
    return { arrivalTime: arrival.time, arrivalDay: arrival.day, departureTime: departure.time, departureDay: departure.day };
  });
}

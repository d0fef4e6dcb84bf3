// Calendar arithmetic for services: plain ISO dates ("2026-10-25") and the origin's local clock.
// Zone conversion is delegated to @date-fns/tz (IANA rules), never done by hand.
import { TZDate } from "@date-fns/tz";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function parts(isoDate: string): [number, number, number] {
  const match = ISO_DATE.exec(isoDate);
  if (!match) throw new RangeError(`expected a date as YYYY-MM-DD, got "${isoDate}"`);
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Round-trip through UTC to reject dates such as 2026-02-30.
  const check = new Date(Date.UTC(y, m - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) {
    throw new RangeError(`"${isoDate}" is not a calendar date`);
  }
  return [y, m, d];
}

export function isIsoDate(value: string): boolean {
  try {
    parts(value);
    return true;
  } catch {
    return false;
  }
}

/** The calendar date `days` after `isoDate` (negative goes back). */
export function addDaysIso(isoDate: string, days: number): string {
  const [y, m, d] = parts(isoDate);
  return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysFromTo(from: string, to: string): number {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / DAY_MS);
}

/** ISO weekday of a calendar date: 1 = Monday .. 7 = Sunday (a date has no zone). */
export function isoWeekday(isoDate: string): number {
  const [y, m, d] = parts(isoDate);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay() || 7;
}

/** Every date from `from` to `to`, both included. */
export function datesBetween(from: string, to: string): string[] {
  const count = daysFromTo(from, to) + 1;
  return Array.from({ length: Math.max(0, count) }, (_, i) => addDaysIso(from, i));
}

/**
 * The instant a train leaves its origin on `serviceDate`: the wall-clock time `minutes` after local
 * midnight in `timeZone`. Minutes past 1440 run into the next day's wall clock (a service dated the
 * 1st leaving at 00:10 on the 2nd), which is how timetables write late departures.
 * Across DST the wall clock is kept (23:30 stays 23:30, so the UTC instant moves by an hour). A
 * time inside the spring-forward gap moves forward by the gap (02:30 becomes 03:30); a time in the
 * repeated autumn hour resolves to its later, standard-time occurrence.
 */
export function departureInstant(serviceDate: string, minutes: number, timeZone: string): Date {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes >= 2 * 1440) {
    throw new RangeError(`departure minutes must be a whole number in [0, 2880), got ${minutes}`);
  }
  const [y, m, d] = parts(serviceDate);
  return new Date(new TZDate(y, m - 1, d, 0, minutes, 0, timeZone).getTime());
}

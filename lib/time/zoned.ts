// Times are stored in UTC and shown in the station's own zone. Prisma-free: client components use it.
import { TZDate } from "@date-fns/tz";
import { addDays, format, formatISO } from "date-fns";

/** ISO 8601 with the zone's offset, e.g. "2026-11-23T06:15:00+01:00" (the API's time format). */
export function isoInZone(instant: Date, timeZone: string): string {
  return formatISO(new TZDate(instant.getTime(), timeZone));
}

/** "06:15" on the station's clock. */
export function clockInZone(instant: Date, timeZone: string): string {
  return format(new TZDate(instant.getTime(), timeZone), "HH:mm");
}

/** "2026-11-23": the calendar date at that instant on the station's clock. */
export function dateInZone(instant: Date, timeZone: string): string {
  return format(new TZDate(instant.getTime(), timeZone), "yyyy-MM-dd");
}

/** The UTC instants bounding a local calendar day in a zone (23 or 25 hours long on DST days). */
export function dayBoundsInZone(isoDate: string, timeZone: string): { start: Date; end: Date } {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  const start = new TZDate(y, m - 1, d, 0, 0, 0, timeZone);
  const end = addDays(start, 1);
  return { start: new Date(start.getTime()), end: new Date(end.getTime()) };
}

/** "Mon 23 Nov 2026" for a plain ISO date. */
export function longDateLabel(isoDate: string): string {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  return format(new Date(y, m - 1, d), "EEE d MMM yyyy");
}

export function todayInZone(timeZone: string, now = new Date()): string {
  return dateInZone(now, timeZone);
}

/** Whole days between two ISO dates (b - a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${m} min`;
}

// Filters on search results: by class offered and by time of day at the boarding station.
// Pure and Prisma-free, so the results page, the API and tests share one definition.
import { TIMES_OF_DAY, type TimeOfDay } from "@/lib/schemas/search";

export interface FilterableOffer {
  departure: string; // ISO 8601 with the boarding station's offset: its local clock is in the text
  classes: { class: string }[];
}

/** Minutes after local midnight, read from the offset-carrying ISO string (no zone maths needed). */
export function localMinutes(isoWithOffset: string): number {
  const match = /T(\d{2}):(\d{2})/.exec(isoWithOffset);
  if (!match) throw new RangeError(`Not an ISO date-time: ${isoWithOffset}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

export function inTimeOfDay(isoWithOffset: string, time: TimeOfDay): boolean {
  const { from, to } = TIMES_OF_DAY[time];
  const m = localMinutes(isoWithOffset);
  return from < to ? m >= from && m < to : m >= from || m < to; // "night" wraps midnight
}

export function filterOffers<T extends FilterableOffer>(offers: T[], filters: { class?: string; time?: TimeOfDay }): T[] {
  return offers.filter(
    (o) => (!filters.class || o.classes.some((c) => c.class === filters.class)) && (!filters.time || inTimeOfDay(o.departure, filters.time)),
  );
}

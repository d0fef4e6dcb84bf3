// Dates as people write them in a question: 2026-12-24, "today", "tomorrow", "the day after
// tomorrow", a weekday ("on Friday", "next monday") and their Polish forms. A date means a calendar
// day on the boarding station's clock (search works that way, lib/search/search-services.ts), so
// "today" is read in that station's zone. Pure: tests give it `now`.
import { isoDate } from "@/lib/schemas/search";
import { todayInZone } from "@/lib/time/zoned";
import { normalizeForMatch } from "@/lib/schemas/search";
import { operatorTimeZone } from "@/lib/config";

const WEEKDAYS: [number, string[]][] = [
  [0, ["sunday", "sun", "niedziela", "niedziele"]],
  [1, ["monday", "mon", "poniedzialek"]],
  [2, ["tuesday", "tue", "tues", "wtorek"]],
  [3, ["wednesday", "wed", "sroda", "srode"]],
  [4, ["thursday", "thu", "thur", "thurs", "czwartek"]],
  [5, ["friday", "fri", "piatek"]],
  [6, ["saturday", "sat", "sobota", "sobote"]],
];

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

export interface ParsedDate {
  date: string;
  /** What the asker wrote, for "I read 'friday' as 2026-12-04". */
  said: string;
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function weekdayOf(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay();
}

/** The date a question names, or null when it names none (the caller then asks, or assumes today). */
export function parseDate(message: string, now = new Date(), timeZone = operatorTimeZone()): ParsedDate | null {
  const iso = message.match(/\b(\d{4}-\d{2}-\d{2})\b/);
  if (iso && isoDate.safeParse(iso[1]).success) return { date: iso[1]!, said: iso[1]! };

  const text = normalizeForMatch(message);
  const today = todayInZone(timeZone, now);
  if (/\b(day after tomorrow|pojutrze)\b/.test(text)) return { date: addDays(today, 2), said: "the day after tomorrow" };
  if (/\b(tomorrow|tmrw|jutro)\b/.test(text)) return { date: addDays(today, 1), said: "tomorrow" };
  if (/\b(today|tonight|this (morning|afternoon|evening)|dzis|dzisiaj)\b/.test(text)) return { date: today, said: "today" };

  // "24 december", "dec 24", "24.12" (this year, or next year once that day has passed).
  let day: number | null = null;
  let month: number | null = null;
  for (const m of text.matchAll(/\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]{3})[a-z]*\b/g)) {
    if (MONTHS.includes(m[2]!)) [day, month] = [Number(m[1]), MONTHS.indexOf(m[2]!) + 1];
  }
  for (const m of day === null ? text.matchAll(/\b([a-z]{3})[a-z]*\s+(\d{1,2})(?:st|nd|rd|th)?\b/g) : []) {
    if (MONTHS.includes(m[1]!)) [day, month] = [Number(m[2]), MONTHS.indexOf(m[1]!) + 1];
  }
  const dotted = day === null ? text.match(/\b(\d{1,2})\.(\d{1,2})\b/) : null;
  if (dotted) [day, month] = [Number(dotted[1]), Number(dotted[2])];
  if (day !== null && month !== null && month >= 1 && month <= 12) {
    const year = Number(today.slice(0, 4));
    for (const y of [year, year + 1]) {
      const candidate = `${y}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
      if (isoDate.safeParse(candidate).success && candidate >= today) return { date: candidate, said: candidate };
    }
  }

  for (const [weekday, names] of WEEKDAYS) {
    const found = names.map((n) => text.match(new RegExp(`\\b(next\\s+)?${n}\\b`))).find(Boolean);
    if (!found) continue;
    // "friday" is the coming one (today when today is a Friday); "next friday" is a week after that when today is one.
    let ahead = (weekday - weekdayOf(today) + 7) % 7;
    if (found[1] && ahead === 0) ahead = 7;
    return { date: addDays(today, ahead), said: found[0] };
  }
  return null;
}

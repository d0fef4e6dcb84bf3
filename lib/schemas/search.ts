// Search input, shared by the search form, the results page and GET /api/v1/search. Prisma-free.
import { z } from "zod";

export const stationCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{2,8}$/, "Choose a station from the list.");

/** Dates RailBook reasons about; outside them is a typo (or a probe), and PostgreSQL refuses year 0. */
export const YEAR_MIN = 1900;
export const YEAR_MAX = 2100;

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-12-24.")
  .refine((s) => {
    const year = Number(s.slice(0, 4));
    return year >= YEAR_MIN && year <= YEAR_MAX;
  }, { error: `Use a year from ${YEAR_MIN} to ${YEAR_MAX}.`, abort: true })
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), "That date does not exist.");

/** Parts of the day by departure time at the boarding station (its local clock). */
export const TIMES_OF_DAY = {
  morning: { label: "Morning (05:00–12:00)", from: 5 * 60, to: 12 * 60 },
  afternoon: { label: "Afternoon (12:00–17:00)", from: 12 * 60, to: 17 * 60 },
  evening: { label: "Evening (17:00–22:00)", from: 17 * 60, to: 22 * 60 },
  night: { label: "Night (22:00–05:00)", from: 22 * 60, to: 5 * 60 },
} as const;
export type TimeOfDay = keyof typeof TIMES_OF_DAY;

export const searchQuerySchema = z
  .object({
    from: stationCode,
    to: stationCode,
    date: isoDate,
    passengers: z.coerce.number().int().min(1, "At least 1 passenger.").max(6, "At most 6 passengers per booking.").default(1),
    /** Only services offering this class (e.g. SLEEPER). */
    class: z.string().trim().toUpperCase().regex(/^[A-Z0-9_]{2,20}$/, "Use a class code like SECOND.").optional(),
    time: z.enum(Object.keys(TIMES_OF_DAY) as [TimeOfDay, ...TimeOfDay[]], { error: "Choose morning, afternoon, evening or night." }).optional(),
  })
  .refine((q) => q.from !== q.to, { message: "Departure and arrival stations must differ.", path: ["to"] });

export type SearchQuery = z.infer<typeof searchQuerySchema>;

export interface StationOption {
  code: string;
  name: string;
  city: string;
}

/** Diacritics-insensitive matching: "Gdansk", "gdańsk" and "GDG" all find Gdańsk Główny. */
export function normalizeForMatch(text: string): string {
  return text
    .toLowerCase()
    .replace(/ł/g, "l")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "");
}

export function matchStations(stations: StationOption[], query: string, limit = 8): StationOption[] {
  const q = normalizeForMatch(query.trim());
  if (!q) return stations.slice(0, limit);
  const scored: { station: StationOption; score: number }[] = [];
  for (const station of stations) {
    const name = normalizeForMatch(station.name);
    const city = normalizeForMatch(station.city);
    const code = station.code.toLowerCase();
    let score = -1;
    if (code === q) score = 0;
    else if (name.startsWith(q)) score = 1;
    else if (city.startsWith(q)) score = 2;
    else if (name.split(/[\s-]+/).some((w) => w.startsWith(q))) score = 3;
    else if (name.includes(q)) score = 4;
    if (score >= 0) scored.push({ station, score });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.station.name.localeCompare(b.station.name, "pl"))
    .slice(0, limit)
    .map((s) => s.station);
}

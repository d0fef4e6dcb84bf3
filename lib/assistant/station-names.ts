// Finding stations in a question: by full name, by city (its main station), by code (typed in
// capitals, so "TO" or "sop" in a sentence is not a station) and by the names people use in other
// languages ("Warsaw", "Cracow", "Lwów"). With or without Polish letters: everything is compared
// after normalizeForMatch ("Łódź" and "lodz" are one). A word may carry a short Polish ending
// ("z Gdańska do Krakowa"). Pure: the station list comes in.
import { normalizeForMatch, type StationOption } from "@/lib/schemas/search";

/** Other names of places, normalized, to the normalized name the network uses. */
const ALIASES: Record<string, string> = {
  warsaw: "warszawa",
  warschau: "warszawa",
  cracow: "krakow",
  krakau: "krakow",
  danzig: "gdansk",
  gdingen: "gdynia",
  posen: "poznan",
  breslau: "wroclaw",
  stettin: "szczecin",
  bromberg: "bydgoszcz",
  thorn: "torun",
  kattowitz: "katowice",
  wilno: "vilnius",
  vilna: "vilnius",
  kowno: "kaunas",
  lwow: "lviv",
  lvov: "lviv",
  lemberg: "lviv",
  lwiw: "lviv",
  "warszawa central": "warszawa centralna",
  "warszawa east": "warszawa wschodnia",
  "gdansk main": "gdansk glowny",
  "krakow main": "krakow glowny",
  "poznan main": "poznan glowny",
  "wroclaw main": "wroclaw glowny",
};

/** The main station of a city with several: the one called "Główny/Główna" or "Centralna". */
const MAIN_STATION = /\b(glown[aey]|centraln[aey])\b/;
const ENDING = "[a-z]{0,3}";

export interface StationMention {
  station: StationOption;
  /** Where in the normalized question it was found, for telling "from" from "to". */
  index: number;
  end: number;
}

/** The question as stations are matched against it: normalized, other names replaced by ours. */
export function normalizeQuestion(message: string): string {
  let text = ` ${normalizeForMatch(message).replace(/[^a-z0-9]+/g, " ")} `;
  // Other names of places first, then the phrases written with our names ("warsaw east" -> "warszawa east" -> "warszawa wschodnia").
  const words = (phrase: string) => phrase.split(" ").length;
  for (const [alias, ours] of Object.entries(ALIASES).sort((a, b) => words(a[0]) - words(b[0]))) {
    text = text.replace(new RegExp(`(?<= )${alias}(?= )`, "g"), ours);
  }
  return text;
}

function phrasePattern(phrase: string): RegExp {
  const words = phrase.split(" ").filter(Boolean);
  const body = words.map((w, i) => (i === words.length - 1 ? `${w}${ENDING}` : w)).join(" ");
  return new RegExp(`(?<= )${body}(?= )`, "g");
}

/** Every station the question names, in the order they appear, overlapping mentions resolved longest first. */
export function findStations(message: string, stations: StationOption[]): StationMention[] {
  const text = normalizeQuestion(message);
  const candidates: { station: StationOption; index: number; end: number; weight: number }[] = [];
  const byCity = new Map<string, StationOption[]>();
  for (const s of stations) {
    const city = normalizeForMatch(s.city);
    byCity.set(city, [...(byCity.get(city) ?? []), s]);
  }
  for (const s of stations) {
    for (const m of text.matchAll(phrasePattern(normalizeForMatch(s.name)))) candidates.push({ station: s, index: m.index, end: m.index + m[0].length, weight: 2 });
  }
  for (const [city, inCity] of byCity) {
    const main = inCity.length === 1 ? inCity[0]! : (inCity.find((s) => MAIN_STATION.test(normalizeForMatch(s.name))) ?? inCity.find((s) => normalizeForMatch(s.name) === city) ?? inCity[0]!);
    for (const m of text.matchAll(phrasePattern(city))) candidates.push({ station: main, index: m.index, end: m.index + m[0].length, weight: 1 });
  }
  // Codes only as typed in capitals, in the original text.
  const codes = new Map(stations.map((s) => [s.code, s]));
  for (const m of message.matchAll(/\b[A-Z0-9]{2,8}\b/g)) {
    const s = codes.get(m[0]);
    const at = s ? text.indexOf(` ${m[0].toLowerCase()} `) : -1;
    if (s && at >= 0) candidates.push({ station: s, index: at + 1, end: at + 1 + m[0].length, weight: 0 });
  }

  // Longest (then most specific) first; a mention inside one already taken is part of it.
  candidates.sort((a, b) => b.end - b.index - (a.end - a.index) || b.weight - a.weight);
  const taken: StationMention[] = [];
  for (const c of candidates) {
    if (taken.some((t) => c.index < t.end && t.index < c.end)) continue;
    taken.push({ station: c.station, index: c.index, end: c.end });
  }
  return dedupe(taken.sort((a, b) => a.index - b.index));
}

function dedupe(mentions: StationMention[]): StationMention[] {
  const seen = new Set<string>();
  return mentions.filter((m) => {
    const key = `${m.station.code}@${m.index}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** "from X to Y", "X to Y", "between X and Y", "to Y from X": the journey a question asks about. */
export function journeyOf(message: string, stations: StationOption[]): { from?: StationOption; to?: StationOption } {
  const mentions = findStations(message, stations);
  if (mentions.length === 0) return {};
  const text = normalizeQuestion(message);
  const before = (m: StationMention) => text.slice(Math.max(0, m.index - 12), m.index);
  let from = mentions.find((m) => /\b(from|z|ze|od|departing|leaving)\s+$/.test(before(m)));
  let to = mentions.find((m) => m !== from && /\b(to|do|towards|into|for|arriving( at| in)?|until)\s+$/.test(before(m)));
  const rest = mentions.filter((m) => m !== from && m !== to && m.station.code !== from?.station.code && m.station.code !== to?.station.code);
  from ??= rest.shift();
  to ??= rest.find((m) => m.station.code !== from?.station.code);
  return { from: from?.station, to: to?.station };
}

/** One station named by a tool argument ("Gdańsk", "gdansk glowny", "GDG"), or null. */
export function stationNamed(name: string, stations: StationOption[]): StationOption | null {
  const byCode = stations.find((s) => s.code === name.trim().toUpperCase());
  if (byCode) return byCode;
  return findStations(name, stations)[0]?.station ?? null;
}

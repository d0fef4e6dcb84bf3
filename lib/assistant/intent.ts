// The built-in answerer's understanding of a question: which kind it is and the slots it fills
// (stations, date, train number, coach and seat, PNR). Deterministic keyword and pattern rules over
// the normalized question, in a fixed order of precedence; privacy comes first, so "who booked seat
// 12" is refused before anything looks the seat up. Pure: the station and train lists come in.
import { isPnr } from "@/lib/booking/pnr";
import { normalizeForMatch, type StationOption } from "@/lib/schemas/search";
import { parseDate, type ParsedDate } from "@/lib/assistant/dates";
import { journeyOf } from "@/lib/assistant/station-names";
import type { PolicyTopic } from "@/lib/assistant/policy-topics";

export type Intent =
  | { kind: "who-holds" }
  | { kind: "action"; action: "book" | "pay" | "cancel"; pnr: string | null }
  | { kind: "refund"; pnr: string | null }
  | { kind: "waitlist"; pnr: string | null }
  | { kind: "booking"; pnr: string | null }
  | { kind: "seat"; trainNumber: string | null; coach: string | null; seat: number | null; date: ParsedDate | null; from?: StationOption; to?: StationOption }
  | { kind: "trains"; date: ParsedDate | null; from?: StationOption; to?: StationOption; trainNumber: string | null }
  | { kind: "policy"; topic: PolicyTopic }
  | { kind: "help" }
  | { kind: "unknown" };

export interface ParseContext {
  stations: StationOption[];
  trainNumbers: string[];
  now?: Date;
}

/** A PNR as typed: ten characters of the PNR alphabet, in capitals or with a digit (so "departures" is not one). */
export function findPnr(message: string): string | null {
  for (const m of message.matchAll(/\b[A-Za-z0-9]{10}\b/g)) {
    const raw = m[0];
    if ((raw === raw.toUpperCase() || /\d/.test(raw)) && isPnr(raw.toUpperCase())) return raw.toUpperCase();
  }
  return null;
}

/** A train number of the network ("EIC 5300", "eic5300", "TLK-53170"), or null. */
export function findTrainNumber(message: string, trainNumbers: string[]): string | null {
  const squeezed = message.toUpperCase().replace(/[\s-]+/g, "");
  const longestFirst = [...trainNumbers].sort((a, b) => b.length - a.length);
  for (const number of longestFirst) {
    const parts = number.toUpperCase().split(/[\s-]+/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    if (new RegExp(`(^|[^A-Z0-9])${parts.join("[\\s-]*")}($|[^A-Z0-9])`, "i").test(message) && squeezed.includes(parts.join(""))) return number;
  }
  return null;
}

const COACH = /\b(?:coach|car|carriage|wagon|wagonie)\s*(?:no\.?|number|nr\.?|#)?\s*([a-z]?\d{1,3}[a-z]?)\b/;
const SEAT = /\b(?:seat|berth|place|miejsce|bed|couchette)\s*(?:no\.?|number|nr\.?|#)?\s*(\d{1,3})\b/;
const SLASHED = /\b(\d{1,3})\s*\/\s*(\d{1,3})\b/;

export function findCoachAndSeat(message: string): { coach: string | null; seat: number | null } {
  const text = normalizeForMatch(message);
  const coach = text.match(COACH)?.[1]?.toUpperCase() ?? null;
  const seat = text.match(SEAT)?.[1];
  if (seat) return { coach, seat: Number(seat) };
  const slashed = text.match(SLASHED);
  if (slashed && !coach) return { coach: slashed[1]!, seat: Number(slashed[2]) };
  return { coach, seat: null };
}

const has = (text: string, re: RegExp) => re.test(text);

function policyTopic(text: string): PolicyTopic | null {
  if (has(text, /\b(chart|charting|charted)\b/)) return "chart";
  if (has(text, /\b(waiting ?list|wait ?list|waitlist(ed)?|queue)\b/)) return "waitlist";
  if (has(text, /\b(refunds?|refunded|money back|get back|reimburs\w*)\b/)) return "refunds";
  if (has(text, /\b(cancel\w*|annul\w*)\b/)) return "cancellation";
  if (has(text, /\b(pay|paying|payment|payments|card|cards|paid)\b/)) return "payment";
  if (has(text, /\b(holds?|held|hold time|reserv\w*|how long)\b/)) return "holds";
  return null;
}

export function parseIntent(message: string, context: ParseContext): Intent {
  const text = normalizeForMatch(message).replace(/\s+/g, " ");
  const pnr = findPnr(message);
  const { coach, seat } = findCoachAndSeat(message);
  const trainNumber = findTrainNumber(message, context.trainNumbers);
  const asksHow = has(text, /\b(how|what happens|what is|what are|explain|rules?|policy|when does|when do|when is|can i|do i|is there|does)\b/);
  const mine = has(text, /\b(my|mine|i|me|our)\b/);

  // Privacy first: who holds a seat, or anything about another person, is never looked up.
  const aboutSomeone = has(text, /\b(whose|who|who's|kto|czyje?)\b/) || has(text, /\b(name|names|identity|email|phone|details)\b.*\b(passenger|person|traveller|traveler|holder|occupant)\b/);
  if (aboutSomeone && has(text, /\b(seats?|berths?|places?|miejsc\w*|booked|booking|reserved|reservation|holds?|holding|held|sitting|sits?|sat|took|taken|bought|passengers?|pnr|ticket|occupant|travell?ing)\b/)) {
    return { kind: "who-holds" };
  }

  // Requests to act: the assistant never books, pays or cancels; it links to the page that does.
  if (!asksHow && has(text, /^(please )?(cancel|annul)\b|\b(cancel|annul) (it|this|that|my|the booking|booking|ticket)\b/) && !has(text, /\b(if|would|refund|get back|money)\b/)) {
    return { kind: "action", action: "cancel", pnr };
  }
  if (!asksHow && has(text, /^(please )?pay\b|\b(pay for (it|this|my|booking|the booking)|charge my card)\b/)) return { kind: "action", action: "pay", pnr };
  if (!asksHow && has(text, /^(please )?(book|reserve|buy|get) (me|us|a|an|two|three|\d)\b|\b(book|reserve|buy) (it|this|that|me|us) ?(for me|a seat|a ticket|tickets)?\b/)) {
    return { kind: "action", action: "book", pnr };
  }

  if ((pnr || mine) && has(text, /\b(refunds?|money back|get back|if i cancel\w*|cancelled now|cancel(led)? (it )?now|would i get|how much back)\b/)) {
    if (pnr || !asksHow || has(text, /\bwould i|if i cancel|how much\b/)) return { kind: "refund", pnr };
  }
  if ((pnr || mine) && has(text, /\b(waiting ?list|wait ?list|waitlist(ed)?|queue)\b/) && has(text, /\b(position|place|where|number|ahead|front|how many|stand|am i|rank)\b/)) {
    return { kind: "waitlist", pnr };
  }
  if (pnr) return { kind: "booking", pnr };
  if (mine && has(text, /\b(my (booking|bookings|ticket|tickets|trip|journey|reservation|train|seats?)|platform|status)\b/) && !asksHow) return { kind: "booking", pnr: null };

  const date = parseDate(message, context.now);
  const journey = journeyOf(message, context.stations);
  if (seat !== null || (coach !== null && has(text, /\b(free|available|taken|empty|vacant|occupied|booked|sold)\b/))) {
    return { kind: "seat", trainNumber, coach, seat, date, ...journey };
  }
  if (journey.from || journey.to || trainNumber || has(text, /\b(trains?|connections?|departures?|services?|timetable|schedule|journeys?|routes?|pociag\w*)\b/)) {
    const topic = policyTopic(text);
    if (topic && asksHow && !journey.from && !journey.to && !trainNumber) return { kind: "policy", topic };
    return { kind: "trains", date, trainNumber, ...journey };
  }
  const topic = policyTopic(text);
  if (topic) return { kind: "policy", topic };
  if (has(text, /^(hi|hello|hey|help|czesc|dzien dobry)\b|\bwhat can you\b|\bwhat do you\b/)) return { kind: "help" };
  return { kind: "unknown" };
}

// Reading a number an operator typed, as people in each locale write it: "15,00" and "15.00" are
// both fifteen in either language; "1 234,50" (pl) and "1,234.50" (en) group thousands. Digits
// are kept as text and turned into integer minor units without a float. A separator that could be
// read two ways ("1,234" in Polish, "1.234" in English) is refused, not guessed. Client-safe.
import type { Locale } from "@/lib/i18n/locales";

/** The marks each locale groups thousands with: spaces always, and a comma in English. */
const GROUPING: Record<Locale | "neutral", RegExp> = {
  neutral: /^\d{1,3}( \d{3})+$/,
  pl: /^\d{1,3}( \d{3})+$/,
  en: /^\d{1,3}(( \d{3})+|(,\d{3})+)$/,
};

export interface DecimalParts {
  whole: string;
  fraction: string;
}

/**
 * The digits before and after the decimal mark, or null for anything that is not a plain
 * non-negative decimal. The decimal mark is the last "." or ","; only in English may a comma
 * followed by exactly three digits group instead ("1,234" is 1234 there, refused in Polish).
 * Without a locale only spaces group.
 */
export function parseDecimal(text: string, locale?: Locale): DecimalParts | null {
  const s = text.trim().replace(/[\u00a0\u202f]/g, " ");
  if (!/^[\d., ]+$/.test(s)) return null;
  const markAt = Math.max(s.lastIndexOf("."), s.lastIndexOf(","));
  let whole = s;
  let fraction = "";
  const commaGroups = locale === "en" && s[markAt] === "," && /^,\d{3}$/.test(s.slice(markAt));
  if (markAt >= 0 && !commaGroups) {
    whole = s.slice(0, markAt);
    fraction = s.slice(markAt + 1);
    if (!/^\d+$/.test(fraction)) return null;
  }
  if (!/^\d+$/.test(whole) && !GROUPING[locale ?? "neutral"].test(whole)) return null;
  return { whole: whole.replace(/\D/g, "").replace(/^0+(?=\d)/, ""), fraction };
}

/** "15", "15,5", "1 234,50" -> 1500, 1550, 123450 minor units; null past 2 decimals or maxWholeDigits. */
export function parseMinorUnits(text: string, locale?: Locale, maxWholeDigits = 7): number | null {
  const parts = parseDecimal(text, locale);
  if (!parts || parts.fraction.length > 2 || parts.whole.length > maxWholeDigits) return null;
  return Number(parts.whole) * 100 + Number(parts.fraction.padEnd(2, "0"));
}

/** 1550 -> "15,50" (pl) or "15.50" (en): a stored amount put back into a form field, no grouping. */
export function minorUnitsToInput(minor: number, locale?: Locale): string {
  const mark = locale === "pl" ? "," : ".";
  return `${Math.floor(minor / 100)}${mark}${String(minor % 100).padStart(2, "0")}`;
}

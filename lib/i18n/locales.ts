// The languages RailBook speaks, and how the choice is carried. Prisma-free and server-free: client
// components import it. Polish is the default: it is the operator's home market (docs/decisions/048).
export const LOCALES = ["pl", "en"] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = "pl";

/** The remembered choice; read on every request, a year long, not httpOnly (nothing secret in it). */
export const LOCALE_COOKIE = "railbook_locale";
export const LOCALE_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

/**
 * The BCP 47 tag each locale formats with. English is British English: 24-hour clocks and
 * day-month-year, as a European operator prints them; "PLN 6,030.23" either way.
 */
export const INTL_TAG: Record<Locale, string> = { pl: "pl-PL", en: "en-GB" };

/** Each language's name in itself, as a language switcher shows it. */
export const LOCALE_NAMES: Record<Locale, string> = { pl: "Polski", en: "English" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

// Numbers, money, dates and times as each locale writes them. Times stay on the station's clock:
// every instant is formatted in the zone it is shown for (lib/time/zoned.ts holds the ISO forms).
// Client- and server-safe.
import { INTL_TAG, type Locale } from "@/lib/i18n/locales";

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function memo<F extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => F): F {
  let f = cache.get(key) as F | undefined;
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

/**
 * Polish CLDR leaves four-digit numbers ungrouped ("6030,23"); Polish typography and the operator's
 * own documents group them ("6 030,23 zł"), so grouping is always on.
 */
function numberOptions(options: Intl.NumberFormatOptions): Intl.NumberFormatOptions {
  return { useGrouping: "always", ...options } as Intl.NumberFormatOptions;
}

export function formatNumber(value: number, locale: Locale, options: Intl.NumberFormatOptions = {}): string {
  return memo(`n|${locale}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(INTL_TAG[locale], numberOptions(options))).format(value);
}

/** 603023 PLN -> "6 030,23 zł" (pl) or "PLN 6,030.23" (en); the spaces are non-breaking, as Intl writes them. */
export function formatMoneyIn(amountMinor: number, currency: string, locale: Locale): string {
  return memo(`m|${locale}|${currency}`, () => new Intl.NumberFormat(INTL_TAG[locale], numberOptions({ style: "currency", currency }))).format(amountMinor / 100);
}

function dateTime(locale: Locale, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return memo(`d|${locale}|${timeZone}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(INTL_TAG[locale], { timeZone, ...options }));
}

/** "06:15" on the station's clock, in both languages (24-hour). */
export function formatTime(instant: Date, timeZone: string, locale: Locale): string {
  return dateTime(locale, timeZone, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(instant);
}

/** "pon., 23 lis 2026" / "Mon, 23 Nov 2026": the calendar day at that instant on the station's clock. */
export function formatDate(instant: Date, timeZone: string, locale: Locale, style: "short" | "long" = "short"): string {
  const options: Intl.DateTimeFormatOptions =
    style === "long" ? { weekday: "long", day: "numeric", month: "long", year: "numeric" } : { weekday: "short", day: "numeric", month: "short", year: "numeric" };
  return dateTime(locale, timeZone, options).format(instant);
}

/** Date and time together, e.g. for a notification's "received" stamp. */
export function formatDateTime(instant: Date, timeZone: string, locale: Locale): string {
  return dateTime(locale, timeZone, { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(instant);
}

/** A plain calendar date ("2026-11-23", no instant, no zone) in words. */
export function formatIsoDate(isoDate: string, locale: Locale, style: "short" | "long" = "short"): string {
  return formatDate(new Date(`${isoDate}T12:00:00Z`), "UTC", locale, style);
}

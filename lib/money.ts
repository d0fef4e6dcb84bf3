// Money is integer minor units plus an ISO currency code; formatting happens only at the edge.
// With a locale it follows the reader's language (lib/i18n/format.ts: "6 030,23 zł", "PLN 6,030.23");
// without one, as before: złoty the Polish way, other currencies the British way.
import { formatMoneyIn } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";

export function formatMoney(amountMinor: number, currency: string, locale?: Locale): string {
  return formatMoneyIn(amountMinor, currency, locale ?? (currency === "PLN" ? "pl" : "en"));
}

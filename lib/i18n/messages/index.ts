// Both catalogs by locale. Each is a few kilobytes: the client gets its own locale's in full.
import type { Locale } from "@/lib/i18n/locales";
import { createTranslator, type MessageKey, type Shape, type Translate } from "@/lib/i18n/translator";
import { en } from "./en";
import { pl } from "./pl";

export type Messages = Shape<typeof en>;
export type Key = MessageKey<Messages>;
export type T = Translate<Messages>;

export const CATALOGS: Record<Locale, Messages> = { en, pl };

export function translator(locale: Locale): T {
  return createTranslator(locale, CATALOGS[locale]);
}

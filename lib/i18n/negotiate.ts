// Which language a request gets: the remembered choice (cookie) first, then the browser's
// Accept-Language by its q-values, then Polish. Pure, so the rules are tested without a server.
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/locales";

interface LanguageRange {
  tag: string;
  q: number;
}

/** RFC 9110 §12.5.4: "pl-PL,pl;q=0.9,en;q=0.8" -> ranges by preference; q=0 means "not this". */
export function parseAcceptLanguage(header: string | null | undefined): LanguageRange[] {
  if (!header) return [];
  const ranges: (LanguageRange & { order: number })[] = [];
  header.split(",").forEach((part, order) => {
    const [rawTag, ...params] = part.trim().split(";");
    const tag = rawTag?.trim().toLowerCase();
    if (!tag || !/^(\*|[a-z]{1,8}(-[a-z0-9]{1,8})*)$/.test(tag)) return;
    let q = 1;
    for (const param of params) {
      const [name, value] = param.split("=").map((s) => s.trim());
      if (name?.toLowerCase() !== "q") continue;
      const parsed = Number(value);
      q = /^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(value ?? "") ? parsed : 0;
    }
    if (q > 0) ranges.push({ tag, q, order });
  });
  // Stable: equal q-values keep the order the browser sent them in.
  return ranges.sort((a, b) => b.q - a.q || a.order - b.order).map(({ tag, q }) => ({ tag, q }));
}

/** The best supported locale the header asks for, or null when it names none of ours. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | null {
  for (const { tag } of parseAcceptLanguage(header)) {
    if (tag === "*") return DEFAULT_LOCALE;
    const primary = tag.split("-")[0];
    if (isLocale(primary)) return primary;
  }
  return null;
}

export function negotiateLocale(input: { cookie?: string | null; acceptLanguage?: string | null }): Locale {
  if (isLocale(input.cookie)) return input.cookie;
  return localeFromAcceptLanguage(input.acceptLanguage) ?? DEFAULT_LOCALE;
}

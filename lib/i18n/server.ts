// The request's language on the server: the remembered cookie, else Accept-Language, else Polish
// (lib/i18n/negotiate.ts). Once per request (React cache). A signed-in person's saved language
// reaches the cookie at sign-in (app/(auth)/actions.ts), so no page reads the database for it.
import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { LOCALE_COOKIE, type Locale } from "@/lib/i18n/locales";
import { negotiateLocale } from "@/lib/i18n/negotiate";
import { translator, type T } from "@/lib/i18n/messages";

export const getLocale = cache(async (): Promise<Locale> => {
  const [jar, head] = await Promise.all([cookies(), headers()]);
  return negotiateLocale({ cookie: jar.get(LOCALE_COOKIE)?.value, acceptLanguage: head.get("accept-language") });
});

export async function getT(): Promise<T> {
  return translator(await getLocale());
}

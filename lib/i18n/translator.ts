// A small typed message catalog on the platform's Intl (next-intl is not installed here and the
// shared node_modules may not change; docs/decisions/048). A message is a string with {name}
// placeholders, or a plural: one string per Intl.PluralRules category, "#" standing for the count.
// Keys are dotted paths checked by TypeScript: t("header.signIn"). Client- and server-safe.
import { INTL_TAG, type Locale } from "@/lib/i18n/locales";

export interface Plural {
  one?: string;
  few?: string;
  many?: string;
  other: string;
}

type Leaf = string | Plural;
export interface Catalog {
  [key: string]: Leaf | Catalog;
}

/** The catalog's shape with every text widened to string: another language must fill the same keys. */
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : T[K] extends Plural ? Plural : Shape<T[K]> };

/** "header.signIn" | "home.title" | ...: every leaf of a catalog, by its dotted path. */
export type MessageKey<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends Leaf ? `${P}${K}` : MessageKey<T[K], `${P}${K}.`>;
}[keyof T & string];

export type Vars = Record<string, string | number>;

function isPlural(value: unknown): value is Plural {
  return typeof value === "object" && value !== null && typeof (value as Plural).other === "string";
}

function lookup(catalog: Catalog, key: string): Leaf | undefined {
  let node: Leaf | Catalog | undefined = catalog;
  for (const part of key.split(".")) {
    if (node === undefined || typeof node === "string" || isPlural(node)) return undefined;
    node = (node as Catalog)[part];
  }
  return typeof node === "string" || isPlural(node) ? node : undefined;
}

export type Translate<T> = (key: MessageKey<T>, vars?: Vars) => string;

export function createTranslator<T extends Catalog>(locale: Locale, catalog: T): Translate<T> {
  const tag = INTL_TAG[locale];
  const plurals = new Intl.PluralRules(tag);
  const numbers = new Intl.NumberFormat(tag);
  const show = (value: string | number) => (typeof value === "number" ? numbers.format(value) : value);
  return (key, vars = {}) => {
    const message = lookup(catalog, key);
    // A missing text is a bug the type checker should have caught; show the key rather than nothing.
    if (message === undefined) return key;
    let text: string;
    if (isPlural(message)) {
      const count = Number(vars.count ?? 0);
      text = (message[plurals.select(count) as keyof Plural] ?? message.other).replace(/#/g, numbers.format(count));
    } else text = message;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? show(vars[name]!) : whole));
  };
}

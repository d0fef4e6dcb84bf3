import { describe, expect, it } from "vitest";
import { z } from "zod";
import { localeFromAcceptLanguage, negotiateLocale, parseAcceptLanguage } from "@/lib/i18n/negotiate";
import { formatDate, formatMoneyIn, formatNumber, formatTime } from "@/lib/i18n/format";
import { minorUnitsToInput, parseMinorUnits } from "@/lib/i18n/parse-number";
import { translator } from "@/lib/i18n/messages";
import { fareRateFormSchemaFor } from "@/lib/schemas/admin-pricing";

describe("choosing the language", () => {
  it("takes the remembered cookie over Accept-Language", () => {
    expect(negotiateLocale({ cookie: "en", acceptLanguage: "pl-PL,pl;q=0.9" })).toBe("en");
    expect(negotiateLocale({ cookie: "pl", acceptLanguage: "en-US,en;q=0.9" })).toBe("pl");
  });

  it("ignores a cookie naming no language of ours", () => {
    expect(negotiateLocale({ cookie: "de", acceptLanguage: "en-GB" })).toBe("en");
  });

  it("follows q-values, not the order written, and drops q=0", () => {
    expect(parseAcceptLanguage("de;q=0.5, en;q=0.8, pl")).toEqual([
      { tag: "pl", q: 1 },
      { tag: "en", q: 0.8 },
      { tag: "de", q: 0.5 },
    ]);
    expect(localeFromAcceptLanguage("de-DE, en;q=0.4, pl;q=0.7")).toBe("pl");
    expect(localeFromAcceptLanguage("pl;q=0, en;q=0.1")).toBe("en");
  });

  it("falls back to Polish, the operator's home market", () => {
    expect(negotiateLocale({ acceptLanguage: "de-DE,fr;q=0.8" })).toBe("pl");
    expect(negotiateLocale({ acceptLanguage: null })).toBe("pl");
    expect(negotiateLocale({ acceptLanguage: "garbage;;;q=x" })).toBe("pl");
  });
});

describe("formatting by locale", () => {
  it("writes money as each language does (Intl's non-breaking spaces)", () => {
    expect(formatMoneyIn(603023, "PLN", "pl")).toBe("6\u00a0030,23\u00a0zł");
    expect(formatMoneyIn(603023, "PLN", "en")).toBe("PLN\u00a06,030.23");
  });

  it("groups numbers and keeps times on the station's 24-hour clock", () => {
    expect(formatNumber(12345.5, "pl")).toBe("12\u00a0345,5");
    expect(formatNumber(12345.5, "en")).toBe("12,345.5");
    const instant = new Date("2026-11-23T05:15:00Z");
    expect(formatTime(instant, "Europe/Warsaw", "en")).toBe("06:15");
    expect(formatTime(instant, "Europe/Vilnius", "pl")).toBe("07:15");
    expect(formatDate(instant, "Europe/Warsaw", "en")).toBe("Mon, 23 Nov 2026");
    expect(formatDate(instant, "Europe/Warsaw", "pl")).toBe("pon., 23 lis 2026");
  });

  it("translates with placeholders and Polish plural forms", () => {
    expect(translator("pl")("notifications.unread", { count: 1 })).toBe("1 nieprzeczytane");
    expect(translator("pl")("notifications.unread", { count: 5 })).toBe("5 nieprzeczytanych");
    expect(translator("en")("notifications.unread", { count: 5 })).toBe("5 unread");
    expect(translator("en")("auth.passwordHint", { min: 12 })).toBe("At least 12 characters.");
  });
});

describe("amounts an operator types", () => {
  it("accepts 15,00 and 15.00 in both languages", () => {
    for (const locale of ["pl", "en"] as const) {
      expect(parseMinorUnits("15,00", locale)).toBe(1500);
      expect(parseMinorUnits("15.00", locale)).toBe(1500);
    }
  });

  it("reads each language's thousands and refuses what could be read two ways", () => {
    expect(parseMinorUnits("1 234,50", "pl")).toBe(123450);
    expect(parseMinorUnits("1\u00a0234,50", "pl")).toBe(123450);
    expect(parseMinorUnits("1,234.50", "en")).toBe(123450);
    expect(parseMinorUnits("1,234", "en")).toBe(123400);
    expect(parseMinorUnits("1,234", "pl")).toBeNull();
    expect(parseMinorUnits("1.234", "pl")).toBeNull();
    expect(parseMinorUnits("12 34", "pl")).toBeNull();
    expect(parseMinorUnits("-5", "en")).toBeNull();
    expect(parseMinorUnits("15,", "pl")).toBeNull();
  });

  it("puts stored amounts back as the language writes them", () => {
    expect(minorUnitsToInput(1550, "pl")).toBe("15,50");
    expect(minorUnitsToInput(1550, "en")).toBe("15.50");
  });

  it("the fare form's schema takes the operator's language", () => {
    const parse = (locale: "pl" | "en", base: string) => fareRateFormSchemaFor(locale).safeParse({ classCode: "second", base, perKm: "0,25", min: "10" });
    expect(parse("pl", "15,00").data).toEqual({ classCode: "SECOND", base: 1500, perKm: 25, min: 1000 });
    expect(parse("en", "1,015.00").data?.base).toBe(101500);
    expect(parse("pl", "1,015").success).toBe(false);
    expect(typeof z.string()).not.toBe("function"); // lib/action.ts tells a schema from a schema factory by this
  });
});

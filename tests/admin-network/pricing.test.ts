import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { currentFareRate, fareFor } from "@/lib/fares/fare";
import { rulesInForce } from "@/lib/booking/refund-policy";
import { serviceSummary } from "@/lib/services/service-summary";
import { changeFareRate } from "@/lib/admin/network/fares";
import { replaceRefundRules } from "@/lib/admin/network/refund-rules";
import { replaceExchangeRules } from "@/lib/admin/network/exchange-rules";
import { exchangeRuleFor } from "@/lib/booking/exchange";
import { exchangeRulesFormSchema, fareRateFormSchema, refundRulesFormSchema, parseMoneyMinor } from "@/lib/schemas/admin-pricing";
import { fieldErrorsFrom } from "@/lib/validation";
import { uniqueSuffix } from "../helpers/factories";
import { createNet } from "../booking/network";
import { bookSeat, ensureReferenceRows, testUser } from "./fixtures";

beforeAll(ensureReferenceRows);

describe("money fields", () => {
  it("parse to minor units from the digits", () => {
    expect([parseMoneyMinor("15"), parseMoneyMinor("15.5"), parseMoneyMinor("15,05"), parseMoneyMinor("0.29"), parseMoneyMinor("1.234")]).toEqual([1500, 1550, 1505, 29, null]);
  });

  it("say why an amount is refused: too many decimals, or too large", () => {
    const errors = (base: string) => {
      const result = fareRateFormSchema.safeParse({ classCode: "SECOND", base, perKm: "0.25", min: "10" });
      return result.success ? [] : result.error.issues.map((i) => i.message);
    };
    expect(errors("1.234")).toEqual(["Use an amount like 15.50 (at most 2 decimal places)."]);
    expect(errors("-5")).toEqual(["Use an amount like 15.50 (at most 2 decimal places)."]);
    expect(errors("99999999999")).toEqual(["Use an amount below 10000000."]);
    expect(errors("9999999.99")).toEqual([]);
  });
});

describe("changing a fare rate", () => {
  it("closes the old rate and opens the new one at the same instant; bookings keep what they were charged", async () => {
    // A class of this test's own, so no other test's prices move.
    const classCode = `FX${uniqueSuffix().slice(0, 6).toUpperCase()}`;
    const net = await createNet({ coaches: [{ label: "1", kind: "SEATED", classCode, size: 4 }] });
    const old = await db().fareRate.create({ data: { classCode, baseMinor: 1000, perKmMinor: 20, minMinor: 2000, currency: "PLN", validFrom: new Date("2024-01-01") } });
    const user = await testUser();
    const booking = await bookSeat(net.serviceId, net.seat("1", 1), 0, 2, { userId: user.id, totalMinor: fareFor(old, 250), classCode });
    expect(booking.totalMinor).toBe(6000);

    const now = new Date();
    const change = await changeFareRate({ classCode, base: 1500, perKm: 30, min: 2500 }, now);
    expect(change.changed).toBe(true);

    const rows = await db().fareRate.findMany({ where: { classCode }, orderBy: { validFrom: "asc" } });
    expect(rows.map((r) => [r.baseMinor, r.perKmMinor, r.validFrom.getTime(), r.validTo?.getTime() ?? null])).toEqual([
      [1000, 20, new Date("2024-01-01").getTime(), now.getTime()],
      [1500, 30, now.getTime(), null],
    ]);
    // What applied before the change still reads as it was; after it, the new rate.
    expect((await currentFareRate(db(), classCode, new Date(now.getTime() - 1)))?.id).toBe(old.id);
    expect((await currentFareRate(db(), classCode, now))?.id).toBe(change.rate.id);

    // A new quote for the same journey uses the new rate; the old booking's total is untouched.
    const summary = await serviceSummary(net.serviceId, net.codes[0], net.codes[2]);
    expect(summary.classes.find((c) => c.class === classCode)?.fare.amount).toBe(1500 + 30 * 250);
    expect((await db().booking.findUniqueOrThrow({ where: { id: booking.id } })).totalMinor).toBe(6000);
  });

  it("leaves history alone when nothing changed", async () => {
    const classCode = `FY${uniqueSuffix().slice(0, 6).toUpperCase()}`;
    await db().travelClass.create({ data: { code: classCode, name: "Test", sortOrder: 9 } });
    await changeFareRate({ classCode, base: 100, perKm: 1, min: 100 });
    const again = await changeFareRate({ classCode, base: 100, perKm: 1, min: 100 });
    expect(again.changed).toBe(false);
    expect(await db().fareRate.count({ where: { classCode } })).toBe(1);
  });
});

describe("refund rules", () => {
  // XTS is ISO 4217's code for testing: the passenger refund tests use PLN rules, untouched here.
  const currency = "XTS";

  it("rejects repeated thresholds and shares above 100 %", () => {
    const result = refundRulesFormSchema.safeParse({
      currency,
      "rules.0.minHoursBefore": "24", "rules.0.refundPercent": "90", "rules.0.fee": "10",
      "rules.1.minHoursBefore": "24", "rules.1.refundPercent": "101", "rules.1.fee": "0",
    });
    expect(result.success).toBe(false);
    const errors = fieldErrorsFrom(result.error!);
    expect(errors["rules.1.refundPercent"]).toEqual(["Enter a share from 0 to 100 (%)."]);
    // Thresholds are compared once every row parses.
    const repeated = fieldErrorsFrom(
      refundRulesFormSchema.safeParse({ currency, "rules.0.minHoursBefore": "24", "rules.0.refundPercent": "90", "rules.0.fee": "10", "rules.1.minHoursBefore": "24", "rules.1.refundPercent": "50", "rules.1.fee": "0" }).error!,
    );
    expect(repeated["rules.1.minHoursBefore"]?.[0]).toMatch(/already starts at 24 hours/);
  });

  it("closes changed and dropped rules, keeps unchanged ones, and opens new ones", async () => {
    const t0 = new Date(Date.now() - 60_000);
    const parse = (rules: [string, string, string][]) =>
      refundRulesFormSchema.parse({
        currency,
        ...Object.fromEntries(rules.flatMap(([h, p, f], i) => [[`rules.${i}.minHoursBefore`, h], [`rules.${i}.refundPercent`, p], [`rules.${i}.fee`, f]])),
      });
    await replaceRefundRules(parse([["48", "100", "10"], ["24", "90", "10"], ["0", "0", "0"]]), t0);
    const before = await rulesInForce(db(), currency, t0);
    const kept48 = before.find((r) => r.minHoursBefore === 48)!;

    const t1 = new Date();
    const change = await replaceRefundRules(parse([["48", "100", "10"], ["24", "75.5", "5"], ["6", "25", "0"]]), t1);
    expect(change).toEqual({ opened: 2, closed: 2, kept: 1 });

    const now = await rulesInForce(db(), currency, t1);
    expect(now.map((r) => [r.minHoursBefore, r.refundBasisPoints, r.feeMinor]).sort((a, b) => a[0]! - b[0]!)).toEqual([
      [6, 2500, 0],
      [24, 7550, 500],
      [48, 10_000, 1000],
    ]);
    expect(now.find((r) => r.minHoursBefore === 48)!.id).toBe(kept48.id);
    // What applied before the change is still there to read.
    const then = await rulesInForce(db(), currency, new Date(t1.getTime() - 1));
    expect(then.map((r) => [r.minHoursBefore, r.refundBasisPoints]).sort((a, b) => a[0]! - b[0]!)).toEqual([[0, 0], [24, 9000], [48, 10_000]]);
  });
});

describe("exchange rules", () => {
  const nok = "NOK";
  const parse = (rules: [string, string][]) =>
    exchangeRulesFormSchema.parse({ currency: nok, ...Object.fromEntries(rules.flatMap(([h, f], i) => [[`rules.${i}.minHoursBefore`, h], [`rules.${i}.fee`, f]])) });

  it("keeps history like refund rules, and the exchange reads the rule in force for the hours left", async () => {
    await db().exchangeRule.deleteMany({ where: { currency: nok } });
    const t0 = new Date(Date.now() - 60_000);
    expect(await replaceExchangeRules(parse([["24", "0"], ["2", "5,00"]]), t0)).toEqual({ opened: 2, closed: 0, kept: 0 });
    const t1 = new Date();
    expect(await replaceExchangeRules(parse([["24", "0"], ["6", "7.50"]]), t1)).toEqual({ opened: 1, closed: 1, kept: 1 });
    expect(await exchangeRuleFor(db(), nok, t1, 10)).toMatchObject({ minHoursBefore: 6, feeMinor: 750 });
    expect(await exchangeRuleFor(db(), nok, t1, 30)).toMatchObject({ minHoursBefore: 24, feeMinor: 0 });
    expect(await exchangeRuleFor(db(), nok, t1, 3)).toBeNull(); // the 2-hour rule was dropped
    expect(await exchangeRuleFor(db(), nok, new Date(t1.getTime() - 1), 3)).toMatchObject({ minHoursBefore: 2, feeMinor: 500 });
    const dup = exchangeRulesFormSchema.safeParse({ currency: nok, "rules.0.minHoursBefore": "6", "rules.0.fee": "1", "rules.1.minHoursBefore": "6", "rules.1.fee": "2" });
    expect(dup.success).toBe(false);
  });
});

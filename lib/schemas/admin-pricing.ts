// Operator forms for prices and pools: fare rates per class, refund rules, quota pools on a train
// and seat moves between pools on one service. Money is typed in major units as the operator's
// language writes it ("15,50", "15.50", "1 234,50"; lib/i18n/parse-number.ts) and parsed straight
// to integer minor units from the digits, never through a float. Prisma-free.
import { z } from "zod";
import { formInt, nestedForm } from "@/lib/schemas/form-nesting";
import type { Locale } from "@/lib/i18n/locales";
import { minorUnitsToInput, parseDecimal, parseMinorUnits } from "@/lib/i18n/parse-number";

/** "15", "15.5", "15,50" -> 1500, 1550, 1550 minor units; with a locale also its thousands ("1,234.50" in English). */
export function parseMoneyMinor(text: string, locale?: Locale): number | null {
  return parseMinorUnits(text, locale);
}

/** 1550 -> "15.50" ("15,50" in Polish): how a stored amount is put back into a money field. */
export function minorToInput(minor: number, locale?: Locale): string {
  return minorUnitsToInput(minor, locale);
}

function money(label: string, locale?: Locale) {
  return z.string({ error: `Enter the ${label}.` }).transform((text, ctx) => {
    if (text.trim() === "") {
      ctx.addIssue({ code: "custom", message: `Enter the ${label}.` });
      return z.NEVER;
    }
    const minor = parseMoneyMinor(text, locale);
    if (minor === null) {
      // "99999999" has no decimals to blame: say what is wrong with it.
      const parts = parseDecimal(text, locale);
      const tooBig = parts !== null && parts.fraction.length <= 2 && parts.whole.length > 7;
      ctx.addIssue({ code: "custom", message: tooBig ? "Use an amount below 10000000." : "Use an amount like 15.50 (at most 2 decimal places)." });
      return z.NEVER;
    }
    return minor;
  });
}

const code = (what: string) => z.string({ error: `Choose a ${what}.` }).trim().toUpperCase().min(1, `Choose a ${what}.`).max(20);

/** The fare form as an operator in that language types it; without a locale, "." or "," decimals only. */
export function fareRateFormSchemaFor(locale?: Locale) {
  return z.object({
    classCode: code("class"),
    base: money("base fare", locale),
    perKm: money("price per km", locale),
    min: money("minimum fare", locale),
  });
}
export const fareRateFormSchema = fareRateFormSchemaFor();
export type FareRateFormInput = z.infer<typeof fareRateFormSchema>;

/** "90" or "12.5" percent -> basis points (9000, 1250), from the digits. */
export function percentToBasisPoints(text: string): number | null {
  return parseMinorUnits(text, undefined, 3);
}

export function basisPointsToPercent(bp: number): string {
  return bp % 100 === 0 ? String(bp / 100) : (bp / 100).toFixed(2).replace(/0$/, "");
}

export const MAX_REFUND_RULES = 12;
export const MAX_HOURS_BEFORE = 24 * 365;

const hoursBefore = formInt({ required: "Enter the hours before departure.", invalid: "Enter whole hours." }).pipe(
  z.number().min(0, "Hours cannot be negative.").max(MAX_HOURS_BEFORE, `At most ${MAX_HOURS_BEFORE} hours (a year).`),
);

const refundRuleEntry = (locale?: Locale) => z.object({
  minHoursBefore: hoursBefore,
  refundPercent: z.string({ error: "Enter the share refunded." }).transform((text, ctx) => {
    const bp = percentToBasisPoints(text);
    if (bp === null || bp > 10_000) {
      ctx.addIssue({ code: "custom", message: "Enter a share from 0 to 100 (%)." });
      return z.NEVER;
    }
    return bp;
  }),
  fee: money("fee", locale),
});

/** Exchange rules (docs/decisions/027): from H hours before departure a change costs this fee per passenger. */
const exchangeRuleEntry = (locale?: Locale) => z.object({ minHoursBefore: hoursBefore, fee: money("fee", locale) });

/** A currency's set of rules by threshold, saved together: each threshold once. */
function ruleSetForm<E extends z.ZodType<{ minHoursBefore: number }>>(entry: E) {
  return nestedForm(
    z
      .object({
        currency: z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, "Use a currency code like PLN."),
        rules: z
          .array(entry, { error: "Add at least one rule." })
          .min(1, "Add at least one rule.")
          .max(MAX_REFUND_RULES, `At most ${MAX_REFUND_RULES} rules.`),
      })
      .superRefine((input, ctx) => {
        const seen = new Map<number, number>();
        input.rules.forEach((rule, i) => {
          const earlier = seen.get(rule.minHoursBefore);
          if (earlier !== undefined) {
            ctx.addIssue({ code: "custom", path: ["rules", i, "minHoursBefore"], message: `Rule ${earlier + 1} already starts at ${rule.minHoursBefore} hours; each threshold once.` });
          } else seen.set(rule.minHoursBefore, i);
        });
      }),
  );
}

export const refundRulesFormSchemaFor = (locale?: Locale) => ruleSetForm(refundRuleEntry(locale));
export const refundRulesFormSchema = refundRulesFormSchemaFor();
export type RefundRulesFormInput = z.infer<typeof refundRulesFormSchema>;
export type RefundRuleEntry = RefundRulesFormInput["rules"][number];

export const exchangeRulesFormSchemaFor = (locale?: Locale) => ruleSetForm(exchangeRuleEntry(locale));
export const exchangeRulesFormSchema = exchangeRulesFormSchemaFor();
export type ExchangeRulesFormInput = z.infer<typeof exchangeRulesFormSchema>;

export const MAX_POOL_SEATS = 5_000;

export const trainQuotaFormSchema = z.object({
  trainId: z.string().min(1).max(64),
  classCode: code("class"),
  quotaCode: code("quota").refine((q) => q !== "GENERAL", "General holds whatever no pool reserves; choose another quota."),
  seatCount: formInt({ required: "Enter the number of seats (0 removes the pool).", invalid: "Enter a whole number." }).pipe(
    z.number().min(0, "Seats cannot be negative.").max(MAX_POOL_SEATS, `At most ${MAX_POOL_SEATS} seats.`),
  ),
});
export type TrainQuotaFormInput = z.infer<typeof trainQuotaFormSchema>;

/** Who a quota admits (decision 017): a minimum age for every passenger, or empty for anyone. */
export const quotaRuleFormSchema = z.object({
  quotaCode: code("quota").refine((q) => q !== "GENERAL", "General admits anyone; choose another quota."),
  minAge: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? null : v),
    z.union([z.null(), formInt({ required: "Enter an age or leave it empty.", invalid: "Enter a whole number of years." }).pipe(z.number().min(1, "At least 1 year.").max(120, "At most 120 years."))]),
  ),
});
export type QuotaRuleFormInput = z.infer<typeof quotaRuleFormSchema>;

export const QUOTA_MOVE_DIRECTIONS = [
  { value: "INTO_POOL", label: "From General into the pool" },
  { value: "TO_GENERAL", label: "From the pool back to General" },
] as const;

export const serviceQuotaMoveSchema = z.object({
  serviceId: z.string().min(1).max(64),
  classCode: code("class"),
  quotaCode: code("quota").refine((q) => q !== "GENERAL", "Choose the pool to move seats into or out of."),
  direction: z.enum(["INTO_POOL", "TO_GENERAL"], { error: "Choose which way to move the seats." }),
  count: formInt({ required: "Enter how many seats to move.", invalid: "Enter a whole number." }).pipe(
    z.number().min(1, "Move at least 1 seat.").max(MAX_POOL_SEATS, `At most ${MAX_POOL_SEATS} seats.`),
  ),
});
export type ServiceQuotaMoveInput = z.infer<typeof serviceQuotaMoveSchema>;

export const trainPickerQuerySchema = z.object({
  train: z.string().trim().max(64).optional().catch(undefined),
  service: z.string().trim().max(64).optional().catch(undefined),
});

/** A concession's discount (docs/decisions/041): a share of the fare, "51" or "37.5" percent, 100 = free. */
export const concessionDiscountFormSchema = z.object({
  concessionCode: code("concession"),
  discount: z.string({ error: "Enter the discount." }).transform((text, ctx) => {
    const bp = text.trim() === "" ? null : percentToBasisPoints(text);
    if (bp === null || bp > 10_000) {
      ctx.addIssue({ code: "custom", message: "Enter a discount from 0 to 100 (%), at most 2 decimal places." });
      return z.NEVER;
    }
    return bp;
  }),
});
export type ConcessionDiscountFormInput = z.infer<typeof concessionDiscountFormSchema>;

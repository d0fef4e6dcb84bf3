// Exchange rules with history, as refund rules are kept (lib/admin/network/refund-rules.ts): saving
// closes every rule in force that is changed or dropped and opens the new terms from that instant,
// in one SERIALIZABLE transaction. What a change costs is decided by lib/booking/exchange.ts.
import "server-only";
import { db } from "@/lib/db";
import { serializable } from "@/lib/db/serializable";
import type { ExchangeRulesFormInput } from "@/lib/schemas/admin-pricing";
import { DEFAULT_CURRENCY } from "./fares";
import { changeOf, planRuleSet, type RuleSetChange } from "./rule-versions";

const inForce = (currency: string, at: Date) => ({ currency, validFrom: { lte: at }, OR: [{ validTo: null }, { validTo: { gt: at } }] });
const columns = { id: true, minHoursBefore: true, feeMinor: true, currency: true, validFrom: true, validTo: true } as const;

export async function exchangeRuleOverview(currency = DEFAULT_CURRENCY, at = new Date(), historyLimit = 12) {
  const [open, history] = await Promise.all([
    db().exchangeRule.findMany({ where: inForce(currency, at), orderBy: [{ minHoursBefore: "desc" }, { validFrom: "desc" }], select: columns }),
    db().exchangeRule.findMany({ where: { currency, validTo: { lte: at } }, orderBy: [{ validTo: "desc" }, { minHoursBefore: "desc" }], take: historyLimit, select: columns }),
  ]);
  // One per threshold: the newest, as lib/booking/exchange.ts picks it.
  const current = open.filter((r, i) => open.findIndex((o) => o.minHoursBefore === r.minHoursBefore) === i);
  return { currency, current, history };
}

export async function replaceExchangeRules(input: ExchangeRulesFormInput, now = new Date()): Promise<RuleSetChange> {
  return serializable(async (tx) => {
    const open = await tx.exchangeRule.findMany({ where: inForce(input.currency, now), orderBy: [{ validFrom: "desc" }, { id: "asc" }] });
    const plan = planRuleSet(open, input.rules, (row, rule) => row.feeMinor === rule.fee);
    if (plan.toClose.length > 0) await tx.exchangeRule.updateMany({ where: { id: { in: plan.toClose } }, data: { validTo: now } });
    if (plan.toOpen.length > 0) {
      await tx.exchangeRule.createMany({ data: plan.toOpen.map((r) => ({ minHoursBefore: r.minHoursBefore, feeMinor: r.fee, currency: input.currency, validFrom: now })) });
    }
    return changeOf(plan);
  });
}

// Refund rules with history, the same way as fares: saving a set of rules closes every rule in
// force that is changed or dropped (validTo = now) and opens the new terms from that instant, in
// one SERIALIZABLE transaction. A threshold whose terms are unchanged keeps its row, so Refund rows
// that point at it stay pointing at what actually applied.
import "server-only";
import { db } from "@/lib/db";
import { serializable } from "@/lib/db/serializable";
import type { RefundRulesFormInput } from "@/lib/schemas/admin-pricing";
import { rulesInForce, type RefundRuleTerms } from "@/lib/booking/refund-policy";
import { DEFAULT_CURRENCY } from "./fares";
import { changeOf, planRuleSet, type RuleSetChange } from "./rule-versions";

export interface RefundRuleHistoryRow extends RefundRuleTerms {
  validFrom: Date;
  validTo: Date | null;
}

export async function refundRuleOverview(currency = DEFAULT_CURRENCY, at = new Date(), historyLimit = 12) {
  const [current, history] = await Promise.all([
    rulesInForce(db(), currency, at),
    db().refundRule.findMany({
      where: { currency, validTo: { lte: at } },
      orderBy: [{ validTo: "desc" }, { minHoursBefore: "desc" }],
      take: historyLimit,
      select: { id: true, minHoursBefore: true, refundBasisPoints: true, feeMinor: true, currency: true, validFrom: true, validTo: true },
    }),
  ]);
  return { currency, current: [...current].sort((a, b) => b.minHoursBefore - a.minHoursBefore), history: history as RefundRuleHistoryRow[] };
}

export async function replaceRefundRules(input: RefundRulesFormInput, now = new Date()): Promise<RuleSetChange> {
  return serializable(async (tx) => {
    const open = await tx.refundRule.findMany({
      where: { currency: input.currency, validFrom: { lte: now }, OR: [{ validTo: null }, { validTo: { gt: now } }] },
      orderBy: [{ validFrom: "desc" }, { id: "asc" }],
    });
    const plan = planRuleSet(open, input.rules, (row, rule) => row.refundBasisPoints === rule.refundPercent && row.feeMinor === rule.fee);
    if (plan.toClose.length > 0) await tx.refundRule.updateMany({ where: { id: { in: plan.toClose } }, data: { validTo: now } });
    if (plan.toOpen.length > 0) {
      await tx.refundRule.createMany({
        data: plan.toOpen.map((r) => ({ minHoursBefore: r.minHoursBefore, refundBasisPoints: r.refundPercent, feeMinor: r.fee, currency: input.currency, validFrom: now })),
      });
    }
    return changeOf(plan);
  });
}

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

export interface RefundRulesChange {
  opened: number;
  closed: number;
  kept: number;
}

export async function replaceRefundRules(input: RefundRulesFormInput, now = new Date()): Promise<RefundRulesChange> {
  return serializable(async (tx) => {
    const open = await tx.refundRule.findMany({
      where: { currency: input.currency, validFrom: { lte: now }, OR: [{ validTo: null }, { validTo: { gt: now } }] },
      orderBy: [{ validFrom: "desc" }, { id: "asc" }],
    });
    const keep = new Set<string>();
    const toOpen: RefundRulesFormInput["rules"] = [];
    for (const rule of input.rules) {
      // The newest open row of this threshold is the one in force (refund-policy.ts rulesInForce).
      const same = open.find((r) => r.minHoursBefore === rule.minHoursBefore);
      if (same && same.refundBasisPoints === rule.refundPercent && same.feeMinor === rule.fee) keep.add(same.id);
      else toOpen.push(rule);
    }
    const toClose = open.filter((r) => !keep.has(r.id)).map((r) => r.id);
    if (toClose.length > 0) await tx.refundRule.updateMany({ where: { id: { in: toClose } }, data: { validTo: now } });
    if (toOpen.length > 0) {
      await tx.refundRule.createMany({
        data: toOpen.map((r) => ({
          minHoursBefore: r.minHoursBefore,
          refundBasisPoints: r.refundPercent,
          feeMinor: r.fee,
          currency: input.currency,
          validFrom: now,
        })),
      });
    }
    return { opened: toOpen.length, closed: toClose.length, kept: keep.size };
  });
}

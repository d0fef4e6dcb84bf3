// What a cancellation gives back. RefundRule rows in force at the moment of cancelling decide it:
// the rule with the largest `minHoursBefore` not above the hours left until the timetable
// departure applies, and each passenger gets floor(fare * refundBasisPoints / 10000) - feeMinor,
// never below zero (the fee is per passenger, like the fare it is taken from). Nothing paid, nothing
// refunded; a service the operator cancelled refunds everything paid, and so does a waiting-list
// place given up before it got a seat (it never travelled: docs/decisions/012-waitlist.md).
import "server-only";
import type { Db, Tx } from "@/lib/db";

export interface RefundRuleTerms {
  id: string;
  minHoursBefore: number;
  refundBasisPoints: number;
  feeMinor: number;
  currency: string;
}

export type RefundReason = "PAID_FARE_RULE" | "NOT_PAID" | "SERVICE_CANCELLED" | "WAITLISTED" | "NO_RULE";

export interface RefundQuote {
  amountMinor: number;
  currency: string;
  reason: RefundReason;
  rule: RefundRuleTerms | null;
  hoursBeforeDeparture: number;
  /** Paid and not yet refunded: the most any refund can give (an operator's full refund gives this). */
  paidMinor: number;
  /** The SUCCEEDED payment a refund goes back to. */
  paymentId: string | null;
  paymentRef: string | null;
}

/** A rule as the API shows it (refund quotes). */
export function ruleView(rule: RefundRuleTerms | null) {
  return rule ? { minHoursBefore: rule.minHoursBefore, refundBasisPoints: rule.refundBasisPoints, fee: { amount: rule.feeMinor, currency: rule.currency } } : null;
}

/** The rule for `hoursBefore` hours ahead: the largest threshold met; null when none is. */
export function applicableRule(rules: RefundRuleTerms[], hoursBefore: number): RefundRuleTerms | null {
  let best: RefundRuleTerms | null = null;
  for (const rule of rules) {
    if (rule.minHoursBefore <= hoursBefore && (!best || rule.minHoursBefore > best.minHoursBefore)) best = rule;
  }
  return best;
}

export function refundUnderRule(fares: number[], rule: RefundRuleTerms): number {
  return fares.reduce((sum, fare) => sum + Math.max(0, Math.floor((fare * rule.refundBasisPoints) / 10_000) - rule.feeMinor), 0);
}

/** Rules valid at `at` in a currency. Where an operator left two versions of one threshold open, the newer wins. */
export async function rulesInForce(client: Db | Tx, currency: string, at: Date): Promise<RefundRuleTerms[]> {
  const rows = await client.refundRule.findMany({
    where: { currency, validFrom: { lte: at }, OR: [{ validTo: null }, { validTo: { gt: at } }] },
    orderBy: [{ minHoursBefore: "asc" }, { validFrom: "desc" }, { id: "asc" }],
    select: { id: true, minHoursBefore: true, refundBasisPoints: true, feeMinor: true, currency: true },
  });
  const byThreshold = new Map<number, RefundRuleTerms>();
  for (const row of rows) if (!byThreshold.has(row.minHoursBefore)) byThreshold.set(row.minHoursBefore, row);
  return [...byThreshold.values()];
}

/** The refund cancelling `bookingId` at `at` would give; reads only. */
export async function quoteRefund(client: Db | Tx, bookingId: string, at: Date): Promise<RefundQuote> {
  const booking = await client.booking.findUniqueOrThrow({
    where: { id: bookingId },
    select: {
      status: true,
      currency: true,
      fromSeq: true,
      service: { select: { status: true, departsAt: true, train: { select: { stops: { select: { sequence: true, departureOffsetMinutes: true } } } } } },
      passengers: { where: { status: { not: "CANCELLED" } }, select: { fareMinor: true } },
      payments: { where: { status: "SUCCEEDED" }, orderBy: { createdAt: "desc" }, select: { id: true, providerRef: true, amountMinor: true } },
      refunds: { select: { amountMinor: true } },
    },
  });
  const offset = booking.service.train.stops.find((s) => s.sequence === booking.fromSeq)?.departureOffsetMinutes ?? 0;
  const departureAt = booking.service.departsAt.getTime() + offset * 60_000;
  const hoursBeforeDeparture = (departureAt - at.getTime()) / 3_600_000;
  const paid = booking.payments.reduce((sum, p) => sum + p.amountMinor, 0) - booking.refunds.reduce((sum, r) => sum + r.amountMinor, 0);
  const payment = booking.payments[0] ?? null;
  const base = { currency: booking.currency, hoursBeforeDeparture, paidMinor: Math.max(0, paid), paymentId: payment?.id ?? null, paymentRef: payment?.providerRef ?? null };

  if (paid <= 0) return { ...base, amountMinor: 0, reason: "NOT_PAID", rule: null };
  if (booking.service.status === "CANCELLED") return { ...base, amountMinor: paid, reason: "SERVICE_CANCELLED", rule: null };
  if (booking.status === "WAITLISTED") return { ...base, amountMinor: paid, reason: "WAITLISTED", rule: null };
  const rule = applicableRule(await rulesInForce(client, booking.currency, at), hoursBeforeDeparture);
  if (!rule) return { ...base, amountMinor: 0, reason: "NO_RULE", rule: null };
  const fares = booking.passengers.map((p) => p.fareMinor);
  return { ...base, amountMinor: Math.min(paid, refundUnderRule(fares, rule)), reason: "PAID_FARE_RULE", rule };
}

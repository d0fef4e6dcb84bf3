// How RailBook's rules work, in sentences built from the very settings and rows the booking engine
// applies: HOLD_MINUTES (lib/booking/clock.ts), CHART_HOURS_BEFORE (lib/booking/waitlist/queue.ts),
// the refund rules in force (lib/booking/refund-policy.ts) and the party limit (lib/schemas/booking.ts).
// Change a setting or a refund rule and the explanation changes with it; nothing here is a number
// typed twice.
import "server-only";
import { db } from "@/lib/db";
import { formatMoney } from "@/lib/money";
import { holdMinutes } from "@/lib/booking/clock";
import { chartHoursBefore } from "@/lib/booking/waitlist/queue";
import { rulesInForce, type RefundRuleTerms } from "@/lib/booking/refund-policy";
import { MAX_PASSENGERS } from "@/lib/schemas/booking";
import { plural } from "@/lib/limits/limiter";
import type { PolicyTopic } from "@/lib/assistant/policy-topics";

export interface PolicyFacts {
  topic: PolicyTopic;
  /** Plain sentences, each true of the server answering. */
  lines: string[];
}

function hours(n: number): string {
  return Number.isInteger(n) ? plural(n, "hour") : `${n} hours`;
}

/** "48 hours or more before departure: 100% of each fare back, less a 10,00 zł fee per passenger." */
/** Each currency's rules are bands of their own, so they are described one currency at a time. */
export function describeRefundRules(rules: RefundRuleTerms[]): string[] {
  const currencies = [...new Set(rules.map((r) => r.currency))].sort();
  return currencies.flatMap((currency) => describeBands(rules.filter((r) => r.currency === currency)));
}

function describeBands(rules: RefundRuleTerms[]): string[] {
  const sorted = [...rules].sort((a, b) => b.minHoursBefore - a.minHoursBefore);
  return sorted.map((rule, i) => {
    const upper = i === 0 ? null : sorted[i - 1]!.minHoursBefore;
    const when = upper === null ? `${hours(rule.minHoursBefore)} or more before departure` : rule.minHoursBefore === 0 ? `Less than ${hours(upper)} before departure` : `From ${hours(rule.minHoursBefore)} up to ${hours(upper)} before departure`;
    const back = rule.refundBasisPoints === 0 ? "nothing back" : `${rule.refundBasisPoints / 100}% of each fare back`;
    const fee = rule.refundBasisPoints > 0 && rule.feeMinor > 0 ? `, less a ${formatMoney(rule.feeMinor, rule.currency)} fee per passenger` : "";
    return `${when}: ${back}${fee} (${rule.currency}).`;
  });
}

async function refundRulesNow(now: Date): Promise<RefundRuleTerms[]> {
  const currencies = await db().refundRule.findMany({
    where: { validFrom: { lte: now }, OR: [{ validTo: null }, { validTo: { gt: now } }] },
    distinct: ["currency"],
    select: { currency: true },
    orderBy: { currency: "asc" },
  });
  const perCurrency = await Promise.all(currencies.map((c) => rulesInForce(db(), c.currency, now)));
  return perCurrency.flat();
}

export async function policyFacts(topic: PolicyTopic, now = new Date()): Promise<PolicyFacts> {
  const hold = plural(holdMinutes(), "minute");
  const chart = hours(chartHoursBefore());
  switch (topic) {
    case "holds":
      return {
        topic,
        lines: [
          `Choosing seats (or letting us choose) holds them for ${hold} while you pay; up to ${MAX_PASSENGERS} passengers per booking, all in one class.`,
          "A hold is not a ticket: unpaid when the time runs out, the seats go back on sale and the booking shows as expired.",
          "Held seats are yours alone for the part of the journey you chose; the same seat can still be sold for a part of the route that does not overlap.",
        ],
      };
    case "payment":
      return {
        topic,
        lines: [
          `You pay by card on the booking's payment page within the ${hold} the seats are held.`,
          "A paid booking is confirmed at once and its e-ticket (with a QR code and a PDF) is on the booking page.",
          "A declined card charges nothing and leaves the hold as it was, so you can try another card while the time lasts.",
          `A waiting-list place is paid the same way, within ${hold} of joining; only paid places are given seats.`,
        ],
      };
    case "cancellation":
      return {
        topic,
        lines: [
          "You cancel a held, confirmed or waiting-list booking yourself on its booking page; the page shows the refund before you confirm.",
          "The seats go back on sale at once, to people on the waiting list first.",
          "An unpaid hold is simply released; nothing is charged.",
        ],
      };
    case "refunds": {
      const rules = await refundRulesNow(now);
      return {
        topic,
        lines: [
          "A cancellation refunds by the time left before the train leaves your boarding station; the band with the largest threshold you meet applies:",
          ...(rules.length > 0 ? describeRefundRules(rules) : ["No refund rules are in force at the moment, so a cancellation refunds nothing."]),
          "The fee comes out of each passenger's refund and never takes it below zero. A train the operator cancels, and a waiting-list place that never got a seat, are refunded in full.",
        ],
      };
    }
    case "waitlist":
      return {
        topic,
        lines: [
          "When a class is sold out for your journey you can join its waiting list instead of holding seats.",
          `Pay for the place within ${hold}; paid places get seats strictly first come, first served, as soon as seats for the whole journey come free.`,
          `The list closes when the train's chart is prepared, ${chart} before it leaves its first station; anyone still waiting then is cancelled with everything paid refunded.`,
        ],
      };
    case "chart":
      return {
        topic,
        lines: [
          `A train's chart is prepared ${chart} before it leaves its first station.`,
          "From then on nobody joins, pays for or moves up its waiting list; bookings still waiting are cancelled and refunded in full, and told so.",
          "Seats that come free after the chart can still be booked normally until the train leaves.",
        ],
      };
  }
}

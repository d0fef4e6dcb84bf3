// The analytics dashboard: the date range an operator asked for (a preset of the last 7/30/90/365
// days, or from/to dates), resolved in the operator's zone, and the figures for it. The queries
// live in analytics-queries.ts; this file only adds up their few aggregated rows into totals.
import "server-only";
import { db } from "@/lib/db";
import { addDaysIso } from "@/lib/services/service-calendar";
import { daysBetween, todayInZone } from "@/lib/time/zoned";
import type { AnalyticsBasis, AnalyticsRangeInput } from "@/lib/schemas/admin-ops";
import type { AnalyticsView } from "@/lib/schemas/admin-analytics";
import { busiestSegments, dailyFigures, occupancyByTrainAndClass, soldSegments, travelDailyFigures, waitlistLength, withoutJit, type AnalyticsRange } from "@/lib/admin/analytics-queries";

/** Days are cut at midnight here, and money is counted in this currency: the operator's own. */
export { OPERATOR_TIME_ZONE as ANALYTICS_TIME_ZONE } from "@/lib/config/operator-zone";
import { OPERATOR_TIME_ZONE as ANALYTICS_TIME_ZONE } from "@/lib/config/operator-zone";
export const ANALYTICS_CURRENCY = "PLN";
export const DEFAULT_ANALYTICS_DAYS = 30;

export type ResolvedRange = AnalyticsRange & { days: number; basis?: AnalyticsBasis };

export function resolveRange(input: AnalyticsRangeInput, now = new Date(), currency = ANALYTICS_CURRENCY): ResolvedRange {
  const today = todayInZone(ANALYTICS_TIME_ZONE, now);
  const basis = input.basis;
  if (input.from && input.to) return { from: input.from, to: input.to, days: daysBetween(input.from, input.to) + 1, timeZone: ANALYTICS_TIME_ZONE, currency, basis };
  if (input.next) return { from: today, to: addDaysIso(today, input.next - 1), days: input.next, timeZone: ANALYTICS_TIME_ZONE, currency, basis };
  const days = input.days ?? DEFAULT_ANALYTICS_DAYS;
  return { from: addDaysIso(today, -(days - 1)), to: today, days, timeZone: ANALYTICS_TIME_ZONE, currency, basis };
}

/**
 * basis "travel": every figure for services running in the range. basis "booking": sales made in
 * the range (bookings, money, cancellations, refunds and journeys sold, by the day they happened);
 * occupancy belongs to a train's day and is left out. No basis: the mix this endpoint always gave.
 */
export async function analyticsFor(range: ResolvedRange, now = new Date()): Promise<AnalyticsView> {
  const client = db();
  const basis = range.basis;
  const [daily, occupancy, segments, waitlist] = await Promise.all([
    withoutJit(client, (tx) => (basis === "travel" ? travelDailyFigures(tx, range) : dailyFigures(tx, range))),
    basis === "booking" ? Promise.resolve([]) : withoutJit(client, (tx) => occupancyByTrainAndClass(tx, range)),
    withoutJit(client, (tx) => (basis === "booking" ? soldSegments(tx, range) : busiestSegments(tx, range))),
    withoutJit(client, (tx) => waitlistLength(tx, range)),
  ]);
  const sum = <K extends keyof (typeof daily)[number]>(key: K) => daily.reduce((total, day) => total + Number(day[key]), 0);
  const offered = occupancy.reduce((total, row) => total + row.seatKmOffered, 0);
  const sold = occupancy.reduce((total, row) => total + row.seatKmSold, 0);
  return {
    range: { from: range.from, to: range.to, days: range.days, timeZone: range.timeZone, currency: range.currency },
    ...(basis ? { basis } : {}),
    totals: {
      bookings: sum("bookings"),
      revenue: { amount: sum("revenueMinor"), currency: range.currency },
      cancellations: sum("cancellations"),
      refunds: { amount: sum("refundsMinor"), currency: range.currency },
      occupancy: offered > 0 ? sold / offered : null,
      waitlist,
    },
    daily,
    occupancy,
    segments,
    generatedAt: now.toISOString(),
  };
}

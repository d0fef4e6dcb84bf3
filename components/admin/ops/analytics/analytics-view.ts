// Which view of the dashboard a URL asks for, and the URL of every other view: the basis (travel or
// booking date) and the range (last N days, next N days, or dates). Every switch is a link, so a
// view can be shared, bookmarked and opened in a new tab. Decision 038.
import type { AnalyticsBasis } from "@/lib/schemas/admin-ops";

/** Without ?basis=, the dashboard counts by booking date: what was sold, as it always has by day. */
export const DEFAULT_BASIS: AnalyticsBasis = "booking";

export type RangeChoice = { kind: "last"; days: number } | { kind: "next"; days: number } | { kind: "dates"; from: string; to: string };

export const BASIS_LABELS: Record<AnalyticsBasis, { label: string; counts: string }> = {
  travel: {
    label: "By travel date",
    counts: "Each figure counts trains on the day they run: bookings, money, cancellations and refunds for that day's trains, whenever they were paid. The only view that can look ahead.",
  },
  booking: {
    label: "By booking date",
    counts: "Each figure counts sales on the day they happened: bookings paid, money taken, cancellations and refunds made that day, whatever day the train runs.",
  },
};

export function analyticsHref(basis: AnalyticsBasis, range: RangeChoice): string {
  const params = new URLSearchParams({ basis });
  if (range.kind === "dates") {
    params.set("from", range.from);
    params.set("to", range.to);
  } else params.set(range.kind === "next" ? "next" : "days", String(range.days));
  return `/admin/analytics?${params}`;
}

/** The same range under the other basis; the next days become the last days (nothing is sold ahead). */
export function rangeForBasis(basis: AnalyticsBasis, range: RangeChoice): RangeChoice {
  return basis === "booking" && range.kind === "next" ? { kind: "last", days: range.days } : range;
}

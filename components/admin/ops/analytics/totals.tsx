// The range's headline numbers, above the charts.
import { formatMoney } from "@/lib/money";
import type { AnalyticsView } from "@/lib/schemas/admin-analytics";
import type { AnalyticsBasis } from "@/lib/schemas/admin-ops";

const number = new Intl.NumberFormat("en-GB");

export function AnalyticsTotals({ totals, basis }: { totals: AnalyticsView["totals"]; basis: AnalyticsBasis }) {
  const travel = basis === "travel";
  const tiles = [
    { label: travel ? "Bookings for these trains" : "Bookings paid", value: number.format(totals.bookings), id: "bookings" },
    { label: "Revenue", value: formatMoney(totals.revenue.amount, totals.revenue.currency), id: "revenue" },
    { label: "Cancellations", value: number.format(totals.cancellations), id: "cancellations" },
    { label: "Refunds", value: formatMoney(totals.refunds.amount, totals.refunds.currency), id: "refunds" },
    { label: travel ? "Occupancy" : "Occupancy (by travel date only)", value: totals.occupancy === null ? "—" : `${(totals.occupancy * 100).toFixed(1)}%`, id: "occupancy" },
    { label: "Waiting list", value: `${number.format(totals.waitlist.passengers)} ${totals.waitlist.passengers === 1 ? "person" : "people"}`, id: "waitlist" },
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
      {tiles.map((t) => (
        <div key={t.id} className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
          <dt className="text-sm font-medium text-slate-600">{t.label}</dt>
          <dd className="mt-1 text-xl font-semibold tabular-nums text-slate-900" data-testid={`total-${t.id}`}>{t.value}</dd>
        </div>
      ))}
    </dl>
  );
}

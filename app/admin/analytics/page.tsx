import type { Metadata } from "next";
import { requireAdmin } from "@/lib/auth/current-user";
import { fieldErrorsFrom } from "@/lib/validation";
import { formatMoney } from "@/lib/money";
import { longDateLabel } from "@/lib/time/zoned";
import { analyticsRangeSchema } from "@/lib/schemas/admin-ops";
import type { DailyRow, OccupancyRow, SegmentRow } from "@/lib/schemas/admin-analytics";
import { analyticsFor, resolveRange } from "@/lib/admin/analytics";
import { PageHeader, flatParams, type SearchParams } from "@/components/admin/admin-ui";
import { ChartFigure } from "@/components/admin/ops/analytics/chart-figure";
import { BookingsRevenueChart, CancellationsRefundsChart } from "@/components/admin/ops/analytics/daily-charts";
import { OccupancyChart, SegmentsChart } from "@/components/admin/ops/analytics/ranking-charts";
import { RangePicker } from "@/components/admin/ops/analytics/range-picker";
import { AnalyticsTotals } from "@/components/admin/ops/analytics/totals";
import { LiveRefresh } from "@/components/live/live-refresh";
import { ADMIN_STREAM } from "@/components/live/channels";

export const metadata: Metadata = { title: "Analytics" };

const percent = (value: number | null) => (value === null ? "—" : `${(value * 100).toFixed(1)}%`);
const number = new Intl.NumberFormat("en-GB");

export default async function AnalyticsPage({ searchParams }: { searchParams: SearchParams }) {
  await requireAdmin("/admin/analytics");
  const parsed = analyticsRangeSchema.safeParse(flatParams(await searchParams));
  // Dates that do not make a range show their errors next to the fields, over the default range.
  const input = parsed.success ? parsed.data : {};
  const errors = parsed.success ? {} : fieldErrorsFrom(parsed.error);
  const range = resolveRange(input);
  const view = await analyticsFor(range);
  const currency = view.range.currency;
  const money = (minor: number) => formatMoney(minor, currency);
  const preset = input.from ? null : range.days;

  return (
    <div className="space-y-5">
      {/* Bookings anywhere re-render the figures, at most every 10 s: the aggregation is not free. */}
      <LiveRefresh url={ADMIN_STREAM} ignoreConnect minIntervalMs={10_000} />
      <PageHeader
        title="Analytics"
        description={`${longDateLabel(view.range.from)} to ${longDateLabel(view.range.to)} (${view.range.days} days, days on ${view.range.timeZone} time; money in ${currency}).`}
      />
      <RangePicker from={view.range.from} to={view.range.to} preset={preset} errors={errors} />
      <AnalyticsTotals totals={view.totals} />
      <div className="grid gap-5 xl:grid-cols-2">
        <ChartFigure<DailyRow>
          id="bookings-revenue"
          title="Bookings and revenue per day"
          description="Bookings paid that day, and the money taken that day."
          chart={<BookingsRevenueChart rows={view.daily} currency={currency} />}
          rows={view.daily}
          columns={[
            { header: "Date", cell: (r) => r.date },
            { header: "Bookings", cell: (r) => number.format(r.bookings), numeric: true },
            { header: "Revenue", cell: (r) => money(r.revenueMinor), numeric: true },
          ]}
        />
        <ChartFigure<DailyRow>
          id="cancellations-refunds"
          title="Cancellations and refunds per day"
          description="Paid bookings cancelled that day (by passengers, operators or cancelled trains), and the money refunded that day."
          chart={<CancellationsRefundsChart rows={view.daily} currency={currency} />}
          rows={view.daily}
          columns={[
            { header: "Date", cell: (r) => r.date },
            { header: "Cancellations", cell: (r) => number.format(r.cancellations), numeric: true },
            { header: "Refunds", cell: (r) => money(r.refundsMinor), numeric: true },
          ]}
        />
        <ChartFigure<OccupancyRow>
          id="occupancy"
          ranking
          title="Occupancy per train and class"
          description="Seat-kilometres sold as a share of seat-kilometres offered, for trains running on these dates (cancelled ones left out)."
          chart={<OccupancyChart rows={view.occupancy} />}
          rows={view.occupancy}
          empty="No train runs on these dates."
          columns={[
            { header: "Train and class", cell: (r) => `${r.trainNumber} ${r.trainName} · ${r.className}` },
            { header: "Services", cell: (r) => number.format(r.services), numeric: true },
            { header: "Seat-km sold", cell: (r) => number.format(r.seatKmSold), numeric: true },
            { header: "Seat-km offered", cell: (r) => number.format(r.seatKmOffered), numeric: true },
            { header: "Occupancy", cell: (r) => percent(r.occupancy), numeric: true },
          ]}
        />
        <ChartFigure<SegmentRow>
          id="segments"
          ranking
          title="Busiest journeys"
          description="Station pairs with the most confirmed passengers, on trains running on these dates."
          chart={<SegmentsChart rows={view.segments} />}
          rows={view.segments}
          empty="Nobody travels on these dates yet."
          columns={[
            { header: "Journey", cell: (r) => `${r.from.name} → ${r.to.name}` },
            { header: "Passengers", cell: (r) => number.format(r.passengers), numeric: true },
          ]}
        />
      </div>
      <p className="text-sm text-slate-600">
        {`Waiting list: ${number.format(view.totals.waitlist.entries)} ${view.totals.waitlist.entries === 1 ? "booking" : "bookings"} (${number.format(view.totals.waitlist.passengers)} people) waiting for seats on trains running on these dates.`}
      </p>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/lib/auth/current-user";
import { fieldErrorsFrom } from "@/lib/validation";
import { formatMoney } from "@/lib/money";
import { longDateLabel } from "@/lib/time/zoned";
import { ANALYTICS_BASES, analyticsRangeSchema } from "@/lib/schemas/admin-ops";
import { z } from "zod";
import type { DailyRow, OccupancyRow, SegmentRow } from "@/lib/schemas/admin-analytics";
import { analyticsFor, resolveRange } from "@/lib/admin/analytics";
import { PageHeader, flatParams, type SearchParams } from "@/components/admin/admin-ui";
import { ChartFigure } from "@/components/admin/ops/analytics/chart-figure";
import { BookingsRevenueChart, CancellationsRefundsChart } from "@/components/admin/ops/analytics/daily-charts";
import { OccupancyChart, SegmentsChart } from "@/components/admin/ops/analytics/ranking-charts";
import { RangePicker } from "@/components/admin/ops/analytics/range-picker";
import { BasisPicker } from "@/components/admin/ops/analytics/basis-picker";
import { BASIS_LABELS, DEFAULT_BASIS, analyticsHref, type RangeChoice } from "@/components/admin/ops/analytics/analytics-view";
import { AnalyticsTotals } from "@/components/admin/ops/analytics/totals";
import { LiveRefresh } from "@/components/live/live-refresh";
import { ADMIN_STREAM } from "@/components/live/channels";

const analyticsBasisParam = z.enum(ANALYTICS_BASES);

export const metadata: Metadata = { title: "Analytics" };

const percent = (value: number | null) => (value === null ? "—" : `${(value * 100).toFixed(1)}%`);
const number = new Intl.NumberFormat("en-GB");

export default async function AnalyticsPage({ searchParams }: { searchParams: SearchParams }) {
  await requireAdmin("/admin/analytics");
  const raw = flatParams(await searchParams);
  const parsed = analyticsRangeSchema.safeParse(raw);
  // Dates that do not make a range show their errors next to the fields, over the default range.
  // A basis that parses is kept even when the dates do not, so the errors show in the view asked for.
  const basis = (parsed.success ? parsed.data.basis : analyticsBasisParam.safeParse(raw.basis).data) ?? DEFAULT_BASIS;
  const input = parsed.success ? { ...parsed.data, basis } : { basis };
  const errors = parsed.success ? {} : fieldErrorsFrom(parsed.error);
  const range = resolveRange(input);
  const view = await analyticsFor(range);
  const currency = view.range.currency;
  const money = (minor: number) => formatMoney(minor, currency);
  const choice: RangeChoice = input.from && input.to ? { kind: "dates", from: input.from, to: input.to } : input.next ? { kind: "next", days: input.next } : { kind: "last", days: range.days };
  const travel = basis === "travel";

  return (
    <div className="space-y-5">
      {/* Bookings anywhere re-render the figures, at most every 10 s: the aggregation is not free. */}
      <LiveRefresh url={ADMIN_STREAM} ignoreConnect minIntervalMs={10_000} />
      <PageHeader
        title="Analytics"
        description={`${BASIS_LABELS[basis].label}: ${longDateLabel(view.range.from)} to ${longDateLabel(view.range.to)} (${view.range.days} days, days on ${view.range.timeZone} time; money in ${currency}).`}
      />
      <BasisPicker basis={basis} range={choice} />
      <RangePicker basis={basis} range={choice} from={view.range.from} to={view.range.to} errors={errors} />
      <AnalyticsTotals totals={view.totals} basis={basis} />
      <div className="grid gap-5 xl:grid-cols-2">
        <ChartFigure<DailyRow>
          id="bookings-revenue"
          title="Bookings and revenue per day"
          description={travel ? "Paid bookings for trains running that day, and the money paid for them, whenever it was paid." : "Bookings paid that day, and the money taken that day, whatever day the train runs."}
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
          description={`Paid bookings cancelled (by passengers, operators or cancelled trains) and the money refunded, ${travel ? "for trains running that day, whenever it happened" : "on the day it happened"}.`}
          chart={<CancellationsRefundsChart rows={view.daily} currency={currency} />}
          rows={view.daily}
          columns={[
            { header: "Date", cell: (r) => r.date },
            { header: "Cancellations", cell: (r) => number.format(r.cancellations), numeric: true },
            { header: "Refunds", cell: (r) => money(r.refundsMinor), numeric: true },
          ]}
        />
        {travel ? (
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
        ) : (
          <section aria-labelledby="occupancy-title" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <h2 id="occupancy-title" className="text-lg font-semibold text-slate-900">Occupancy per train and class</h2>
            <p className="text-sm text-slate-600">
              {"A seat is offered on the day its train runs, not on the day of a sale, so occupancy is counted by travel date only: "}
              <Link href={analyticsHref("travel", choice)} className="text-brand-700 underline">
                see these dates by travel date
              </Link>
              .
            </p>
          </section>
        )}
        <ChartFigure<SegmentRow>
          id="segments"
          ranking
          title="Busiest journeys"
          description={travel ? "Station pairs with the most confirmed passengers, on trains running on these dates." : "Station pairs sold most: confirmed passengers of bookings paid on these dates, whenever they travel."}
          chart={<SegmentsChart rows={view.segments} />}
          rows={view.segments}
          empty={travel ? "Nobody travels on these dates yet." : "Nothing was sold on these dates."}
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

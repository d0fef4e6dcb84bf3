"use client";
// Per-day charts: bookings (bars) with revenue (line), and cancellations (bars) with refunds (line).
// Money is drawn in whole units of the currency; the data table beside each keeps exact amounts.
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { DailyRow } from "@/lib/schemas/admin-analytics";

const shortDate = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}`;

function DayChart({ rows, count, countLabel, money, moneyLabel, barColor, lineColor }: {
  rows: DailyRow[];
  count: "bookings" | "cancellations";
  countLabel: string;
  money: "revenueMinor" | "refundsMinor";
  moneyLabel: string;
  barColor: string;
  lineColor: string;
}) {
  const data = rows.map((r) => ({ date: shortDate(r.date), [countLabel]: r[count], [moneyLabel]: Math.round(r[money] / 100) }));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
        <XAxis dataKey="date" tick={{ fontSize: 12 }} minTickGap={16} />
        <YAxis yAxisId="count" allowDecimals={false} tick={{ fontSize: 12 }} width={40} />
        <YAxis yAxisId="money" orientation="right" tick={{ fontSize: 12 }} width={64} />
        <Tooltip />
        <Legend />
        <Bar yAxisId="count" dataKey={countLabel} fill={barColor} isAnimationActive={false} />
        <Line yAxisId="money" dataKey={moneyLabel} stroke={lineColor} strokeWidth={2} dot={false} isAnimationActive={false} />
      </ComposedChart>
    </ResponsiveContainer>
  );
}

export function BookingsRevenueChart({ rows, currency }: { rows: DailyRow[]; currency: string }) {
  return <DayChart rows={rows} count="bookings" countLabel="Bookings" money="revenueMinor" moneyLabel={`Revenue (${currency})`} barColor="#2563eb" lineColor="#059669" />;
}

export function CancellationsRefundsChart({ rows, currency }: { rows: DailyRow[]; currency: string }) {
  return <DayChart rows={rows} count="cancellations" countLabel="Cancellations" money="refundsMinor" moneyLabel={`Refunds (${currency})`} barColor="#dc2626" lineColor="#d97706" />;
}

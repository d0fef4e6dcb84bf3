// The dashboard's daily sales figures for days that are over, kept in "SalesDay" so a year's view
// reads 365 small rows instead of aggregating a year of bookings, payments and refunds on every
// page view (bench/analytics/REPORT.md, docs/decisions/049). Exact, not a cache: each figure counts
// rows by the time their event happened (confirmedAt, cancelledAt, a payment's or refund's
// createdAt), always "now" when written, so a day that has ended never gains or loses one. A day is
// written only an hour after it ends, past any transaction still committing with an earlier stamp.
// The periodic job "roll-up-sales-days" (lib/jobs/registry.ts) writes the days; dailyFigures()
// (analytics-queries.ts) counts live whatever is not written yet, so a late job costs only speed.
import "server-only";
import type { Db } from "@/lib/db";
import { addDaysIso } from "@/lib/services/service-calendar";
import { dateInZone, todayInZone } from "@/lib/time/zoned";
import { dailySql, withoutJit } from "@/lib/admin/analytics-queries";

/** How long after a day ends before it is written: longer than any booking transaction. */
export const SALES_DAY_MARGIN_MS = 3_600_000;
/** Days aggregated per statement when catching up (a first run over years of history). */
const CHUNK_DAYS = 92;

export interface SalesDayScope {
  timeZone: string;
  currency: string;
}

/** The last day that may be written now: yesterday, or the day before in the first hour of a day. */
export function lastClosedDay(timeZone: string, now = new Date()): string {
  return addDaysIso(todayInZone(timeZone, new Date(now.getTime() - SALES_DAY_MARGIN_MS)), -1);
}

/** Writes every closed day not written yet, from the first sale on. Safe to run twice at once. */
export async function rollUpSalesDays(client: Db, scope: SalesDayScope, now = new Date()): Promise<{ written: number; through: string | null }> {
  const through = lastClosedDay(scope.timeZone, now);
  const [last] = await client.$queryRaw<{ day: string | null }[]>`
    SELECT to_char(MAX(day), 'YYYY-MM-DD') AS day FROM "SalesDay" WHERE "timeZone" = ${scope.timeZone} AND currency = ${scope.currency}`;
  let from = last?.day ? addDaysIso(last.day, 1) : await firstSaleDay(client, scope.timeZone);
  if (!from || from > through) return { written: 0, through: last?.day ?? null };
  let written = 0;
  while (from <= through) {
    const to = addDaysIso(from, CHUNK_DAYS - 1) < through ? addDaysIso(from, CHUNK_DAYS - 1) : through;
    const range = { from, to, timeZone: scope.timeZone, currency: scope.currency };
    written += await withoutJit(client, (tx) =>
      tx.$executeRaw`
        INSERT INTO "SalesDay" ("timeZone", currency, day, bookings, "revenueMinor", cancellations, "refundsMinor")
        SELECT ${scope.timeZone}, ${scope.currency}, d.date::date, d.bookings, d.revenue, d.cancellations, d.refunds
        FROM (${dailySql(range)}) d
        ON CONFLICT ("timeZone", currency, day) DO NOTHING`,
    );
    from = addDaysIso(to, 1);
  }
  return { written, through };
}

/** The local day of the first confirmation or payment, or null before the first sale. */
async function firstSaleDay(client: Db, timeZone: string): Promise<string | null> {
  const [row] = await client.$queryRaw<{ first: Date | null }[]>`
    SELECT LEAST(
      (SELECT MIN("confirmedAt") FROM "Booking"),
      (SELECT MIN("createdAt") FROM "Payment" WHERE status = 'SUCCEEDED')
    ) AS first`;
  return row?.first ? dateInZone(row.first, timeZone) : null;
}

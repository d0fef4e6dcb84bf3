// The operator's CSV exports (decision 032): bookings made, refunds paid and revenue per day over a
// range of local days in the operator's zone. Amounts are the stored charged amounts: a booking's
// succeeded payments (an exchange difference included), each Refund row as written. Rows are read
// in keyset pages and streamed, so a year of bookings never sits in memory at once.
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { addDaysIso } from "@/lib/services/service-calendar";
import { daysBetween, isoInZone, todayInZone } from "@/lib/time/zoned";
import { ANALYTICS_CURRENCY, ANALYTICS_TIME_ZONE } from "@/lib/admin/analytics";
import { DEFAULT_EXPORT_DAYS, type ExportKind, type ExportRangeInput } from "@/lib/schemas/admin-exports";
import { csvRow, decimalAmount, type CsvCell } from "@/lib/admin/exports/csv";

export interface ExportRange {
  /** Local dates, inclusive. */
  from: string;
  to: string;
  days: number;
  timeZone: string;
}

export function resolveExportRange(input: ExportRangeInput, now = new Date()): ExportRange {
  const timeZone = ANALYTICS_TIME_ZONE;
  if (input.from && input.to) return { from: input.from, to: input.to, days: daysBetween(input.from, input.to) + 1, timeZone };
  const to = todayInZone(timeZone, now);
  return { from: addDaysIso(to, -(DEFAULT_EXPORT_DAYS - 1)), to, days: DEFAULT_EXPORT_DAYS, timeZone };
}

const PAGE = 500;

const bounds = (r: ExportRange) => Prisma.sql`
  (${r.from}::date)::timestamp AT TIME ZONE ${r.timeZone}, (${r.to}::date + 1)::timestamp AT TIME ZONE ${r.timeZone}`;

export const HEADERS: Record<ExportKind, string[]> = {
  bookings: ["pnr", "created_at", "service_date", "train", "from", "to", "class", "passengers", "status", "amount", "currency"],
  refunds: ["pnr", "refunded_at", "amount", "currency", "reason", "rule"],
  revenue: ["day", "currency", "bookings", "gross", "refunds", "net"],
};

interface BookingRow {
  id: string; pnr: string; createdAt: Date; serviceDate: string; train: string; fromName: string; toName: string;
  classCode: string; passengers: number; status: string; charged: bigint; currency: string;
}

async function* bookingRows(r: ExportRange, now: Date): AsyncGenerator<CsvCell[]> {
  let after: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const cursor: Prisma.Sql = after ? Prisma.sql`AND (b."createdAt", b.id) > (${after.createdAt}, ${after.id})` : Prisma.empty;
    const rows: BookingRow[] = await db().$queryRaw<BookingRow[]>`
      WITH range(lo, hi) AS (SELECT ${bounds(r)})
      SELECT b.id, b.pnr, b."createdAt", to_char(s."serviceDate", 'YYYY-MM-DD') AS "serviceDate", t.number AS train,
             fs.name AS "fromName", ts.name AS "toName", b."classCode",
             (SELECT COUNT(*) FROM "BookingPassenger" bp WHERE bp."bookingId" = b.id)::int AS passengers,
             CASE WHEN b.status = 'HELD' AND b."holdExpiresAt" <= ${now} THEN 'EXPIRED' ELSE b.status::text END AS status,
             (SELECT COALESCE(SUM(p."amountMinor"), 0) FROM "Payment" p WHERE p."bookingId" = b.id AND p.status = 'SUCCEEDED')::bigint AS charged,
             b.currency
      FROM "Booking" b
      JOIN "Service" s ON s.id = b."serviceId" JOIN "Train" t ON t.id = s."trainId"
      JOIN "Station" fs ON fs.id = b."fromStationId" JOIN "Station" ts ON ts.id = b."toStationId"
      CROSS JOIN range
      WHERE b."createdAt" >= range.lo AND b."createdAt" < range.hi ${cursor}
      ORDER BY b."createdAt", b.id
      LIMIT ${PAGE}`;
    for (const b of rows) {
      yield [b.pnr, isoInZone(b.createdAt, r.timeZone), b.serviceDate, b.train, b.fromName, b.toName, b.classCode, b.passengers, b.status, decimalAmount(Number(b.charged), b.currency), b.currency];
    }
    if (rows.length < PAGE) return;
    const last: BookingRow = rows[rows.length - 1]!;
    after = { createdAt: last.createdAt, id: last.id };
  }
}

interface RefundRow { id: string; pnr: string; createdAt: Date; amountMinor: number; currency: string; reason: string; minHoursBefore: number | null; refundBasisPoints: number | null; feeMinor: number | null }

async function* refundRows(r: ExportRange): AsyncGenerator<CsvCell[]> {
  let after: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const cursor: Prisma.Sql = after ? Prisma.sql`AND (f."createdAt", f.id) > (${after.createdAt}, ${after.id})` : Prisma.empty;
    const rows: RefundRow[] = await db().$queryRaw<RefundRow[]>`
      WITH range(lo, hi) AS (SELECT ${bounds(r)})
      SELECT f.id, b.pnr, f."createdAt", f."amountMinor", f.currency, f.reason, rr."minHoursBefore", rr."refundBasisPoints", rr."feeMinor"
      FROM "Refund" f JOIN "Booking" b ON b.id = f."bookingId" LEFT JOIN "RefundRule" rr ON rr.id = f."ruleId", range
      WHERE f."createdAt" >= range.lo AND f."createdAt" < range.hi ${cursor}
      ORDER BY f."createdAt", f.id
      LIMIT ${PAGE}`;
    for (const f of rows) {
      const rule = f.minHoursBefore === null ? null : `${f.minHoursBefore} h or more before departure: ${(f.refundBasisPoints ?? 0) / 100}% less ${decimalAmount(f.feeMinor ?? 0, f.currency).decimal} ${f.currency}`;
      yield [f.pnr, isoInZone(f.createdAt, r.timeZone), decimalAmount(f.amountMinor, f.currency), f.currency, f.reason, rule];
    }
    if (rows.length < PAGE) return;
    const last: RefundRow = rows[rows.length - 1]!;
    after = { createdAt: last.createdAt, id: last.id };
  }
}

interface RevenueRow { day: string; currency: string; bookings: number; gross: bigint; refunds: bigint }

/**
 * Per local day and currency, as the analytics page counts them (decision 013): bookings confirmed
 * that day, succeeded payments taken that day, refunds made that day. Every day of the range has a
 * row for the operator's currency; another currency has rows on its days only.
 */
export async function revenueRows(r: ExportRange): Promise<RevenueRow[]> {
  return db().$queryRaw<RevenueRow[]>`
    WITH range(lo, hi) AS (SELECT ${bounds(r)}),
    confirmed AS (
      SELECT (b."confirmedAt" AT TIME ZONE ${r.timeZone})::date AS day, b.currency, COUNT(*) AS n
      FROM "Booking" b, range WHERE b."confirmedAt" >= range.lo AND b."confirmedAt" < range.hi GROUP BY 1, 2
    ),
    paid AS (
      SELECT (p."createdAt" AT TIME ZONE ${r.timeZone})::date AS day, p.currency, SUM(p."amountMinor") AS amount
      FROM "Payment" p, range WHERE p.status = 'SUCCEEDED' AND p."createdAt" >= range.lo AND p."createdAt" < range.hi GROUP BY 1, 2
    ),
    refunded AS (
      SELECT (f."createdAt" AT TIME ZONE ${r.timeZone})::date AS day, f.currency, SUM(f."amountMinor") AS amount
      FROM "Refund" f, range WHERE f."createdAt" >= range.lo AND f."createdAt" < range.hi GROUP BY 1, 2
    ),
    keys AS (
      SELECT d::date AS day, ${ANALYTICS_CURRENCY}::text AS currency FROM generate_series(${r.from}::date, ${r.to}::date, INTERVAL '1 day') AS d
      UNION SELECT day, currency FROM confirmed UNION SELECT day, currency FROM paid UNION SELECT day, currency FROM refunded
    )
    SELECT to_char(k.day, 'YYYY-MM-DD') AS day, k.currency, COALESCE(c.n, 0)::int AS bookings,
           COALESCE(p.amount, 0)::bigint AS gross, COALESCE(f.amount, 0)::bigint AS refunds
    FROM keys k
    LEFT JOIN confirmed c ON c.day = k.day AND c.currency = k.currency
    LEFT JOIN paid p ON p.day = k.day AND p.currency = k.currency
    LEFT JOIN refunded f ON f.day = k.day AND f.currency = k.currency
    ORDER BY k.day, k.currency`;
}

async function* revenueCells(r: ExportRange): AsyncGenerator<CsvCell[]> {
  for (const row of await revenueRows(r)) {
    const gross = Number(row.gross);
    const refunds = Number(row.refunds);
    yield [row.day, row.currency, row.bookings, decimalAmount(gross, row.currency), decimalAmount(refunds, row.currency), decimalAmount(gross - refunds, row.currency)];
  }
}

/** The whole file as text chunks: a UTF-8 byte order mark (so spreadsheets read "Gdańsk" right), the header, the rows. */
export async function* exportCsv(kind: ExportKind, r: ExportRange, now = new Date()): AsyncGenerator<string> {
  yield `\uFEFF${csvRow(HEADERS[kind])}`;
  const rows = kind === "bookings" ? bookingRows(r, now) : kind === "refunds" ? refundRows(r) : revenueCells(r);
  for await (const cells of rows) yield csvRow(cells);
}

export function exportFileName(kind: ExportKind, r: ExportRange): string {
  return `railbook-${kind}-${r.from}-to-${r.to}.csv`;
}

/** How many rows each file will have, for the page. */
export async function exportCounts(r: ExportRange): Promise<{ bookings: number; refunds: number }> {
  const [row] = await db().$queryRaw<{ bookings: number; refunds: number }[]>`
    WITH range(lo, hi) AS (SELECT ${bounds(r)})
    SELECT (SELECT COUNT(*) FROM "Booking" b, range WHERE b."createdAt" >= range.lo AND b."createdAt" < range.hi)::int AS bookings,
           (SELECT COUNT(*) FROM "Refund" f, range WHERE f."createdAt" >= range.lo AND f."createdAt" < range.hi)::int AS refunds`;
  return row ?? { bookings: 0, refunds: 0 };
}

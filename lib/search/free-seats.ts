// Free seats per class for a segment [fromSeq, toSeq) of each service, counted in SQL.
// A seat is taken for the segment when an allocation overlaps it (a.fromSeq < toSeq AND
// a.toSeq > fromSeq) and is live: not released, and either paid or a hold that has not run out.
// Only the GENERAL quota is counted: that is what any passenger can buy.
import "server-only";
import { db } from "@/lib/db";
import { liveAllocation } from "@/lib/inventory/live";

export interface Segment {
  serviceId: string;
  fromSeq: number;
  toSeq: number;
}

export interface ClassAvailability {
  classCode: string;
  total: number;
  available: number;
}

/** Free seats per class for each service's segment, keyed by service: each service comes once. */
export async function countFreeSeats(segments: Segment[], quotaCode = "GENERAL"): Promise<Map<string, ClassAvailability[]>> {
  const perSegment = await countFreeSeatsPerSegment(segments, quotaCode);
  return new Map(segments.map((s, i) => [s.serviceId, perSegment[i]!]));
}

/**
 * Free seats per class for each segment, in the order given. A service may come more than once
 * with different segments (a journey search asks for a train's Poznań -> Kutno and Poznań ->
 * Warszawa parts at once): each segment is counted on its own.
 */
export async function countFreeSeatsPerSegment(segments: Segment[], quotaCode = "GENERAL"): Promise<ClassAvailability[][]> {
  const out: ClassAvailability[][] = segments.map(() => []);
  if (segments.length === 0) return out;
  // Allocations are read per service (the "serviceId" index), not probed for per seat: a day's
  // search covers thousands of seats but only the allocations that exist are read (bench/REPORT.md).
  // `busy` is keyed by the segment's position, so two segments of one service never mix. Seats are
  // counted per class once per service, an index-only count once the table is vacuumed, and the
  // taken ones subtracted; the explicit `= ANY(ids)` is what lets the planner use the indexes
  // (joined to the unnested list alone, it scanned every seat of every service).
  const ids = [...new Set(segments.map((s) => s.serviceId))];
  const rows = await db().$queryRaw<{ i: number; classCode: string; total: number; available: number }[]>`
    WITH seg AS (
      SELECT x."serviceId", x."fromSeq", x."toSeq", x.i::int AS i
      FROM UNNEST(${segments.map((s) => s.serviceId)}::text[], ${segments.map((s) => s.fromSeq)}::int[], ${segments.map((s) => s.toSeq)}::int[])
        WITH ORDINALITY AS x("serviceId", "fromSeq", "toSeq", i)
    ), busy AS (
      SELECT DISTINCT seg.i, a."serviceSeatId" AS id
      FROM seg
      JOIN "SeatAllocation" a ON a."serviceId" = seg."serviceId"
      WHERE a."serviceId" = ANY(${ids}::text[])
        AND ${liveAllocation("a")}
        AND a."fromSeq" < seg."toSeq" AND a."toSeq" > seg."fromSeq"
    ), taken AS (
      SELECT busy.i, ss."classCode", COUNT(*) AS n
      FROM busy JOIN "ServiceSeat" ss ON ss.id = busy.id
      WHERE ss."quotaCode" = ${quotaCode}
      GROUP BY busy.i, ss."classCode"
    ), totals AS (
      SELECT ss."serviceId", ss."classCode", COUNT(*) AS total
      FROM "ServiceSeat" ss
      WHERE ss."serviceId" = ANY(${ids}::text[]) AND ss."quotaCode" = ${quotaCode}
      GROUP BY ss."serviceId", ss."classCode"
    )
    SELECT seg.i, totals."classCode", totals.total::int AS total, (totals.total - COALESCE(taken.n, 0))::int AS available
    FROM seg
    JOIN totals ON totals."serviceId" = seg."serviceId"
    LEFT JOIN taken ON taken.i = seg.i AND taken."classCode" = totals."classCode"
    ORDER BY seg.i, totals."classCode"`;
  for (const r of rows) out[r.i - 1]!.push({ classCode: r.classCode, total: r.total, available: r.available });
  return out;
}

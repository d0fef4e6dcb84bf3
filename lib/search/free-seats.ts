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

export async function countFreeSeats(segments: Segment[], quotaCode = "GENERAL"): Promise<Map<string, ClassAvailability[]>> {
  const out = new Map<string, ClassAvailability[]>();
  if (segments.length === 0) return out;
  // Allocations are read per service (the "serviceId" index), not probed for per seat: a day's
  // search covers thousands of seats but only the allocations that exist are read (bench/REPORT.md).
  // `busy` mixes the services' seats in one set, which is right because each service comes once.
  // Seats are counted per class on their own, an index-only count once the table is vacuumed, and
  // the taken ones subtracted; the explicit `= ANY(ids)` is what lets the planner use the indexes
  // (joined to the unnested list alone, it scanned every seat of every service).
  const ids = segments.map((s) => s.serviceId);
  const rows = await db().$queryRaw<{ serviceId: string; classCode: string; total: number; available: number }[]>`
    WITH seg AS (
      SELECT * FROM UNNEST(${ids}::text[], ${segments.map((s) => s.fromSeq)}::int[], ${segments.map((s) => s.toSeq)}::int[])
        AS x("serviceId", "fromSeq", "toSeq")
    ), busy AS (
      SELECT DISTINCT a."serviceSeatId" AS id
      FROM seg
      JOIN "SeatAllocation" a ON a."serviceId" = seg."serviceId"
      WHERE a."serviceId" = ANY(${ids}::text[])
        AND ${liveAllocation("a")}
        AND a."fromSeq" < seg."toSeq" AND a."toSeq" > seg."fromSeq"
    ), taken AS (
      SELECT ss."serviceId", ss."classCode", COUNT(*) AS n
      FROM busy JOIN "ServiceSeat" ss ON ss.id = busy.id
      WHERE ss."quotaCode" = ${quotaCode}
      GROUP BY ss."serviceId", ss."classCode"
    )
    SELECT ss."serviceId", ss."classCode", COUNT(*)::int AS total, (COUNT(*) - COALESCE(MAX(taken.n), 0))::int AS available
    FROM "ServiceSeat" ss
    LEFT JOIN taken ON taken."serviceId" = ss."serviceId" AND taken."classCode" = ss."classCode"
    WHERE ss."serviceId" = ANY(${ids}::text[]) AND ss."quotaCode" = ${quotaCode}
    GROUP BY ss."serviceId", ss."classCode"`;
  for (const r of rows) {
    const list = out.get(r.serviceId) ?? [];
    list.push({ classCode: r.classCode, total: r.total, available: r.available });
    out.set(r.serviceId, list);
  }
  return out;
}

// For the empty state: the closest local dates (either side) on which some train runs from -> to.
import "server-only";
import { db } from "@/lib/db";
import { daysBetween } from "@/lib/time/zoned";

export async function nearestServiceDates(
  stations: { fromId: string; toId: string; fromTimeZone: string },
  date: string,
  options: { windowDays?: number; limit?: number } = {},
): Promise<string[]> {
  const { windowDays = 14, limit = 3 } = options;
  const rows = await db().$queryRaw<{ day: string }[]>`
    SELECT DISTINCT to_char(timezone(${stations.fromTimeZone}, s."departsAt" + fs."departureOffsetMinutes" * INTERVAL '1 minute'), 'YYYY-MM-DD') AS day
    FROM "Service" s
    JOIN "TrainStop" fs ON fs."trainId" = s."trainId" AND fs."stationId" = ${stations.fromId}
    JOIN "TrainStop" ts ON ts."trainId" = s."trainId" AND ts."stationId" = ${stations.toId}
    WHERE fs.sequence < ts.sequence
      AND fs."departureOffsetMinutes" IS NOT NULL
      AND s.status <> 'CANCELLED'
      AND s."departsAt" > now()
      AND s."serviceDate" BETWEEN (${date}::date - ${windowDays}::int) AND (${date}::date + ${windowDays}::int)`;
  return rows
    .map((r) => r.day)
    .filter((d) => d !== date)
    .sort((a, b) => Math.abs(daysBetween(date, a)) - Math.abs(daysBetween(date, b)) || a.localeCompare(b))
    .slice(0, limit)
    .sort();
}

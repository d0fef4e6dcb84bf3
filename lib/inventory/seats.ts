// Reading seat inventory without locks, for answers that are a picture of a moment (seat maps,
// availability counts, the waiting list's "what joining would mean"). Decisions lock instead
// (lib/inventory/lock.ts). Taken means: a live allocation overlaps the segment
// (lib/inventory/live-sql.ts, docs/decisions/001-segment-seat-inventory.md).
import "server-only";
import type { Db, Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { liveAllocation } from "@/lib/inventory/live";
import type { InventorySeat, Segment } from "@/lib/inventory/state";

export type { Segment } from "@/lib/inventory/state";
export { TX_NOW } from "@/lib/inventory/live";

/** SQL: `seat` (a "ServiceSeat" row alias) has a live allocation overlapping the segment at `at`. */
export function takenSql(seat: string, segment: Segment, at: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`EXISTS (
    SELECT 1 FROM "SeatAllocation" a
    WHERE a."serviceSeatId" = ${Prisma.raw(`${seat}.id`)}
      AND ${liveAllocation("a", at)}
      AND a."fromSeq" < ${segment.toSeq} AND a."toSeq" > ${segment.fromSeq})`;
}

/**
 * SQL: the ids (column `id`) of the seats of one service with a live allocation overlapping
 * [fromSeq, toSeq), found by reading that service's allocations through the "serviceId" index
 * (one range of one service's entries: a few predicate-locked pages, lib/inventory/lock.ts).
 */
export function takenSeatIdsSql(serviceId: string, fromSeq: Prisma.Sql, toSeq: Prisma.Sql, seatIds?: string[]): Prisma.Sql {
  const onlyThese = seatIds ? Prisma.sql`AND a."serviceSeatId" = ANY(${seatIds}::text[])` : Prisma.empty;
  return Prisma.sql`SELECT DISTINCT a."serviceSeatId" AS id
    FROM "SeatAllocation" a
    WHERE a."serviceId" = ${serviceId} ${onlyThese}
      AND ${liveAllocation("a")}
      AND a."fromSeq" < ${toSeq} AND a."toSeq" > ${fromSeq}`;
}

export interface SeatOfService extends InventorySeat {
  classCode: string;
  quotaCode: string;
  taken: boolean;
}

const seatColumns = Prisma.sql`ss.id, ss."coachLabel", ss."coachPosition", ss.number, ss.berth::text AS berth,
  cts.position::text AS position, cts.row, cts.col, cts.bay, ss."classCode", ss."quotaCode"`;

/** Seats of a class and quota, and how many are free for the segment: counted without locking (an early answer). */
export async function countSeats(
  client: Db | Tx,
  where: { serviceId: string; classCode: string; quotaCode: string },
  segment: Segment,
): Promise<{ total: number; free: number }> {
  // Counted apart: the class's seats (an index-only count once the table is vacuumed) and, among
  // the few taken ones, those of this class; joining every seat to the taken set costs more.
  const [row] = await client.$queryRaw<{ total: number; taken: number }[]>`
    SELECT
      (SELECT COUNT(*)::int FROM "ServiceSeat" ss
        WHERE ss."serviceId" = ${where.serviceId} AND ss."classCode" = ${where.classCode} AND ss."quotaCode" = ${where.quotaCode}) AS total,
      (SELECT COUNT(*)::int FROM (${takenSeatIdsSql(where.serviceId, Prisma.sql`${segment.fromSeq}`, Prisma.sql`${segment.toSeq}`)}) busy
        JOIN "ServiceSeat" ss ON ss.id = busy.id
        WHERE ss."classCode" = ${where.classCode} AND ss."quotaCode" = ${where.quotaCode}) AS taken`;
  return row ? { total: row.total, free: row.total - row.taken } : { total: 0, free: 0 };
}

/** Every seat of a service with its place in the coach and whether it is free for the segment. */
export async function seatsOfService(client: Db | Tx, serviceId: string, segment: Segment, seatIds?: string[]) {
  const onlyThese = seatIds ? Prisma.sql`AND ss.id = ANY(${seatIds}::text[])` : Prisma.empty;
  return client.$queryRaw<(SeatOfService & { kind: "SEATED" | "SLEEPER"; rows: number; columns: number })[]>`
    SELECT ${seatColumns}, ct.kind::text AS kind, ct.rows, ct.columns, busy.id IS NOT NULL AS taken
    FROM "ServiceSeat" ss
    JOIN "CoachTypeSeat" cts ON cts.id = ss."coachTypeSeatId"
    JOIN "CoachType" ct ON ct.id = cts."coachTypeId"
    LEFT JOIN (${takenSeatIdsSql(serviceId, Prisma.sql`${segment.fromSeq}`, Prisma.sql`${segment.toSeq}`, seatIds)}) busy ON busy.id = ss.id
    WHERE ss."serviceId" = ${serviceId} ${onlyThese}
    ORDER BY ss."coachPosition", ss.number`;
}

/** Every seat of a service with its place in the coach, and nothing that changes when seats are sold. */
export async function layoutOfService(client: Db | Tx, serviceId: string) {
  return client.$queryRaw<(Omit<SeatOfService, "taken"> & { kind: "SEATED" | "SLEEPER"; rows: number; columns: number })[]>`
    SELECT ${seatColumns}, ct.kind::text AS kind, ct.rows, ct.columns
    FROM "ServiceSeat" ss
    JOIN "CoachTypeSeat" cts ON cts.id = ss."coachTypeSeatId"
    JOIN "CoachType" ct ON ct.id = cts."coachTypeId"
    WHERE ss."serviceId" = ${serviceId}
    ORDER BY ss."coachPosition", ss.number`;
}

/** The coach position and number of each seat of a service taken for the segment: the part of a seat map that changes. */
export async function takenSeatsOfService(client: Db | Tx, serviceId: string, segment: Segment) {
  return client.$queryRaw<{ coachPosition: number; number: number }[]>`
    SELECT ss."coachPosition", ss.number
    FROM (${takenSeatIdsSql(serviceId, Prisma.sql`${segment.fromSeq}`, Prisma.sql`${segment.toSeq}`)}) busy
    JOIN "ServiceSeat" ss ON ss.id = busy.id
    ORDER BY ss."coachPosition", ss.number`;
}

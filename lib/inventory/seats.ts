// Reading and locking seat inventory for a segment (docs/decisions/001-segment-seat-inventory.md).
// A seat is taken for [fromSeq, toSeq) when one of its allocations overlaps the segment and is live:
// not released, and either paid (no expiry) or a hold that has not run out by `at`.
import "server-only";
import type { Db, Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

export interface Segment {
  fromSeq: number;
  toSeq: number;
}

/** SQL: `seat` (a "ServiceSeat" row alias) has a live allocation overlapping the segment at `at`. */
export function takenSql(seat: string, segment: Segment, at: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`EXISTS (
    SELECT 1 FROM "SeatAllocation" a
    WHERE a."serviceSeatId" = ${Prisma.raw(`${seat}.id`)}
      AND a."releasedAt" IS NULL
      AND (a."expiresAt" IS NULL OR a."expiresAt" > ${at})
      AND a."fromSeq" < ${segment.toSeq} AND a."toSeq" > ${segment.fromSeq})`;
}

/** "now()": the transaction's start, so a hold ending mid-transaction still counts (the safe side). */
export const TX_NOW = Prisma.sql`now()`;

/**
 * SQL: the ids (column `id`) of the seats of one service with a live allocation overlapping
 * [fromSeq, toSeq), found by reading that service's allocations through the "serviceId" index.
 *
 * Why not takenSql() per seat: for a whole class that is hundreds of probes into the
 * (serviceSeatId, ...) index, whose keys are random ids, so the probes land all over it. Under
 * SERIALIZABLE every probed page is predicate-locked, and past max_pred_locks_per_relation pages
 * PostgreSQL locks the whole index instead: every booking then conflicted with every other, on any
 * service (bench/REPORT.md: Spread's serialization retries). One range of one service's entries
 * locks a few pages, and reads only the allocations that exist instead of probing for every seat.
 */
export function takenSeatIdsSql(serviceId: string, fromSeq: Prisma.Sql, toSeq: Prisma.Sql, seatIds?: string[]): Prisma.Sql {
  const onlyThese = seatIds ? Prisma.sql`AND a."serviceSeatId" = ANY(${seatIds}::text[])` : Prisma.empty;
  return Prisma.sql`SELECT DISTINCT a."serviceSeatId" AS id
    FROM "SeatAllocation" a
    WHERE a."serviceId" = ${serviceId} ${onlyThese}
      AND a."releasedAt" IS NULL
      AND (a."expiresAt" IS NULL OR a."expiresAt" > now())
      AND a."fromSeq" < ${toSeq} AND a."toSeq" > ${fromSeq}`;
}

export interface InventorySeat {
  id: string;
  coachLabel: string;
  coachPosition: number;
  number: number;
  berth: string | null;
  position: string | null;
  row: number;
  col: number;
  bay: number | null;
  classCode: string;
  quotaCode: string;
  taken: boolean;
}

const seatColumns = Prisma.sql`ss.id, ss."coachLabel", ss."coachPosition", ss.number, ss.berth::text AS berth,
  cts.position::text AS position, cts.row, cts.col, cts.bay, ss."classCode", ss."quotaCode"`;

export interface LockedSeat extends InventorySeat {
  /** The transaction's start time (`now()`), the reference every hold expiry is compared with. */
  txNow: Date;
}

/**
 * Locks seat rows of a service's class and quota (or just `seatIds` among them) for the rest of the
 * transaction, and reports which are taken for the journey between two station codes.
 *
 * NOWAIT, and the transaction's first statement after the idempotency claim: under SERIALIZABLE the
 * snapshot is fixed by the first statement, so a transaction that queued behind the lock would wake
 * with a snapshot from before the holder's commit, miss its allocation and fail at commit anyway.
 * Failing at once and retrying with a fresh snapshot (lib/inventory/transaction.ts) turns that into a
 * short wait. The segment is looked up in the same statement for the same reason. Rows are locked
 * in id order, so two transactions locking overlapping sets cannot deadlock.
 */
export async function lockSeats(
  tx: Tx,
  where: { serviceId: string; classCode: string; quotaCode: string; fromCode: string; toCode: string; seatIds?: string[] },
): Promise<LockedSeat[]> {
  const onlyThese = where.seatIds ? Prisma.sql`AND ss.id = ANY(${where.seatIds}::text[])` : Prisma.empty;
  return tx.$queryRaw<LockedSeat[]>`
    WITH seg AS (
      SELECT f.sequence AS "fromSeq", t.sequence AS "toSeq"
      FROM "Service" s
      JOIN "TrainStop" f ON f."trainId" = s."trainId"
      JOIN "Station" fs ON fs.id = f."stationId" AND fs.code = ${where.fromCode}
      JOIN "TrainStop" t ON t."trainId" = s."trainId"
      JOIN "Station" ts ON ts.id = t."stationId" AND ts.code = ${where.toCode}
      WHERE s.id = ${where.serviceId}
    ), busy AS (
      ${takenSeatIdsSql(where.serviceId, Prisma.sql`(SELECT "fromSeq" FROM seg)`, Prisma.sql`(SELECT "toSeq" FROM seg)`, where.seatIds)}
    )
    SELECT ${seatColumns}, now() AS "txNow", busy.id IS NOT NULL AS taken
    FROM "ServiceSeat" ss
    JOIN "CoachTypeSeat" cts ON cts.id = ss."coachTypeSeatId"
    CROSS JOIN seg
    LEFT JOIN busy ON busy.id = ss.id
    WHERE ss."serviceId" = ${where.serviceId} AND ss."classCode" = ${where.classCode} AND ss."quotaCode" = ${where.quotaCode}
      ${onlyThese}
    ORDER BY ss.id
    FOR UPDATE OF ss NOWAIT`;
}

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
  return client.$queryRaw<(InventorySeat & { kind: "SEATED" | "SLEEPER"; rows: number; columns: number })[]>`
    SELECT ${seatColumns}, ct.kind::text AS kind, ct.rows, ct.columns, busy.id IS NOT NULL AS taken
    FROM "ServiceSeat" ss
    JOIN "CoachTypeSeat" cts ON cts.id = ss."coachTypeSeatId"
    JOIN "CoachType" ct ON ct.id = cts."coachTypeId"
    LEFT JOIN (${takenSeatIdsSql(serviceId, Prisma.sql`${segment.fromSeq}`, Prisma.sql`${segment.toSeq}`, seatIds)}) busy ON busy.id = ss.id
    WHERE ss."serviceId" = ${serviceId} ${onlyThese}
    ORDER BY ss."coachPosition", ss.number`;
}

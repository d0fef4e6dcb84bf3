// Locking an inventory: the first statement of every transaction that decides on it (a batch of
// holds and payments, a promotion from the waiting list, a quota move). One statement locks the
// seat rows and reads every live allocation on them, so the picture and the locks come from the
// same snapshot; a caller may add columns of its own to that statement (a hold batch reads its
// context there, lib/booking/hold-context.ts), saving a round trip while the locks are held.
//
// NOWAIT: under SERIALIZABLE the snapshot is fixed by the first statement, so a transaction that
// queued behind the lock would wake with a snapshot from before the holder's commit, miss its
// allocations and fail at commit anyway. Failing at once and retrying with a fresh snapshot
// (lib/inventory/transaction.ts) turns that into a short wait (decision 008). Rows are locked in id
// order, so two transactions locking overlapping sets cannot deadlock.
//
// The allocations are read through the "serviceId" index as one range of one service's entries,
// never probed seat by seat: under SERIALIZABLE every probed index page is predicate-locked, and
// hundreds of probes into the (serviceSeatId, ...) index escalate to a lock on the whole index, so
// every booking would conflict with every other, on any train (bench/REPORT.md, Spread).
import "server-only";
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { liveAllocation } from "@/lib/inventory/live";
import type { Inventory, InventorySeat, LockedInventory, Occupancy } from "@/lib/inventory/state";

interface LockedSeatJson extends InventorySeat {
  /** [fromSeq, toSeq, expiresAt | null] per live allocation of the seat. */
  ranges: [number, number, string | null][] | null;
}

interface LockedRow {
  txNow: Date;
  seats: LockedSeatJson[];
}

/** Locks the inventory's seats (or only `seatIds` among them) and reads their live allocations. */
export async function lockInventory(tx: Tx, inventory: Inventory, options: { seatIds?: string[] } = {}): Promise<LockedInventory> {
  return (await lockInventoryWith<Record<string, never>>(tx, inventory, options, Prisma.empty)).locked;
}

/**
 * The same, with `columns` (a list starting with a comma, evaluated once, in the same snapshot)
 * added to the statement; their values come back as `extra`.
 */
export async function lockInventoryWith<E>(
  tx: Tx,
  inventory: Inventory,
  options: { seatIds?: string[] },
  columns: Prisma.Sql,
): Promise<{ locked: LockedInventory; extra: E }> {
  const onlyThese = options.seatIds ? Prisma.sql`AND ss.id = ANY(${options.seatIds}::text[])` : Prisma.empty;
  const onlyTheirs = options.seatIds ? Prisma.sql`AND a."serviceSeatId" = ANY(${options.seatIds}::text[])` : Prisma.empty;
  const [row] = await tx.$queryRaw<(LockedRow & E)[]>`
    WITH live AS (
      SELECT a."serviceSeatId" AS id, json_agg(json_build_array(a."fromSeq", a."toSeq", a."expiresAt")) AS ranges
      FROM "SeatAllocation" a
      WHERE a."serviceId" = ${inventory.serviceId} ${onlyTheirs} AND ${liveAllocation("a")}
      GROUP BY a."serviceSeatId"
    ), locked AS (
      SELECT ss.id, ss."coachLabel", ss."coachPosition", ss.number, ss.berth::text AS berth,
             cts.position::text AS position, cts.row, cts.col, cts.bay, live.ranges
      FROM "ServiceSeat" ss
      JOIN "CoachTypeSeat" cts ON cts.id = ss."coachTypeSeatId"
      LEFT JOIN live ON live.id = ss.id
      WHERE ss."serviceId" = ${inventory.serviceId} AND ss."classCode" = ${inventory.classCode} AND ss."quotaCode" = ${inventory.quotaCode}
        ${onlyThese}
      ORDER BY ss.id
      FOR UPDATE OF ss NOWAIT
    )
    SELECT now() AS "txNow", COALESCE((SELECT json_agg(locked) FROM locked), '[]'::json) AS seats ${columns}`;
  const { txNow, seats: rows, ...extra } = row!;
  const occupied = new Map<string, Occupancy[]>();
  const seats: InventorySeat[] = rows.map(({ ranges, ...seat }) => {
    if (ranges) occupied.set(seat.id, ranges.map(([fromSeq, toSeq, expiresAt]) => ({ fromSeq, toSeq, expiresAt: expiresAt === null ? null : new Date(expiresAt) })));
    return seat;
  });
  return { locked: { inventory, txNow, seats, complete: !options.seatIds, occupied }, extra: extra as unknown as E };
}

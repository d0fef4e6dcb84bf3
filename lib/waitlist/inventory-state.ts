// The picture of one inventory (service, class, quota) that promotion decides on: every seat,
// locked, and every live allocation on it with its stop range. Seat rows are locked with NOWAIT in
// id order, exactly as a new booking locks them (lib/booking/inventory.ts, decision 008), so
// promotion and bookings take turns on the same rows and a busy inventory means a quick retry
// (lib/booking/booking-tx.ts), never a transaction that wakes with a stale snapshot.
import "server-only";
import type { Tx } from "@/lib/db";
import type { FreeSeat } from "@/lib/booking/allocate";
import type { Inventory } from "@/lib/waitlist/queue";

export interface InventorySeatRow extends FreeSeat {
  coachLabel: string;
}

export interface OccupiedRange {
  seatId: string;
  fromSeq: number;
  toSeq: number;
}

export interface InventoryState {
  seats: InventorySeatRow[];
  occupied: OccupiedRange[];
}

export async function lockInventory(tx: Tx, inventory: Inventory): Promise<InventoryState> {
  const seats = await tx.$queryRaw<InventorySeatRow[]>`
    SELECT ss.id, ss."coachLabel", ss."coachPosition", ss.number, ss.berth::text AS berth,
           cts.position::text AS position, cts.row, cts.bay
    FROM "ServiceSeat" ss
    JOIN "CoachTypeSeat" cts ON cts.id = ss."coachTypeSeatId"
    WHERE ss."serviceId" = ${inventory.serviceId} AND ss."classCode" = ${inventory.classCode} AND ss."quotaCode" = ${inventory.quotaCode}
    ORDER BY ss.id
    FOR UPDATE OF ss NOWAIT`;
  // Live as the booking path judges it: not released, and paid or a hold not yet run out at now().
  const occupied = await tx.$queryRaw<OccupiedRange[]>`
    SELECT a."serviceSeatId" AS "seatId", a."fromSeq", a."toSeq"
    FROM "SeatAllocation" a
    JOIN "ServiceSeat" ss ON ss.id = a."serviceSeatId"
    WHERE ss."serviceId" = ${inventory.serviceId} AND ss."classCode" = ${inventory.classCode} AND ss."quotaCode" = ${inventory.quotaCode}
      AND a."releasedAt" IS NULL AND (a."expiresAt" IS NULL OR a."expiresAt" > now())`;
  return { seats, occupied };
}

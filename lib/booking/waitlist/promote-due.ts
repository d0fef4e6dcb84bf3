// The sweeper's part in promotion. Holds run out silently (an allocation stops counting the moment
// its expiry passes, docs/decisions/001), so a seat can come free with no transaction to promote
// anyone in. The next booking of that inventory serves the waiting list first
// (lib/booking/hold-batch.ts); this catches the rest: the hold sweeper's cron route calls it, and
// it promotes, inventory by inventory, wherever a paid waiting booking has at least one seat free
// for its whole segment.
import "server-only";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { inventoryTx } from "@/lib/inventory/transaction";
import { inventoryKey } from "@/lib/inventory/state";
import { promoteWaitlist } from "@/lib/booking/waitlist/promote";
import type { Inventory } from "@/lib/booking/waitlist/queue";
import { liveAllocation } from "@/lib/inventory/live";

export interface PromoteDueResult {
  promoted: number;
  inventories: number;
  /** Inventories left for the next run because bookings kept their seats locked. */
  busy: number;
}

/** Inventories where some paid waiting entry has a seat free for its segment: a cheap filter, the promotion decides. */
async function inventoriesWithFreeSeats(): Promise<Inventory[]> {
  return db().$queryRaw<Inventory[]>`
    SELECT DISTINCT e."serviceId", e."classCode", e."quotaCode"
    FROM "WaitlistEntry" e
    JOIN "Booking" b ON b.id = e."bookingId"
    JOIN "Service" s ON s.id = e."serviceId"
    WHERE e.status = 'WAITING' AND b.status = 'WAITLISTED' AND b."holdExpiresAt" IS NULL
      AND s.status <> 'CANCELLED' AND s."chartPreparedAt" IS NULL AND s."departsAt" > now()
      AND EXISTS (
        SELECT 1 FROM "ServiceSeat" ss
        WHERE ss."serviceId" = e."serviceId" AND ss."classCode" = e."classCode" AND ss."quotaCode" = e."quotaCode"
          AND NOT EXISTS (
            SELECT 1 FROM "SeatAllocation" a
            WHERE a."serviceSeatId" = ss.id AND ${liveAllocation("a")}
              AND a."fromSeq" < e."toSeq" AND a."toSeq" > e."fromSeq"))`;
}

/** Promotion for one inventory in a transaction of its own, taking its turn with this instance's bookings of it. */
export async function promoteInventory(inventory: Inventory): Promise<number> {
  const done = await inventoryTx((tx) => promoteWaitlist(tx, inventory), { queueKey: inventoryKey(inventory) });
  return done.length;
}

export async function promoteDue(): Promise<PromoteDueResult> {
  const inventories = await inventoriesWithFreeSeats();
  let promoted = 0;
  let busy = 0;
  for (const inventory of inventories) {
    try {
      promoted += await promoteInventory(inventory);
    } catch (error) {
      // One busy train must not stop the sweep of the others; the next run tries it again.
      if (!isAppError(error) || error.code !== "SERVICE_BUSY") throw error;
      busy++;
      logger.warn("waitlist promotion deferred: seats busy", { ...inventory });
    }
  }
  return { promoted, inventories: inventories.length, busy };
}

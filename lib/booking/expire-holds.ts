// The hold sweeper: marks HELD bookings whose hold has run out as EXPIRED and releases their seats,
// and does the same for waiting-list places left unpaid past their payment window (they leave the
// queue). The seats those holds free go to the waiting list through lib/booking/waitlist/promote-due.ts.
// Housekeeping only: an expired hold stops counting the instant it expires (the live-allocation
// predicate), so a late or missed sweep never keeps a seat off sale; it just brings the recorded
// status in line and writes the EXPIRED event.
import "server-only";
import { serializable } from "@/lib/db/serializable";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { recordEvents } from "@/lib/booking/events";

export interface SweepResult {
  expired: number;
  batches: number;
}

const BATCH = 200;
/** One run's ceiling: a backlog beyond it waits for the next run rather than holding one request open. */
const MAX_BATCHES = 25;

export async function expireHolds(options: { batchSize?: number } = {}): Promise<SweepResult> {
  const batchSize = options.batchSize ?? BATCH;
  let expired = 0;
  let batches = 0;
  while (batches < MAX_BATCHES) {
    const ids = await serializable(async (tx) => {
      // SKIP LOCKED: a booking being paid or cancelled right now is left to that transaction (which
      // sees the lapsed hold itself) and to the next sweep, instead of making the sweep wait.
      const rows = await tx.$queryRaw<{ id: string; status: "HELD" | "WAITLISTED" }[]>`
        SELECT id, status::text AS status FROM "Booking"
        WHERE status IN ('HELD', 'WAITLISTED') AND "holdExpiresAt" <= now()
        ORDER BY "holdExpiresAt", id
        LIMIT ${batchSize}
        FOR UPDATE SKIP LOCKED`;
      await endUnpaid(tx, rows, "SYSTEM", { HELD: "hold ran out", WAITLISTED: "waiting-list place not paid in time" });
      return rows.map((r) => r.id);
    });
    batches++;
    expired += ids.length;
    if (ids.length < batchSize) break;
  }
  return { expired, batches };
}

/**
 * Ends unpaid bookings, locked by the caller: HELD ones and unpaid waiting-list places become
 * EXPIRED, their seats are released and their queue entries closed, each with an EXPIRED event
 * saying why. The sweeper does it when time runs out; an operator releasing a hoarder's holds does
 * it early (lib/admin/holds.ts).
 */
export async function endUnpaid(tx: Tx, rows: { id: string; status: "HELD" | "WAITLISTED" }[], actor: Actor, reasons: Record<"HELD" | "WAITLISTED", string>): Promise<void> {
  const bookingIds = rows.map((r) => r.id);
  if (bookingIds.length === 0) return;
  await tx.booking.updateMany({ where: { id: { in: bookingIds } }, data: { status: "EXPIRED" } });
  await tx.bookingPassenger.updateMany({ where: { bookingId: { in: bookingIds } }, data: { status: "CANCELLED" } });
  await tx.$executeRaw`
    UPDATE "SeatAllocation" SET "releasedAt" = now()
    WHERE "releasedAt" IS NULL
      AND "bookingPassengerId" IN (SELECT id FROM "BookingPassenger" WHERE "bookingId" = ANY(${bookingIds}::text[]))`;
  await tx.$executeRaw`
    UPDATE "WaitlistEntry" SET status = 'CANCELLED', "resolvedAt" = now()
    WHERE status = 'WAITING' AND "bookingId" = ANY(${bookingIds}::text[])`;
  await recordEvents(tx, rows.map((r) => ({ bookingId: r.id, type: "EXPIRED", actor, data: { reason: reasons[r.status] } })));
}

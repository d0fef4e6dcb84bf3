// Cancelling a whole service. First one transaction marks the service CANCELLED and records the
// ScheduleChange (from then on nothing can be booked or paid on it); then its live bookings are
// cancelled with a full refund in batches, each batch its own SERIALIZABLE transaction, through the
// same cancel core a passenger's own cancellation uses (lib/booking/cancel-booking.ts).
//
// Safe to run again, or twice at once: it is idempotent by state. A cancelled service is not
// cancelled again (no second ScheduleChange), a cancelled booking is never picked again, and every
// batch locks the service row first, so two runs take turns batch by batch instead of racing for
// the same bookings. A run that dies half-way leaves whole batches done; running it again finishes
// the rest. See docs/decisions/011-schedule-changes.md.
import "server-only";
import type { Tx } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import type { PaymentProvider } from "@/lib/payments/provider";
import { inventoryTx } from "@/lib/inventory/transaction";
import { appendEvent } from "@/lib/booking/events";
import { type UserActor } from "@/lib/auth/actor";
import { cancelLockedBooking } from "@/lib/booking/cancel-booking";
import type { LockedBooking } from "@/lib/booking/own-booking";
import type { CancelServiceInput } from "@/lib/schemas/admin-ops";
import { cancellationNotice } from "@/lib/admin/schedule-notices";
import { LIVE_BOOKING, SCHEDULE_LOCK_WAIT_MS, lockService, refuseIfDeparted, type LockedService } from "@/lib/admin/schedule-changes";

export const CANCEL_BATCH_SIZE = 200;

export interface CancelServiceResult {
  scheduleChangeId: string;
  /** True when an earlier run had already marked the service cancelled (this run only finished its bookings). */
  alreadyCancelled: boolean;
  cancelledBookings: number;
  /** Refunded by this run, per currency. */
  refunded: { amountMinor: number; currency: string }[];
  batches: number;
  /** False when maxBatches stopped the run before every booking was cancelled: run it again. */
  complete: boolean;
  /** The delay announced before the cancellation (kept on the service for the record). */
  delayMinutes: number;
}

export interface CancelServiceOptions {
  batchSize?: number;
  /** Stop after this many batches (the rest waits for the next run). */
  maxBatches?: number;
}

type BatchBooking = LockedBooking & { userId: string };

async function markCancelled(admin: UserActor, input: Pick<CancelServiceInput, "serviceId" | "reason">) {
  return inventoryTx(
    async (tx) => {
      const service = await lockService(tx, input.serviceId);
      const alreadyCancelled = service.status === "CANCELLED";
      if (alreadyCancelled) {
        const earlier = await tx.scheduleChange.findFirst({
          where: { serviceId: service.id, kind: "CANCELLATION" },
          orderBy: { createdAt: "desc" },
          select: { id: true, reason: true },
        });
        if (earlier) return { service, change: earlier, alreadyCancelled };
      } else {
        refuseIfDeparted(service);
        await tx.service.update({ where: { id: service.id }, data: { status: "CANCELLED" } });
      }
      // Also when the service was marked cancelled some other way: the bookings still get a recorded cause.
      const change = await tx.scheduleChange.create({
        data: { serviceId: service.id, kind: "CANCELLATION", reason: input.reason, createdById: admin.userId, createdAt: service.at },
        select: { id: true, reason: true },
      });
      return { service, change, alreadyCancelled };
    },
    { lockWaitMs: SCHEDULE_LOCK_WAIT_MS },
  );
}

/** The next live bookings, locked. Lapsed holds are left to the hold sweeper: their seats are free already. */
async function nextBatch(tx: Tx, serviceId: string, size: number): Promise<BatchBooking[]> {
  return tx.$queryRaw<BatchBooking[]>`
    SELECT b.id, b.pnr, b."userId", b.status::text AS status, b."holdExpiresAt", b."totalMinor", b.currency, b."fromSeq", b."toSeq"
    FROM "Booking" b
    WHERE b."serviceId" = ${serviceId} AND ${LIVE_BOOKING}
    ORDER BY b.id
    LIMIT ${size}
    FOR UPDATE`;
}

async function cancelBatch(
  admin: UserActor,
  service: LockedService,
  change: { id: string; reason: string | null },
  provider: PaymentProvider,
  size: number,
): Promise<{ picked: number; cancelled: number; refunds: { amountMinor: number; currency: string }[] }> {
  return inventoryTx(
    async (tx) => {
      await lockService(tx, service.id);
      const bookings = await nextBatch(tx, service.id, size);
      const refunds: { amountMinor: number; currency: string }[] = [];
      for (const booking of bookings) {
        await appendEvent(tx, booking.id, "SCHEDULE_CANCELLED", admin, { scheduleChangeId: change.id, reason: change.reason });
        try {
          const { refund } = await cancelLockedBooking(tx, booking, {
            actor: admin,
            ownerId: booking.userId,
            provider,
            fullRefund: true,
            refundReason: "SERVICE_CANCELLED",
            eventData: { scheduleChangeId: change.id, serviceCancelled: true },
            notice: (refund) => cancellationNotice(service, booking, change, refund),
          });
          refunds.push(refund);
        } catch (error) {
          // A hold that ran out between the pick and the cancel: nothing to refund, the sweeper expires it.
          if (isAppError(error) && error.code === "HOLD_EXPIRED") continue;
          throw error;
        }
      }
      if (bookings.length < size) {
        await tx.waitlistEntry.updateMany({ where: { serviceId: service.id, status: "WAITING" }, data: { status: "CANCELLED", resolvedAt: service.at } });
      }
      return { picked: bookings.length, cancelled: refunds.length, refunds };
    },
    { lockWaitMs: SCHEDULE_LOCK_WAIT_MS },
  );
}

export async function cancelService(
  admin: UserActor,
  input: Pick<CancelServiceInput, "serviceId" | "reason">,
  provider: PaymentProvider,
  options: CancelServiceOptions = {},
): Promise<CancelServiceResult> {
  const size = options.batchSize ?? CANCEL_BATCH_SIZE;
  const maxBatches = options.maxBatches ?? Infinity;
  const { service, change, alreadyCancelled } = await markCancelled(admin, input);

  const totals = new Map<string, number>();
  let cancelledBookings = 0;
  let batches = 0;
  let complete = false;
  while (batches < maxBatches) {
    const batch = await cancelBatch(admin, service, change, provider, size);
    batches++;
    cancelledBookings += batch.cancelled;
    for (const r of batch.refunds) totals.set(r.currency, (totals.get(r.currency) ?? 0) + r.amountMinor);
    if (batch.picked < size) {
      complete = true;
      break;
    }
    // Every pick lapsed between the pick and the cancel: stop rather than pick them again (the
    // predicate leaves them out from the next transaction on, so a new run carries on).
    if (batch.cancelled === 0) break;
  }
  const refunded = [...totals].filter(([, amountMinor]) => amountMinor > 0).map(([currency, amountMinor]) => ({ amountMinor, currency }));
  return { scheduleChangeId: change.id, alreadyCancelled, cancelledBookings, refunded, batches, complete, delayMinutes: service.delayMinutes };
}

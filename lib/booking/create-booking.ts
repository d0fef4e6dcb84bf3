// POST /api/v1/bookings end to end: Idempotency-Key, an early refusal without locks, this
// instance's queue for the inventory, then the hold transaction, whose answer is stored with it.
// The hold transaction serves the waiting list before choosing seats; when the booking is then
// refused, its rollback takes those promotions with it, so they are made again on their own.
import "server-only";
import type { CreateBookingInput } from "@/lib/schemas/booking";
import { idempotent, type IdempotentResult } from "@/lib/idempotency/with-idempotency";
import { inventoryTx } from "@/lib/inventory/transaction";
import { holdSeats, precheckHold } from "@/lib/booking/hold-seats";
import { inventoryKey } from "@/lib/inventory/turns";
import { toView } from "@/lib/booking/booking-view";
import type { UserActor } from "@/lib/auth/actor";
import { logger } from "@/lib/logger";
import { promoteInventory } from "@/lib/booking/waitlist/promote-due";

export const CREATE_BOOKING_SCOPE = "POST /api/v1/bookings";

export async function createBooking(actor: UserActor, input: CreateBookingInput, idempotencyKey: string | null): Promise<IdempotentResult> {
  const inventory = { serviceId: input.serviceId, classCode: input.class, quotaCode: input.quota ?? "GENERAL" };
  const queueKey = inventoryKey(inventory.serviceId, inventory.classCode, inventory.quotaCode);
  // Whether the latest attempt promoted anyone before it ended.
  let promoted = false;
  try {
    return await idempotent(
      { userId: actor.userId, scope: CREATE_BOOKING_SCOPE, key: idempotencyKey, request: input },
      async (tx) => {
        promoted = false;
        const { record } = await holdSeats(tx, actor, input, () => (promoted = true));
        return { status: 201, body: toView(record) };
      },
      {
        runTx: (work, options) => inventoryTx(work, { ...options, queueKey }),
        precheck: precheckHold(input),
      },
    );
  } catch (error) {
    if (promoted) {
      // Best effort: the refusal is the answer; if this fails too, the sweeper promotes them.
      await promoteInventory(inventory).catch((e: unknown) => logger.warn("waitlist promotion after a refused booking failed", { error: e, ...inventory }));
    }
    throw error;
  }
}

// POST /api/v1/bookings end to end: Idempotency-Key, an early refusal without locks, this
// instance's queue for the inventory, then the hold transaction, whose answer is stored with it.
import "server-only";
import type { CreateBookingInput } from "@/lib/schemas/booking";
import { idempotent, type IdempotentResult } from "@/lib/idempotency/with-idempotency";
import { bookingTx } from "@/lib/booking/booking-tx";
import { holdSeats, precheckHold } from "@/lib/booking/hold-seats";
import { inventoryKey } from "@/lib/booking/inventory-queue";
import { toView } from "@/lib/booking/booking-view";
import type { UserActor } from "@/lib/booking/events";

export const CREATE_BOOKING_SCOPE = "POST /api/v1/bookings";

export async function createBooking(actor: UserActor, input: CreateBookingInput, idempotencyKey: string | null): Promise<IdempotentResult> {
  const queueKey = inventoryKey(input.serviceId, input.class, input.quota ?? "GENERAL");
  return idempotent(
    { userId: actor.userId, scope: CREATE_BOOKING_SCOPE, key: idempotencyKey, request: input },
    async (tx) => {
      const { record } = await holdSeats(tx, actor, input);
      return { status: 201, body: toView(record) };
    },
    {
      runTx: (work, options) => bookingTx(work, { ...options, queueKey }),
      precheck: precheckHold(input),
    },
  );
}

// Creating a booking (a hold, or a waiting-list place), end to end and transport-neutral: the
// Idempotency-Key's replay, a refusal this instance already knows, then a place in the
// inventory's queue, served with every other request queued for it in one transaction
// (lib/booking/inventory-turn.ts). Returns the outcome as a value; front ends map it (lib/http-outcomes.ts).
import "server-only";
import { db } from "@/lib/db";
import type { CreateBookingInput } from "@/lib/schemas/booking";
import type { UserActor } from "@/lib/auth/actor";
import { retryOnConnectionLoss } from "@/lib/db/connection-retry";
import { findKeys, keyId, parseKey, requestHash, type KeyRef } from "@/lib/idempotency/keys";
import { refused, refusedOrThrow, type BookingOutcome } from "@/lib/booking/outcomes";
import { inventoryOf } from "@/lib/booking/hold-batch";
import { holdInTurn, holdReplay } from "@/lib/booking/inventory-turn";
import { knownRefusal } from "@/lib/booking/known-taken";

export const CREATE_BOOKING_SCOPE = "booking.create";

export async function createBooking(actor: UserActor, input: CreateBookingInput, idempotencyKey: string | null): Promise<BookingOutcome> {
  const parsed = parseKey(idempotencyKey);
  if ("error" in parsed) return refused(parsed.error);
  const ref: KeyRef = { userId: actor.userId, scope: CREATE_BOOKING_SCOPE, key: parsed.key };
  const hash = requestHash(input);
  try {
    // A finished key answers at once, before any check that could now come out differently.
    const lookedUpAt = Date.now();
    const finished = (await retryOnConnectionLoss(() => findKeys(db(), [ref]))).get(keyId(ref));
    if (finished) return holdReplay(finished, hash);
    // Only a picture older than that lookup: a newer one may show this very key's hold committing.
    const known = knownRefusal(input, lookedUpAt);
    if (known) return refused(known);
    return await holdInTurn(inventoryOf(input), { actor, input, ref, requestHash: hash });
  } catch (error) {
    return refusedOrThrow(error);
  }
}

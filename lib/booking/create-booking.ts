// Creating a booking (a hold, or a waiting-list place), end to end and transport-neutral: the
// Idempotency-Key's replay, a refusal this instance already knows, the account's unpaid-seat
// limits and the address's hold throttle, then a place in the inventory's queue, served with every
// other request queued for it in one transaction (lib/booking/inventory-turn.ts). Returns the
// outcome as a value; front ends map it (lib/http-outcomes.ts).
import "server-only";
import { db } from "@/lib/db";
import type { CreateBookingInput } from "@/lib/schemas/booking";
import type { UserActor } from "@/lib/auth/actor";
import { retryOnConnectionLoss } from "@/lib/db/connection-retry";
import { findKeysWith, keyId, parseKey, requestHash, type KeyRef } from "@/lib/idempotency/keys";
import { plural, spend } from "@/lib/limits/limiter";
import { noteOutcome } from "@/lib/metrics/metrics";
import { refused, refusedOrThrow, type BookingOutcome } from "@/lib/booking/outcomes";
import { inventoryOf } from "@/lib/booking/hold-batch";
import { holdInTurn, holdReplay } from "@/lib/booking/inventory-turn";
import { knownRefusal } from "@/lib/booking/known-taken";
import { allowanceColumn, holdLimitRefusal, type Allowance } from "@/lib/booking/hold-limits";

export const CREATE_BOOKING_SCOPE = "booking.create";

/** Where a request came from, as its front end knows it. */
export interface RequestOrigin {
  /** The client's address (lib/net/client-address.ts), or null when unknown (then no per-address throttle applies). */
  address: string | null;
}

export async function createBooking(actor: UserActor, input: CreateBookingInput, idempotencyKey: string | null, origin: RequestOrigin = { address: null }): Promise<BookingOutcome> {
  const outcome = await hold(actor, input, idempotencyKey, origin);
  noteOutcome("hold", outcome.kind === "refused" ? outcome.error.code : outcome.replayed ? "replayed" : outcome.kind);
  return outcome;
}

async function hold(actor: UserActor, input: CreateBookingInput, idempotencyKey: string | null, origin: RequestOrigin): Promise<BookingOutcome> {
  const parsed = parseKey(idempotencyKey);
  if ("error" in parsed) return refused(parsed.error);
  const ref: KeyRef = { userId: actor.userId, scope: CREATE_BOOKING_SCOPE, key: parsed.key };
  const hash = requestHash(input);
  try {
    // A finished key answers at once, before any check that could now come out differently. The
    // account's unpaid seats are read in the same statement: the limit is checked again in the turn, cheaply
    // when nothing changed since (lib/booking/hold-limits.ts).
    const lookedUpAt = Date.now();
    const { found, extra } = await retryOnConnectionLoss(() =>
      findKeysWith<{ allowance: Allowance | null }>(db(), [ref], allowanceColumn(actor.userId, input.serviceId)),
    );
    const finished = found.get(keyId(ref));
    if (finished) return holdReplay(finished, hash);
    // Only a picture older than that lookup: a newer one may show this very key's hold committing.
    const known = knownRefusal(input, lookedUpAt);
    if (known) return refused(known);
    const allowance = extra.allowance ?? undefined;
    const overLimit = allowance && holdLimitRefusal(allowance, input.passengers.length);
    if (overLimit) return refused(overLimit);
    if (origin.address) {
      await spend("holdsPerAddress", origin.address, (minutes) => `Too many bookings were started from your network. Try again in ${plural(minutes, "minute")}.`);
    }
    return await holdInTurn(inventoryOf(input), { actor, input, ref, requestHash: hash, allowance });
  } catch (error) {
    return refusedOrThrow(error);
  }
}

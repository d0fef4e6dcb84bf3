// Creating a booking (a hold, or a waiting-list place), end to end and transport-neutral: the
// Idempotency-Key's replay, a refusal this instance already knows, then a place in the
// inventory's queue, served with every other request queued for it in one transaction
// (lib/booking/hold-batch.ts). Returns the outcome as a value; front ends map it (lib/http-outcomes.ts).
import "server-only";
import { db } from "@/lib/db";
import type { CreateBookingInput } from "@/lib/schemas/booking";
import type { UserActor } from "@/lib/auth/actor";
import { isConnectionError, isUniqueViolation } from "@/lib/db/errors";
import { connectionRetryBudgetMs, databaseUnavailable, retryOnConnectionLoss } from "@/lib/db/connection-retry";
import { findKeys, keyId, parseKey, replayOf, requestHash, type KeyRef } from "@/lib/idempotency/keys";
import { inventoryKey } from "@/lib/inventory/state";
import { takeTurn, type Ticket } from "@/lib/inventory/turns";
import { batchBackoff, isRetryableBatchError, lockWaitMs, noteBatchTurn, noteGaveUp } from "@/lib/inventory/transaction";
import { holdFromLegacy, refused, refusedOrThrow, type BookingOutcome } from "@/lib/booking/outcomes";
import { holdBatch, inventoryOf, type HoldRequest } from "@/lib/booking/hold-batch";
import { knownRefusal, rememberPicture } from "@/lib/booking/known-taken";

export const CREATE_BOOKING_SCOPE = "booking.create";

interface HoldTicket extends Ticket {
  request: HoldRequest;
  queuedAt: number;
  /** Give up on lost connections (a failover) at this time; on busy seats at `deadline`. */
  connectionDeadline: number;
  /** Look the key up before the next attempt: an attempt may have committed, or a same-key request won. */
  recheck: boolean;
  answer: (outcome: BookingOutcome) => void;
}

export async function createBooking(actor: UserActor, input: CreateBookingInput, idempotencyKey: string | null): Promise<BookingOutcome> {
  const parsed = parseKey(idempotencyKey);
  if ("error" in parsed) return refused(parsed.error);
  const ref: KeyRef = { userId: actor.userId, scope: CREATE_BOOKING_SCOPE, key: parsed.key };
  const hash = requestHash(input);
  try {
    // A finished key answers at once, before any check that could now come out differently.
    const finished = (await retryOnConnectionLoss(() => findKeys(db(), [ref]))).get(keyId(ref));
    if (finished) return replay(finished, hash);
    const known = knownRefusal(input);
    if (known) return refused(known);
    return await new Promise<BookingOutcome>((resolve, reject) => {
      let answered = false;
      const now = Date.now();
      const ticket: HoldTicket = {
        request: { actor, input, ref, requestHash: hash },
        queuedAt: performance.now(),
        deadline: now + lockWaitMs(),
        connectionDeadline: now + Math.max(lockWaitMs(), connectionRetryBudgetMs()),
        recheck: false,
        serve: serveHolds,
        answer: (outcome) => {
          if (answered) return;
          answered = true;
          resolve(outcome);
        },
        fail: (error) => {
          if (answered) return;
          answered = true;
          reject(error);
        },
      };
      takeTurn(inventoryKey(inventoryOf(input)), ticket);
    });
  } catch (error) {
    return refusedOrThrow(error);
  }
}

function replay(row: Parameters<typeof replayOf>[0], hash: string): BookingOutcome {
  const r = replayOf(row, hash, holdFromLegacy);
  return "error" in r ? refused(r.error) : { ...r.outcome, replayed: true };
}

/** Answers the tickets whose key is now finished (their replay); returns the others. */
async function answerReplays(tickets: HoldTicket[]): Promise<HoldTicket[]> {
  const toCheck = tickets.filter((t) => t.recheck);
  if (toCheck.length === 0) return tickets;
  const found = await retryOnConnectionLoss(() => findKeys(db(), toCheck.map((t) => t.request.ref)));
  return tickets.filter((t) => {
    const row = found.get(keyId(t.request.ref));
    if (row) t.answer(replay(row, t.request.requestHash));
    return !row;
  });
}

/** Serves one batch of hold tickets of one inventory, retrying it whole within each request's deadline. */
async function serveHolds(batch: Ticket[]): Promise<void> {
  const tickets = batch as HoldTicket[];
  const inventory = inventoryOf(tickets[0]!.request.input);
  // The same key twice in one batch: the first is served, the others go round again and replay it.
  const seen = new Set<string>();
  let pending = tickets.filter((t) => {
    const id = keyId(t.request.ref);
    if (!seen.has(id)) return seen.add(id);
    t.recheck = true;
    takeTurn(inventoryKey(inventory), t);
    return false;
  });
  let lastError: unknown = null;
  for (let attempt = 1; ; attempt++) {
    const now = Date.now();
    pending = pending.filter((t) => {
      const connectionLost = lastError !== null && isConnectionError(lastError);
      if (now < (connectionLost ? t.connectionDeadline : t.deadline)) return true;
      t.fail(connectionLost ? databaseUnavailable(attempt - 1) : noteGaveUp());
      return false;
    });
    pending = await answerReplays(pending);
    if (pending.length === 0) return;
    const turn = performance.now();
    try {
      const result = await db().$transaction((tx) => holdBatch(tx, inventory, pending.map((t) => t.request)), {
        isolationLevel: "Serializable",
        timeout: 15_000,
        maxWait: 15_000,
      });
      noteBatchTurn(turn - Math.min(...pending.map((t) => t.queuedAt)), performance.now() - turn, pending.length);
      rememberPicture(result.state, result.context);
      pending.forEach((t, i) => {
        const answer = result.answers[i]!;
        t.answer(answer.kind === "refused" ? refused(answer.error) : { ...answer, replayed: false });
      });
      return;
    } catch (error) {
      if (!isRetryableBatchError(error)) throw error;
      lastError = error;
      if (isUniqueViolation(error) || isConnectionError(error)) for (const t of pending) t.recheck = true;
      await batchBackoff(attempt, error);
    }
  }
}

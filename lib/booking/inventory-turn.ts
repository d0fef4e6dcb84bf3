// One turn at an inventory, for every request this instance has queued for it (lib/inventory/turns.ts):
// ONE SERIALIZABLE transaction serves the batch's payments and then its holds (lib/booking/hold-batch.ts),
// claims every request's Idempotency-Key with its outcome, commits once, then answers everyone.
// If the transaction fails as a whole (serialization, seats locked by another instance, a lost
// connection, a key or PNR taken meanwhile), the batch is retried whole within each request's
// deadline; before a retry that may have committed, keys are looked up and replays answered.
// Nobody is answered twice: an answer is given once, after the commit, or once as a failure.
// Decision 018.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import type { UserActor } from "@/lib/auth/actor";
import type { PaymentProvider } from "@/lib/payments/provider";
import { isConnectionError } from "@/lib/db/errors";
import { connectionRetryBudgetMs, databaseUnavailable, retryOnConnectionLoss } from "@/lib/db/connection-retry";
import { findKeys, keyId, replayOf, type KeyRef, type StoredKey } from "@/lib/idempotency/keys";
import { lockInventory } from "@/lib/inventory/lock";
import { inventoryKey, type Inventory, type LockedInventory } from "@/lib/inventory/state";
import { takeTurn, type Ticket } from "@/lib/inventory/turns";
import { batchBackoff, isRetryableBatchError, lockWaitMs, noteBatchTurn, noteGaveUp } from "@/lib/inventory/transaction";
import { holdFromLegacy, paymentFromLegacy, refused, type BookingOutcome, type PaidOutcome, type PaymentOutcome, type Refused } from "@/lib/booking/outcomes";
import { holdBatch, seatsToLock, type HoldAnswer, type HoldRequest } from "@/lib/booking/hold-batch";
import { rememberPicture } from "@/lib/booking/known-taken";
import { payBooking } from "@/lib/booking/pay-booking";
import { bookingViewById } from "@/lib/booking/booking-view";
import { writeBookings, type ClaimedKey } from "@/lib/booking/write-bookings";

export interface PayRequest {
  actor: UserActor;
  pnr: string;
  cardNumber: string;
  provider: PaymentProvider;
  ref: KeyRef;
  requestHash: string;
}

interface TurnTicket extends Ticket {
  inventory: Inventory;
  queuedAt: number;
  /** Give up on lost connections (a failover) at this time; on busy seats at `deadline`. */
  connectionDeadline: number;
  /** Look the key up before the next attempt: an attempt may have committed, or a same-key request won. */
  recheck: boolean;
  ref: KeyRef;
  requestHash: string;
  /** Answers from a stored key. */
  replay: (row: StoredKey) => void;
}

interface HoldTicket extends TurnTicket {
  kind: "hold";
  request: HoldRequest;
  answer: (outcome: BookingOutcome) => void;
}

interface PayTicket extends TurnTicket {
  kind: "pay";
  request: PayRequest;
  answer: (outcome: PaymentOutcome) => void;
}

type AnyTicket = HoldTicket | PayTicket;

/**
 * Keys of requests this instance is serving now. A request whose key is already in flight here (a
 * client repeating itself before the first answer came) looks its key up before its turn: by then
 * the first has usually committed, and the repeat replays it instead of trying the write again.
 */
const inFlight = new Map<string, number>();

/** Settles a promise once: the first answer or failure wins, later ones are ignored. */
function once<T>(ref: KeyRef, resolve: (value: T) => void, reject: (error: unknown) => void) {
  const id = keyId(ref);
  const repeated = inFlight.has(id);
  inFlight.set(id, (inFlight.get(id) ?? 0) + 1);
  let done = false;
  const settled = () => {
    done = true;
    const left = inFlight.get(id)! - 1;
    if (left === 0) inFlight.delete(id);
    else inFlight.set(id, left);
  };
  return {
    repeated,
    answer: (value: T) => {
      if (done) return;
      settled();
      resolve(value);
    },
    fail: (error: unknown) => {
      if (done) return;
      settled();
      reject(error);
    },
  };
}

function deadlines() {
  const now = Date.now();
  return { queuedAt: performance.now(), deadline: now + lockWaitMs(), connectionDeadline: now + Math.max(lockWaitMs(), connectionRetryBudgetMs()) };
}

/** Queues one request for its inventory's turn; the promise settles once, with its outcome. */
function enqueue<O>(inventory: Inventory, part: Pick<HoldTicket, "kind" | "request"> | Pick<PayTicket, "kind" | "request">, replay: (row: StoredKey, hash: string) => O): Promise<O> {
  const { ref, requestHash } = part.request;
  return new Promise<O>((resolve, reject) => {
    const settle = once(ref, resolve, reject);
    const ticket = {
      ...part,
      inventory,
      ...deadlines(),
      recheck: settle.repeated,
      ref,
      requestHash,
      serve: serveTurn,
      fail: settle.fail,
      answer: settle.answer,
      replay: (row: StoredKey) => settle.answer(replay(row, requestHash)),
    } as AnyTicket; // `answer` takes this kind's outcome (O), as the kind says
    takeTurn(inventoryKey(inventory), ticket);
  });
}

export function holdInTurn(inventory: Inventory, request: HoldRequest): Promise<BookingOutcome> {
  return enqueue(inventory, { kind: "hold", request }, holdReplay);
}

export function payInTurn(inventory: Inventory, request: PayRequest): Promise<PaymentOutcome> {
  return enqueue(inventory, { kind: "pay", request }, paymentReplay);
}

export function holdReplay(row: StoredKey, hash: string): BookingOutcome {
  const r = replayOf(row, hash, holdFromLegacy);
  return "error" in r ? refused(r.error) : { ...r.outcome, replayed: true };
}

export function paymentReplay(row: StoredKey, hash: string): PaymentOutcome {
  const r = replayOf(row, hash, paymentFromLegacy);
  return "error" in r ? refused(r.error) : { ...r.outcome, replayed: true };
}

/** Answers the tickets whose key is now finished (their replay); returns the others. */
async function answerReplays(tickets: AnyTicket[]): Promise<AnyTicket[]> {
  const toCheck = tickets.filter((t) => t.recheck);
  if (toCheck.length === 0) return tickets;
  const found = await retryOnConnectionLoss(() => findKeys(db(), toCheck.map((t) => t.ref)));
  return tickets.filter((t) => {
    const row = found.get(keyId(t.ref));
    if (!row) return true;
    try {
      t.replay(row);
    } catch (error) {
      t.fail(error); // one unreadable row fails its own request, not the batch
    }
    return false;
  });
}

async function serveTurn(batch: Ticket[]): Promise<void> {
  const tickets = batch as AnyTicket[];
  const inventory = tickets[0]!.inventory;
  const line = inventoryKey(inventory);
  // The same key twice in one batch: the first is served, the others go round again and replay it.
  const seen = new Set<string>();
  let pending = tickets.filter((t) => {
    const id = keyId(t.ref);
    if (!seen.has(id)) return seen.add(id);
    t.recheck = true;
    takeTurn(line, t);
    return false;
  });
  let lastError: unknown = null;
  for (let attempt = 1; ; attempt++) {
    // Keys first: a request whose earlier attempt did commit is answered with it, deadline or not.
    pending = await answerReplays(pending);
    const now = Date.now();
    const connectionLost = lastError !== null && isConnectionError(lastError);
    pending = pending.filter((t) => {
      if (now < (connectionLost ? t.connectionDeadline : t.deadline)) return true;
      t.fail(connectionLost ? databaseUnavailable(attempt - 1) : noteGaveUp());
      return false;
    });
    if (pending.length === 0) return;
    const holds = pending.filter((t): t is HoldTicket => t.kind === "hold");
    const pays = pending.filter((t): t is PayTicket => t.kind === "pay");
    const turn = performance.now();
    try {
      const result = await db().$transaction((tx) => turnTx(tx, inventory, holds, pays), { isolationLevel: "Serializable", timeout: 15_000, maxWait: 15_000 });
      noteBatchTurn(turn - Math.min(...pending.map((t) => t.queuedAt)), performance.now() - turn, pending.length);
      if (result.holds) rememberPicture(result.holds.state, result.holds.context);
      pays.forEach((t, i) => t.answer(result.pays[i]!));
      holds.forEach((t, i) => t.answer(result.holdOutcomes[i]!));
      return;
    } catch (error) {
      if (!isRetryableBatchError(error)) {
        // A bug or an unexpected database error: it must not take the whole batch down with it.
        // Each request is tried again on its own, so only the one that causes it fails.
        if (pending.length === 1) throw error;
        logger.error("inventory turn failed; serving its requests one by one", { error, size: pending.length });
        for (const t of pending) await serveTurn([t]).catch((e: unknown) => t.fail(e));
        return;
      }
      lastError = error;
      // Any failure may hide a same-key request that won meanwhile (its row lock, its key), and a
      // lost connection may hide our own commit: the keys answer that before the next attempt.
      for (const t of pending) t.recheck = true;
      await batchBackoff(attempt, error);
    }
  }
}

/** The transaction: the inventory locked first (a fresh snapshot), then payments, then holds. */
async function turnTx(tx: Tx, inventory: Inventory, holds: HoldTicket[], pays: PayTicket[]) {
  // With payments to serve first, the inventory is locked before them (the transaction's snapshot is
  // then fresh at the lock); holds alone lock it with their context, in one statement.
  let locked: LockedInventory | undefined = holds.length > 0 && pays.length > 0 ? await lockInventory(tx, inventory, seatsToLock(holds.map((t) => t.request))) : undefined;
  const keys: ClaimedKey[] = [];
  const payOutcomes: PaymentOutcome[] = [];
  let promoted = false;
  for (const t of pays) {
    const { outcome, waitlistPaid } = await payOne(tx, t.request);
    if (outcome.kind === "refused") {
      // Refused (say, already paid) because a request with the same key, through another
      // instance, paid just before this transaction began? Then its outcome is the answer.
      const row = (await findKeys(tx, [t.ref])).get(keyId(t.ref));
      if (row) {
        payOutcomes.push(paymentReplay(row, t.requestHash));
        continue;
      }
    }
    payOutcomes.push(outcome.kind === "refused" ? outcome : { ...outcome, replayed: false });
    if (outcome.kind !== "refused") keys.push({ ...t.ref, requestHash: t.requestHash, outcome });
    promoted ||= waitlistPaid;
  }
  // A paid waiting-list place may have been given seats just now: plan the holds on the seats as they are.
  if (promoted && locked) locked = await lockInventory(tx, inventory);
  if (holds.length === 0) {
    await writeBookings(tx, [], keys);
    return { pays: payOutcomes, holds: null, holdOutcomes: [] };
  }
  const result = await holdBatch(tx, inventory, holds.map((t) => t.request), locked, keys);
  return { pays: payOutcomes, holds: result, holdOutcomes: await holdOutcomes(tx, holds, result.answers) };
}

/**
 * The holds' answers. A refused request whose key is already stored was answered by a request with
 * the same key that committed before this transaction (a client that timed out and repeated itself
 * through another instance): its outcome is the answer, not the refusal. One statement, and only
 * when something was refused.
 */
async function holdOutcomes(tx: Tx, holds: HoldTicket[], answers: HoldAnswer[]): Promise<BookingOutcome[]> {
  const refusedRefs = holds.filter((_, i) => answers[i]!.kind === "refused").map((t) => t.ref);
  const stored = refusedRefs.length > 0 ? await findKeys(tx, refusedRefs) : new Map<string, StoredKey>();
  return answers.map((answer, i) => {
    if (answer.kind !== "refused") return { ...answer, replayed: false };
    const row = stored.get(keyId(holds[i]!.ref));
    return row ? holdReplay(row, holds[i]!.requestHash) : refused(answer.error);
  });
}

/**
 * One payment of the batch. A refusal is thrown before anything is written, so it leaves the others
 * untouched. `waitlistPaid`: a waiting-list place was paid, which may have promoted it to seats.
 */
async function payOne(tx: Tx, request: PayRequest): Promise<{ outcome: PaidOutcome | Refused; waitlistPaid: boolean }> {
  try {
    const { bookingId, payment, waitlisted } = await payBooking(tx, request.actor, { pnr: request.pnr, cardNumber: request.cardNumber, idempotencyKey: request.ref.key }, request.provider);
    if (payment.status === "DECLINED") return { outcome: { kind: "declined", payment: { id: payment.id, failureCode: payment.failureCode } }, waitlistPaid: false };
    return {
      outcome: {
        kind: "paid",
        booking: await bookingViewById(tx, bookingId),
        payment: { id: payment.id, status: payment.status, amount: payment.amountMinor, currency: payment.currency, cardLast4: payment.cardLast4 },
      },
      waitlistPaid: waitlisted,
    };
  } catch (error) {
    if (isAppError(error)) return { outcome: refused(error), waitlistPaid: false };
    throw error;
  }
}

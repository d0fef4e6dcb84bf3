// Paying for a booking end to end, transport-neutral: the Idempotency-Key (a repeat with the same
// key replays the first outcome: charged once, answered the same), then a place in the booking's
// inventory queue, served with the holds and payments queued for it in one transaction
// (lib/booking/inventory-turn.ts, lib/booking/pay-booking.ts). The outcome (paid, or declined) is
// stored with the key. Declined cards are throttled per booking, per account and per address
// (card testing: someone trying stolen numbers until one goes through).
import "server-only";
import type { PaymentInput } from "@/lib/schemas/booking";
import { findKeysWith, keyId, parseKey, requestHash, type KeyRef } from "@/lib/idempotency/keys";
import { cardFingerprint } from "@/lib/payments/card";
import { paymentProvider } from "@/lib/payments";
import type { PaymentProvider } from "@/lib/payments/provider";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { retryOnConnectionLoss } from "@/lib/db/connection-retry";
import { isPnr } from "@/lib/booking/pnr";
import type { UserActor } from "@/lib/auth/actor";
import { refused, refusedOrThrow, type PaymentOutcome } from "@/lib/booking/outcomes";
import { payInTurn, paymentReplay } from "@/lib/booking/inventory-turn";
import { noteOutcome } from "@/lib/metrics/metrics";
import type { RequestOrigin } from "@/lib/booking/create-booking";
import { count, longestWait, plural, rateLimitedError, throttlesColumn, type LimitName, type ThrottleRow } from "@/lib/limits/limiter";

export const PAYMENT_SCOPE = "booking.pay";

export async function requestPayment(
  actor: UserActor,
  pnr: string,
  input: PaymentInput,
  idempotencyKey: string | null,
  origin: RequestOrigin = { address: null },
  provider: PaymentProvider = paymentProvider(),
): Promise<PaymentOutcome> {
  const outcome = await pay(actor, pnr, input, idempotencyKey, origin, provider);
  noteOutcome("payment", outcome.kind === "refused" ? outcome.error.code : outcome.replayed ? "replayed" : outcome.kind);
  return outcome;
}

async function pay(actor: UserActor, pnr: string, input: PaymentInput, idempotencyKey: string | null, origin: RequestOrigin, provider: PaymentProvider): Promise<PaymentOutcome> {
  const parsed = parseKey(idempotencyKey);
  if ("error" in parsed) return refused(parsed.error);
  const ref: KeyRef = { userId: actor.userId, scope: PAYMENT_SCOPE, key: parsed.key };
  // The card enters the comparison only as a keyed fingerprint: the key row must not hold anything
  // from which the number could be recovered.
  const hash = requestHash({ pnr, card: cardFingerprint(input.cardNumber) });
  const declines: [LimitName, string][] = [
    ...(isPnr(pnr) ? [["declinedPerBooking", pnr] as [LimitName, string]] : []),
    ["declinedPerUser", actor.userId],
    ...(origin.address ? [["declinedPerAddress", origin.address] as [LimitName, string]] : []),
  ];
  try {
    const { found, extra } = await retryOnConnectionLoss(() => findKeysWith<{ throttles: ThrottleRow[] | null }>(db(), [ref], throttlesColumn(declines)));
    const finished = found.get(keyId(ref));
    if (finished) return paymentReplay(finished, hash);
    const wait = longestWait(declines, extra.throttles);
    if (wait !== null) {
      return refused(rateLimitedError(wait, (minutes) => `Too many cards were declined. Check the card's details, then try again in ${plural(minutes, "minute")}.`));
    }
    // A payment locks its seats and reads their allocations, so under SERIALIZABLE it cannot overlap
    // a batch of holds on the same inventory without one of the two being aborted: it takes its
    // turn with them. A booking's inventory never changes, so reading it outside the transaction is
    // safe; ownership is checked again, under lock, in the transaction.
    const booking = isPnr(pnr)
      ? await retryOnConnectionLoss(() => db().booking.findFirst({ where: { pnr, userId: actor.userId }, select: { serviceId: true, classCode: true, quotaCode: true } }))
      : null;
    if (!booking) return refused(new AppError("NOT_FOUND", "We could not find a booking with that reference."));
    const outcome = await payInTurn(booking, { actor, pnr, cardNumber: input.cardNumber, provider, ref, requestHash: hash });
    if (outcome.kind === "declined" && !outcome.replayed) await Promise.all(declines.map(([name, subject]) => count(name, subject)));
    return outcome;
  } catch (error) {
    return refusedOrThrow(error);
  }
}

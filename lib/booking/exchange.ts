// Exchanging a paid booking (issue 17, docs/decisions/027): the same passengers moved to another
// service, date, journey or class, in ONE SERIALIZABLE transaction, on the same PNR:
//   1. the new inventory is locked first (the snapshot is fresh at the lock), then the booking;
//   2. the operator's exchange rules in force decide whether it may change and the fee;
//   3. the new seats are planned and taken exactly as a hold plans them (lib/inventory/plan-hold.ts),
//      after whoever waits for that inventory has been served;
//   4. the difference (new fares + fee - the fares paid) is charged to the card given, or refunded;
//   5. only then are the old seats released, to the old inventory's waiting list first;
//   6. the booking moves, the tickets signed before are revoked (a new one is signed on request).
// A full train, a declined card or any refusal throws: the transaction rolls back and nothing
// changed. The outcome is stored with the Idempotency-Key in the same transaction, so a repeat
// replays it instead of exchanging twice.
import "server-only";
import type { Db, Tx } from "@/lib/db";
import { db } from "@/lib/db";
import { AppError, isAppError, validationError } from "@/lib/errors";
import { formatMoney } from "@/lib/money";
import { fareFor, currentFareRate } from "@/lib/fares/fare";
import { discountedFare } from "@/lib/fares/concession-terms";
import type { PaymentProvider } from "@/lib/payments/provider";
import { cardFingerprint, last4 } from "@/lib/payments/card";
import type { UserActor } from "@/lib/auth/actor";
import { noteOutcome } from "@/lib/metrics/metrics";
import { findKeys, keyId, parseKey, replayOf, requestHash, type KeyRef } from "@/lib/idempotency/keys";
import type { Preference } from "@/lib/inventory/choose-seats";
import { lockInventory, lockInventoryWith } from "@/lib/inventory/lock";
import { planHold } from "@/lib/inventory/plan-hold";
import { inventoryKey, type Inventory, type InventoryState } from "@/lib/inventory/state";
import { inventoryTx } from "@/lib/inventory/transaction";
import { publish } from "@/lib/live/publish";
import type { ExchangeInput, ExchangeQuery, ExchangeQuoteView, ExchangeResultView } from "@/lib/schemas/booking";
import { refused, refusedOrThrow, type Refused } from "@/lib/booking/outcomes";
import { appendEvent } from "@/lib/booking/events";
import { currentTime } from "@/lib/booking/clock";
import { isPnr } from "@/lib/booking/pnr";
import { journeyOf, notBookable, resolveJourney, type Journey } from "@/lib/booking/journey";
import { holdContextColumns, parseHoldContext, type HoldContextRow } from "@/lib/booking/hold-context";
import { quotaRefusal } from "@/lib/booking/quota-rules";
import { lockOwnBooking } from "@/lib/booking/own-booking";
import { notifyInApp } from "@/lib/booking/notifications";
import { quoteRefund } from "@/lib/booking/refund-policy";
import { refundToCards } from "@/lib/booking/refunds";
import { bookingViewById } from "@/lib/booking/booking-view";
import { writeBookings } from "@/lib/booking/write-bookings";
import { promoteWaitlist } from "@/lib/booking/waitlist/promote";

export const EXCHANGE_SCOPE = "booking.exchange";

export type ExchangeOutcome = ({ kind: "exchanged" } & ExchangeResultView & { replayed: boolean }) | Refused;

export interface ExchangeRuleTerms {
  id: string;
  minHoursBefore: number;
  feeMinor: number;
}

/** The exchange rule for `hoursBefore` hours ahead: the largest threshold met; null when none is (no change allowed). */
export async function exchangeRuleFor(client: Db | Tx, currency: string, at: Date, hoursBefore: number): Promise<ExchangeRuleTerms | null> {
  return client.exchangeRule.findFirst({
    where: { currency, minHoursBefore: { lte: Math.floor(hoursBefore) }, validFrom: { lte: at }, OR: [{ validTo: null }, { validTo: { gt: at } }] },
    orderBy: [{ minHoursBefore: "desc" }, { validFrom: "desc" }, { id: "asc" }],
    select: { id: true, minHoursBefore: true, feeMinor: true },
  });
}

export interface ExchangePrice {
  creditMinor: number;
  newFareMinor: number;
  feeMinor: number;
  differenceMinor: number;
}

/**
 * What a change costs. The credit is what the travelling passengers' tickets cost, bounded by what
 * the booking has paid net of refunds (a passenger cancelled earlier keeps their share out of it).
 */
export function priceExchange(input: {
  paidMinor: number;
  fares: number[];
  /** The new journey's full fare for one passenger. */
  newFarePerPassenger: number;
  feePerPassenger: number;
  /** Each passenger's concession discount as charged (basis points): it goes with them to the new train (docs/decisions/041). */
  discounts?: number[];
}): ExchangePrice {
  const creditMinor = Math.min(Math.max(0, input.paidMinor), input.fares.reduce((sum, f) => sum + f, 0));
  const newFareMinor = input.fares.reduce((sum, _, i) => sum + discountedFare(input.newFarePerPassenger, input.discounts?.[i] ?? 0), 0);
  const feeMinor = input.feePerPassenger * input.fares.length;
  return { creditMinor, newFareMinor, feeMinor, differenceMinor: newFareMinor + feeMinor - creditMinor };
}

function priceView(price: ExchangePrice, currency: string): ExchangeResultView["price"] {
  const money = (amount: number) => ({ amount, currency });
  return { credit: money(price.creditMinor), newFare: money(price.newFareMinor), fee: money(price.feeMinor), difference: money(price.differenceMinor) };
}

/** The booking as it stands: what the exchange moves away from. */
interface CurrentBooking {
  id: string;
  pnr: string;
  status: string;
  userId: string;
  currency: string;
  serviceId: string;
  classCode: string;
  quotaCode: string;
  fromSeq: number;
  toSeq: number;
  fromCode: string;
  toCode: string;
  serviceStatus: string;
  leavesAt: Date;
  passengers: { id: string; name: string; age: number; berthPreference: Preference; fareMinor: number; discountBasisPoints: number; allocationIds: string[]; seatIds: string[] }[];
}

async function currentBooking(client: Db | Tx, bookingId: string): Promise<CurrentBooking> {
  const b = await client.booking.findUniqueOrThrow({
    where: { id: bookingId },
    select: {
      id: true, pnr: true, status: true, userId: true, currency: true, serviceId: true, classCode: true, quotaCode: true, fromSeq: true, toSeq: true,
      fromStation: { select: { code: true } },
      toStation: { select: { code: true } },
      service: { select: { status: true, departsAt: true, delayMinutes: true, train: { select: { stops: { select: { sequence: true, departureOffsetMinutes: true } } } } } },
      passengers: {
        where: { status: { not: "CANCELLED" } },
        orderBy: { position: "asc" },
        select: { id: true, name: true, age: true, berthPreference: true, fareMinor: true, discountBasisPoints: true, allocations: { where: { releasedAt: null }, select: { id: true, serviceSeatId: true } } },
      },
    },
  });
  const offset = b.service.train.stops.find((s) => s.sequence === b.fromSeq)?.departureOffsetMinutes ?? 0;
  return {
    id: b.id, pnr: b.pnr, status: b.status, userId: b.userId, currency: b.currency, serviceId: b.serviceId, classCode: b.classCode, quotaCode: b.quotaCode,
    fromSeq: b.fromSeq, toSeq: b.toSeq, fromCode: b.fromStation.code, toCode: b.toStation.code, serviceStatus: b.service.status,
    leavesAt: new Date(b.service.departsAt.getTime() + (offset + b.service.delayMinutes) * 60_000),
    passengers: b.passengers.map((p) => ({
      id: p.id, name: p.name, age: p.age, berthPreference: p.berthPreference, fareMinor: p.fareMinor, discountBasisPoints: p.discountBasisPoints,
      allocationIds: p.allocations.map((a) => a.id), seatIds: p.allocations.map((a) => a.serviceSeatId),
    })),
  };
}

function inventoryOfTarget(target: ExchangeQuery): Inventory {
  return { serviceId: target.serviceId, classCode: target.class, quotaCode: target.quota ?? "GENERAL" };
}

/**
 * Whether the booking may change at all, and under which rule: it must be paid, its train not
 * gone, and a rule must apply (a train the operator cancelled changes free). Throws the refusal.
 */
async function ruleFor(client: Db | Tx, booking: CurrentBooking, now: Date): Promise<{ rule: ExchangeRuleTerms; hoursBefore: number; paidMinor: number }> {
  if (booking.status !== "CONFIRMED") {
    throw new AppError("CONFLICT", booking.status === "HELD" ? "Pay for this booking first, or cancel it and book again." : "Only a paid booking with seats can be changed.", { status: booking.status });
  }
  if (booking.leavesAt <= now) throw new AppError("NOT_EXCHANGEABLE", "Your train has already left, so this booking can no longer be changed.", { reason: "DEPARTED" });
  const quote = await quoteRefund(client, booking.id, now);
  if (booking.serviceStatus === "CANCELLED") return { rule: { id: "", minHoursBefore: 0, feeMinor: 0 }, hoursBefore: quote.hoursBeforeDeparture, paidMinor: quote.paidMinor };
  const rule = await exchangeRuleFor(client, booking.currency, now, quote.hoursBeforeDeparture);
  if (!rule) {
    throw new AppError("NOT_EXCHANGEABLE", "It is too close to departure to change this booking. You can still cancel it under the refund rules.", {
      reason: "TOO_LATE",
      hoursBeforeDeparture: Math.round(quote.hoursBeforeDeparture * 100) / 100,
    });
  }
  return { rule, hoursBefore: quote.hoursBeforeDeparture, paidMinor: quote.paidMinor };
}

function refuseSameJourney(booking: CurrentBooking, target: ExchangeQuery, journey: Journey): void {
  const inventory = inventoryOfTarget(target);
  if (inventory.serviceId === booking.serviceId && inventory.classCode === booking.classCode && inventory.quotaCode === booking.quotaCode && journey.from.seq === booking.fromSeq && journey.to.seq === booking.toSeq) {
    throw validationError({ serviceId: ["This is the journey already booked. Choose another train, date or class."] }, "Nothing to change.");
  }
}

/** The exchange itself, in the caller's SERIALIZABLE transaction. Throws every refusal (nothing is then written). */
async function exchangeInTx(
  tx: Tx,
  actor: UserActor,
  pnr: string,
  input: ExchangeInput,
  ref: KeyRef,
  hash: string,
  provider: PaymentProvider,
): Promise<ExchangeOutcome> {
  const target = inventoryOfTarget(input);
  // The new inventory first: its lock is the transaction's first statement, so the picture of its
  // seats is fresh (lib/inventory/lock.ts). Then the booking, locked against a concurrent cancel.
  const read = await lockInventoryWith<HoldContextRow>(tx, target, input.seatIds ? { seatIds: input.seatIds } : {}, holdContextColumns(target, [actor.userId]));
  let locked = read.locked;
  const stored = (await findKeys(tx, [ref])).get(keyId(ref));
  if (stored) return exchangeReplay(stored, hash);
  const locking = await lockOwnBooking(tx, actor.userId, pnr);
  const context = parseHoldContext(read.extra);
  const now = context.now;
  const booking = await currentBooking(tx, locking.id);
  const { rule, paidMinor } = await ruleFor(tx, booking, now);
  if (input.seatIds && input.seatIds.length !== booking.passengers.length) {
    throw validationError({ seatIds: [`Choose ${booking.passengers.length} seats, one per passenger, or none to have them chosen.`] }, "One seat per passenger.");
  }

  if (!context.service) throw new AppError("NOT_FOUND", "We could not find that train service.");
  const journey = journeyOf(context.service, context.stops, input.from, input.to);
  refuseSameJourney(booking, input, journey);
  const refusal =
    notBookable(journey, now) ??
    quotaRefusal(context.quota, booking.passengers) ??
    (locked.complete && locked.seats.length === 0 ? validationError({ class: [`This train has no ${target.classCode} seats in the ${target.quotaCode} quota.`] }, "No such class on this train.") : null) ??
    (!context.fare ? validationError({ class: [`${target.classCode} tickets are not on sale.`] }, "This class is not on sale.") : null);
  if (refusal) throw refusal;

  // Those already waiting for the new inventory are served before the exchange takes seats from it.
  if (context.waitingEntries > 0) {
    if (!locked.complete) locked = await lockInventory(tx, target);
    await promoteWaitlist(tx, target, locked);
  }
  const state: InventoryState = { ...locked, now };
  const segment = { fromSeq: journey.from.seq, toSeq: journey.to.seq };
  const decision = planHold(state, {
    segment,
    preferences: booking.passengers.map((p) => p.berthPreference),
    chosenSeatIds: input.seatIds ?? null,
    joinWaitlist: false,
    waitlistOpen: false,
  });
  if (decision.kind !== "seats") throw decision.kind === "refused" ? decision.error : new Error("an exchange never joins the waiting list");

  const newFarePerPassenger = fareFor(context.fare!, journey.distanceKm);
  const discounts = booking.passengers.map((p) => p.discountBasisPoints);
  const price = priceExchange({ paidMinor, fares: booking.passengers.map((p) => p.fareMinor), newFarePerPassenger, feePerPassenger: rule.feeMinor, discounts });
  const currency = context.fare!.currency;
  if (currency !== booking.currency) throw validationError({ class: ["This journey is priced in another currency and cannot be exchanged into."] }, "Another currency.");

  // Money first: a declined card throws here, before anything was written.
  let payment: ExchangeResultView["payment"] = null;
  let refund: ExchangeResultView["refund"] = null;
  if (price.differenceMinor > 0) {
    if (!input.cardNumber) {
      throw validationError({ cardNumber: [`The new journey costs ${formatMoney(price.differenceMinor, currency)} more. Enter a card to pay the difference.`] }, "A card is needed for the difference.");
    }
    // Keyed by the request (the card's fingerprint is in its hash): another card after a decline is a new charge.
    const charge = await provider.charge({ amountMinor: price.differenceMinor, currency, cardNumber: input.cardNumber, idempotencyKey: `exchange:${booking.id}:${hash}` });
    if (charge.status !== "SUCCEEDED") throw new AppError("PAYMENT_DECLINED", "The card was declined, so nothing was changed. Try another card.", { failureCode: charge.failureCode ?? null });
    const row = await tx.payment.create({
      data: {
        bookingId: booking.id, provider: provider.name, providerRef: charge.providerRef, amountMinor: price.differenceMinor, currency, status: "SUCCEEDED",
        cardLast4: last4(input.cardNumber), idempotencyKey: `exchange:${ref.key}`, createdAt: now,
      },
    });
    payment = { id: row.id, amount: row.amountMinor, currency, cardLast4: row.cardLast4! };
  }

  // The new seats are taken before the old ones are let go.
  const passengers = booking.passengers.map((p, i) => ({ ...p, newSeatId: decision.seatIds[i]! }));
  await tx.$executeRaw`
    INSERT INTO "SeatAllocation" (id, "serviceId", "serviceSeatId", "bookingPassengerId", "fromSeq", "toSeq", "expiresAt", "createdAt")
    SELECT gen_random_uuid()::text, ${target.serviceId}, x.seat, x.passenger, ${segment.fromSeq}, ${segment.toSeq}, NULL, ${now}
    FROM unnest(${passengers.map((p) => p.newSeatId)}::text[], ${passengers.map((p) => p.id)}::text[]) AS x(seat, passenger)`;
  const released = passengers.flatMap((p) => p.allocationIds);
  if (released.length > 0) await tx.seatAllocation.updateMany({ where: { id: { in: released } }, data: { releasedAt: now } });
  await tx.booking.update({
    where: { id: booking.id },
    data: {
      serviceId: target.serviceId, fromStationId: journey.from.stationId, toStationId: journey.to.stationId, fromSeq: segment.fromSeq, toSeq: segment.toSeq,
      classCode: target.classCode, quotaCode: target.quotaCode, totalMinor: price.newFareMinor, ticketsRevokedAt: now,
    },
  });
  // Each passenger keeps the concession they were sold, now taken off the new fare.
  await tx.$executeRaw`
    UPDATE "BookingPassenger" p SET "fareMinor" = x.fare, "fullFareMinor" = ${newFarePerPassenger}
    FROM unnest(${passengers.map((p) => p.id)}::text[], ${passengers.map((p) => discountedFare(newFarePerPassenger, p.discountBasisPoints))}::int[]) AS x(id, fare)
    WHERE p.id = x.id`;

  if (price.differenceMinor < 0) {
    await refundToCards(tx, provider, {
      bookingId: booking.id, amountMinor: -price.differenceMinor, currency, key: `exchange:${booking.id}:${hash}`,
      reason: "EXCHANGE_DIFFERENCE", ruleId: null, createdById: actor.userId, now,
    });
    refund = { amount: -price.differenceMinor, currency };
  }

  // The seats let go are for whoever waits for them on the old train.
  await promoteWaitlist(tx, { serviceId: booking.serviceId, classCode: booking.classCode, quotaCode: booking.quotaCode });
  await appendEvent(tx, booking.id, "EXCHANGED", actor, {
    from: { serviceId: booking.serviceId, from: booking.fromCode, to: booking.toCode, class: booking.classCode, quota: booking.quotaCode, seatIds: passengers.flatMap((p) => p.seatIds) },
    to: { serviceId: target.serviceId, from: journey.from.code, to: journey.to.code, class: target.classCode, quota: target.quotaCode, seatIds: decision.seatIds },
    ruleId: rule.id || null,
    creditMinor: price.creditMinor,
    newFareMinor: price.newFareMinor,
    feeMinor: price.feeMinor,
    differenceMinor: price.differenceMinor,
    paymentId: payment?.id ?? null,
  });
  // appendEvent tells the new train's seat maps; the old train's must hear of the seats let go.
  if (booking.serviceId !== target.serviceId) await publish(tx, [{ type: "seats", serviceId: booking.serviceId }]);
  const difference =
    price.differenceMinor > 0
      ? ` ${formatMoney(price.differenceMinor, currency)} was charged to your card.`
      : price.differenceMinor < 0
        ? ` ${formatMoney(-price.differenceMinor, currency)} is on its way back to your card.`
        : "";
  await notifyInApp(
    tx,
    {
      userId: actor.userId,
      bookingId: booking.id,
      kind: "BOOKING_EXCHANGED",
      title: `Booking ${booking.pnr} changed`,
      body: `Your booking is now on train ${journey.train.number} ${journey.train.name}, ${journey.from.name} → ${journey.to.name}.${difference} Your earlier ticket is no longer valid: use the new one.`,
      data: { pnr: booking.pnr, serviceId: target.serviceId, differenceMinor: price.differenceMinor, currency },
    },
    now,
  );

  const view: ExchangeResultView = { booking: await bookingViewById(tx, booking.id), price: priceView(price, currency), payment, refund };
  await writeBookings(tx, [], [{ ...ref, requestHash: hash, outcome: { kind: "exchanged", ...view } }]);
  return { kind: "exchanged", ...view, replayed: false };
}

function exchangeReplay(row: Parameters<typeof replayOf>[0], hash: string): ExchangeOutcome {
  const r = replayOf<Omit<Extract<ExchangeOutcome, { kind: "exchanged" }>, "replayed">>(row, hash, () => {
    throw new Error("exchanges have no legacy answers");
  });
  return "error" in r ? refused(r.error) : { ...r.outcome, replayed: true };
}

/**
 * POST /api/v1/bookings/{pnr}/exchange end to end, transport-neutral. Served in a transaction of
 * its own, queued in this instance with the other requests for the new inventory.
 */
export async function exchangeBooking(actor: UserActor, pnr: string, input: ExchangeInput, idempotencyKey: string | null, provider: PaymentProvider): Promise<ExchangeOutcome> {
  const outcome = await exchange(actor, pnr, input, idempotencyKey, provider);
  noteOutcome("exchange", outcome.kind === "refused" ? outcome.error.code : outcome.replayed ? "replayed" : outcome.kind);
  return outcome;
}

async function exchange(actor: UserActor, pnr: string, input: ExchangeInput, idempotencyKey: string | null, provider: PaymentProvider): Promise<ExchangeOutcome> {
  const parsed = parseKey(idempotencyKey);
  if ("error" in parsed) return refused(parsed.error);
  if (!isPnr(pnr)) return refused(new AppError("NOT_FOUND", "We could not find a booking with that reference."));
  const ref: KeyRef = { userId: actor.userId, scope: EXCHANGE_SCOPE, key: parsed.key };
  const { cardNumber, ...rest } = input;
  const hash = requestHash({ pnr, ...rest, card: cardNumber ? cardFingerprint(cardNumber) : null });
  try {
    return await inventoryTx((tx) => exchangeInTx(tx, actor, pnr, input, ref, hash, provider), { queueKey: inventoryKey(inventoryOfTarget(input)) });
  } catch (error) {
    return refusedOrThrow(error);
  }
}

/** What exchanging to `target` would cost now; reads only, and says why not when it cannot be done. */
export async function exchangeQuote(client: Db, userId: string, pnr: string, target: ExchangeQuery): Promise<ExchangeQuoteView> {
  const found = isPnr(pnr) ? await client.booking.findFirst({ where: { pnr, userId }, select: { id: true } }) : null;
  if (!found) throw new AppError("NOT_FOUND", "We could not find a booking with that reference.");
  const booking = await currentBooking(client, found.id);
  const now = await currentTime(client);
  const hoursBeforeDeparture = Math.round(((booking.leavesAt.getTime() - now.getTime()) / 3_600_000) * 100) / 100;
  const base = { pnr, hoursBeforeDeparture, rule: null, price: null, cardNeeded: false };
  try {
    const { rule, paidMinor } = await ruleFor(client, booking, now);
    const journey = await resolveJourney(client, target.serviceId, target.from, target.to);
    refuseSameJourney(booking, target, journey);
    const notSold = notBookable(journey, now);
    if (notSold) throw notSold;
    const rate = await currentFareRate(client as Tx, target.class, now);
    if (!rate) throw validationError({ class: [`${target.class} tickets are not on sale.`] }, "This class is not on sale.");
    const price = priceExchange({ paidMinor, fares: booking.passengers.map((p) => p.fareMinor), newFarePerPassenger: fareFor(rate, journey.distanceKm), feePerPassenger: rule.feeMinor, discounts: booking.passengers.map((p) => p.discountBasisPoints) });
    return {
      ...base,
      exchangeable: true,
      refusal: null,
      rule: { minHoursBefore: rule.minHoursBefore, fee: { amount: rule.feeMinor, currency: booking.currency } },
      price: priceView(price, booking.currency),
      cardNeeded: price.differenceMinor > 0,
    };
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { ...base, exchangeable: false, refusal: { code: error.code, message: error.message } };
  }
}

/** Services a booking could move to: the same stations on another date are what a passenger asks most. */
export async function exchangeTargetsFor(userId: string, pnr: string): Promise<{ from: string; to: string; classCode: string; passengers: number } | null> {
  const b = isPnr(pnr)
    ? await db().booking.findFirst({
        where: { pnr, userId },
        select: { classCode: true, fromStation: { select: { code: true } }, toStation: { select: { code: true } }, passengers: { where: { status: { not: "CANCELLED" } }, select: { id: true } } },
      })
    : null;
  return b ? { from: b.fromStation.code, to: b.toStation.code, classCode: b.classCode, passengers: b.passengers.length } : null;
}

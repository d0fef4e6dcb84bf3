// Holding seats: the first step of a booking. One transaction (run by lib/inventory/transaction.ts)
// locks the seat rows, checks them against live allocations, chooses seats and writes the booking,
// its passengers, their allocations and the HELD event; it either all happens or none of it does.
// When too few seats are left and the passenger asked to wait, the same transaction puts them on
// the waiting list instead (lib/booking/waitlist/join-waitlist.ts), and before any seat is chosen the
// waiting list is served first (lib/booking/waitlist/promote.ts), so a newcomer never jumps the queue.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { AppError, validationError } from "@/lib/errors";
import { currentFareRate, fareFor } from "@/lib/fares/fare";
import type { CreateBookingInput } from "@/lib/schemas/booking";
import { chooseSeats, type Preference } from "@/lib/inventory/choose-seats";
import { assertBookable, resolveJourney, type Journey } from "@/lib/booking/journey";
import { countSeats, lockSeats, seatsOfService, type InventorySeat } from "@/lib/inventory/seats";
import type { UserActor } from "@/lib/auth/actor";
import { holdMinutes, transactionTime } from "@/lib/booking/clock";
import { writeHold } from "@/lib/booking/write-hold";
import { publishBookingChanges } from "@/lib/live/publish";
import type { BookingRecord } from "@/lib/booking/booking-view";
import type { BerthKind } from "@/lib/generated/prisma/enums";
import { promoteWaitlist, type Promotion } from "@/lib/booking/waitlist/promote";
import { joinWaitlist } from "@/lib/booking/waitlist/join-waitlist";
import { waitlistOpenFor } from "@/lib/booking/waitlist/queue";
import { assertQuotaAdmits } from "@/lib/booking/quota-rules";

export interface HoldResult {
  bookingId: string;
  pnr: string;
  /** What was written, for the answer (lib/booking/booking-view.ts) without reading it back. */
  record: BookingRecord;
}

function chosenSeatIds(input: CreateBookingInput): string[] | null {
  const ids = input.passengers.map((p) => p.seatId);
  return ids.every((id): id is string => Boolean(id)) ? ids : null;
}

function quotaOf(input: CreateBookingInput): string {
  return input.quota ?? "GENERAL";
}

function assertChosenSeatsFree(chosen: string[], seats: Pick<InventorySeat, "id" | "taken" | "classCode" | "quotaCode">[], input: CreateBookingInput): void {
  const byId = new Map(seats.map((s) => [s.id, s]));
  const elsewhere = chosen.filter((id) => {
    const seat = byId.get(id);
    return !seat || seat.classCode !== input.class || seat.quotaCode !== quotaOf(input);
  });
  if (elsewhere.length > 0) {
    throw new AppError("SEAT_UNAVAILABLE", `${elsewhere.length === 1 ? "That seat is" : "Those seats are"} not on sale in this class on this train.`, {
      seatIds: elsewhere,
      reason: "NOT_IN_CLASS",
    });
  }
  const taken = chosen.filter((id) => byId.get(id)!.taken);
  if (taken.length > 0) throw new AppError("SEAT_UNAVAILABLE", undefined, { seatIds: taken, reason: "TAKEN" });
}

/** `waitlistAvailable`: the same request with `joinWaitlist: true` would be put on the waiting list. */
function soldOut(free: number, waitlistAvailable: boolean): AppError {
  return new AppError("SOLD_OUT", undefined, { available: free, waitlistAvailable });
}

/** Seats just given to the waiting list are taken for this booking too, where the segments overlap. */
function afterPromotions<S extends { id: string; taken: boolean }>(seats: S[], promotions: Promotion[], segment: { fromSeq: number; toSeq: number }): S[] {
  const taken = new Set(
    promotions.flatMap((p) => p.seats).filter((a) => a.fromSeq < segment.toSeq && a.toSeq > segment.fromSeq).map((a) => a.seatId),
  );
  return taken.size === 0 ? seats : seats.map((s) => (taken.has(s.id) ? { ...s, taken: true } : s));
}

/**
 * Refuses early, outside any transaction and without locks, what the transaction would refuse
 * anyway: an unknown or departed service, seats already taken, too few seats left. During a rush
 * for the last seats this keeps the losers from queueing for the seat locks only to be told no.
 * It only ever refuses; seats are chosen and taken under the locks in holdSeats().
 *
 * Returns the check to run before each attempt; the journey is looked up once, the seats each time.
 */
export function precheckHold(input: CreateBookingInput): () => Promise<void> {
  let journey: Journey | undefined;
  let admission: Promise<void> | undefined;
  return async () => {
    journey ??= await resolveJourney(db(), input.serviceId, input.from, input.to);
    // Who the quota admits is the operator's rule about the request, not about the seats: checked
    // once, before any transaction, like the request's own validation (lib/booking/quota-rules.ts).
    await (admission ??= assertQuotaAdmits(db(), quotaOf(input), input.passengers));
    assertBookable(journey, new Date());
    const segment = { fromSeq: journey.from.seq, toSeq: journey.to.seq };
    const chosen = chosenSeatIds(input);
    if (chosen) {
      assertChosenSeatsFree(chosen, await seatsOfService(db(), input.serviceId, segment, chosen), input);
      return;
    }
    const { total, free } = await countSeats(db(), { serviceId: input.serviceId, classCode: input.class, quotaCode: quotaOf(input) }, segment);
    if (total === 0) {
      throw validationError({ class: [`This train has no ${input.class} seats in the ${quotaOf(input)} quota.`] }, "No such class on this train.");
    }
    if (free < input.passengers.length) {
      const waitlistAvailable = waitlistOpenFor(journey, new Date());
      // Asked to wait: the transaction decides between a hold and the waiting list.
      if (!input.joinWaitlist || !waitlistAvailable) throw soldOut(free, waitlistAvailable);
    }
  };
}

/**
 * `onPromoted` hears when waiting bookings were promoted first: if this booking is then refused,
 * the rollback undoes those promotions too, and the caller makes them again on their own.
 */
export async function holdSeats(tx: Tx, actor: UserActor, input: CreateBookingInput, onPromoted?: () => void): Promise<HoldResult> {
  const chosen = chosenSeatIds(input);
  const lockedRows = await lockSeats(tx, {
    serviceId: input.serviceId,
    classCode: input.class,
    quotaCode: quotaOf(input),
    fromCode: input.from,
    toCode: input.to,
    seatIds: chosen ?? undefined,
  });
  const journey = await resolveJourney(tx, input.serviceId, input.from, input.to);
  const now = lockedRows[0]?.txNow ?? (await transactionTime(tx));
  assertBookable(journey, now);
  // Seats freed by holds that lapsed unnoticed go to whoever waits for them before this booking.
  const promotions = await promoteWaitlist(tx, { serviceId: input.serviceId, classCode: input.class, quotaCode: quotaOf(input) });
  if (promotions.length > 0) onPromoted?.();
  const locked = afterPromotions(lockedRows, promotions, { fromSeq: journey.from.seq, toSeq: journey.to.seq });

  let seatIds: string[] | null;
  if (chosen) {
    assertChosenSeatsFree(chosen, locked, input);
    seatIds = chosen;
  } else {
    const free = locked.filter((s) => !s.taken);
    seatIds = chooseSeats(free, input.passengers.map((p): Preference => p.berthPreference ?? "NONE"));
    const waitlistAvailable = waitlistOpenFor(journey, now);
    if (!seatIds && (!input.joinWaitlist || !waitlistAvailable)) throw soldOut(free.length, waitlistAvailable);
  }

  const rate = await currentFareRate(tx, input.class, now);
  if (!rate) throw validationError({ class: [`${input.class} tickets are not on sale.`] }, "This class is not on sale.");
  const fareMinor = fareFor(rate, journey.distanceKm);
  if (!seatIds) return joinWaitlist(tx, actor, { input, journey, now, fareMinor, currency: rate.currency });
  const holdExpiresAt = new Date(now.getTime() + holdMinutes() * 60_000);

  const totalMinor = fareMinor * seatIds.length;
  const chosenSeats = seatIds;
  const booking = await writeHold(tx, {
    actor,
    serviceId: input.serviceId,
    fromStationId: journey.from.stationId,
    toStationId: journey.to.stationId,
    fromSeq: journey.from.seq,
    toSeq: journey.to.seq,
    classCode: input.class,
    quotaCode: quotaOf(input),
    holdExpiresAt,
    currency: rate.currency,
    createdAt: now,
    fareMinor,
    passengers: input.passengers.map((p, i) => ({ name: p.name, age: p.age, berthPreference: p.berthPreference ?? "NONE", seatId: chosenSeats[i]! })),
    event: { seatIds, holdExpiresAt: holdExpiresAt.toISOString(), chosenByPassenger: Boolean(chosen) },
  });
  await publishBookingChanges(tx, [booking.bookingId]);

  const seatById = new Map(locked.map((seat) => [seat.id, seat]));
  const record: BookingRecord = {
    pnr: booking.pnr,
    status: "HELD",
    serviceId: input.serviceId,
    from: journey.from,
    to: journey.to,
    classCode: input.class,
    quotaCode: quotaOf(input),
    train: journey.train,
    departureAt: journey.departureAt,
    arrivalAt: journey.arrivalAt,
    holdExpiresAt,
    totalMinor,
    currency: rate.currency,
    createdAt: now,
    confirmedAt: null,
    cancelledAt: null,
    passengers: input.passengers.map((p, i) => {
      const seat = seatById.get(seatIds[i]!)!;
      return {
        name: p.name,
        age: p.age,
        berthPreference: p.berthPreference ?? "NONE",
        fareMinor,
        status: "CONFIRMED",
        seat: { id: seat.id, coachLabel: seat.coachLabel, number: seat.number, berth: seat.berth as BerthKind | null },
      };
    }),
  };
  return { ...booking, record };
}

// Holding seats: the first step of a booking. One transaction (run by lib/booking/booking-tx.ts)
// locks the seat rows, checks them against live allocations, chooses seats and writes the booking,
// its passengers, their allocations and the HELD event; it either all happens or none of it does.
import "server-only";
import { randomUUID } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import { AppError, validationError } from "@/lib/errors";
import { currentFareRate, fareFor } from "@/lib/fares/fare";
import type { CreateBookingInput } from "@/lib/schemas/booking";
import { chooseSeats, type Preference } from "@/lib/booking/allocate";
import { assertBookable, resolveJourney, type Journey } from "@/lib/booking/journey";
import { countSeats, lockSeats, seatsOfService, type InventorySeat } from "@/lib/booking/inventory";
import { appendEvent, type UserActor } from "@/lib/booking/events";
import { holdMinutes, transactionTime } from "@/lib/booking/clock";
import { generatePnr } from "@/lib/booking/pnr";
import type { BookingRecord } from "@/lib/booking/booking-view";
import type { BerthKind } from "@/lib/generated/prisma/enums";

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

function soldOut(free: number): AppError {
  return new AppError("SOLD_OUT", undefined, { available: free });
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
  return async () => {
    journey ??= await resolveJourney(db(), input.serviceId, input.from, input.to);
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
    if (free < input.passengers.length) throw soldOut(free);
  };
}

export async function holdSeats(tx: Tx, actor: UserActor, input: CreateBookingInput): Promise<HoldResult> {
  const chosen = chosenSeatIds(input);
  const locked = await lockSeats(tx, {
    serviceId: input.serviceId,
    classCode: input.class,
    quotaCode: quotaOf(input),
    fromCode: input.from,
    toCode: input.to,
    seatIds: chosen ?? undefined,
  });
  const journey = await resolveJourney(tx, input.serviceId, input.from, input.to);
  const now = locked[0]?.txNow ?? (await transactionTime(tx));
  assertBookable(journey, now);

  let seatIds: string[];
  if (chosen) {
    assertChosenSeatsFree(chosen, locked, input);
    seatIds = chosen;
  } else {
    const free = locked.filter((s) => !s.taken);
    const picked = chooseSeats(free, input.passengers.map((p): Preference => p.berthPreference ?? "NONE"));
    if (!picked) throw soldOut(free.length);
    seatIds = picked;
  }

  const rate = await currentFareRate(tx, input.class, now);
  if (!rate) throw validationError({ class: [`${input.class} tickets are not on sale.`] }, "This class is not on sale.");
  const fareMinor = fareFor(rate, journey.distanceKm);
  const holdExpiresAt = new Date(now.getTime() + holdMinutes() * 60_000);

  const totalMinor = fareMinor * seatIds.length;
  const booking = await insertBooking(tx, { userId: actor.userId, input, journey, holdExpiresAt, totalMinor, currency: rate.currency, createdAt: now });
  const passengerIds = input.passengers.map(() => randomUUID());
  await tx.bookingPassenger.createMany({
    data: input.passengers.map((p, i) => ({
      id: passengerIds[i],
      bookingId: booking.bookingId,
      position: i + 1,
      name: p.name,
      age: p.age,
      berthPreference: p.berthPreference ?? "NONE",
      fareMinor,
    })),
  });
  await tx.seatAllocation.createMany({
    data: seatIds.map((serviceSeatId, i) => ({
      serviceId: input.serviceId,
      serviceSeatId,
      bookingPassengerId: passengerIds[i]!,
      fromSeq: journey.from.seq,
      toSeq: journey.to.seq,
      expiresAt: holdExpiresAt,
    })),
  });
  await appendEvent(tx, booking.bookingId, "HELD", actor, { seatIds, holdExpiresAt: holdExpiresAt.toISOString(), chosenByPassenger: Boolean(chosen) });

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

/**
 * Inserts the booking under a fresh PNR. ON CONFLICT DO NOTHING (skipDuplicates) turns a PNR
 * collision into "0 rows" instead of an error that would abort the whole transaction, so another
 * PNR can be tried on the spot.
 */
async function insertBooking(
  tx: Tx,
  b: { userId: string; input: CreateBookingInput; journey: Journey; holdExpiresAt: Date; totalMinor: number; currency: string; createdAt: Date },
): Promise<{ bookingId: string; pnr: string }> {
  const bookingId = randomUUID();
  for (let attempt = 0; attempt < 5; attempt++) {
    const pnr = generatePnr();
    const { count } = await tx.booking.createMany({
      skipDuplicates: true,
      data: [
        {
          id: bookingId,
          pnr,
          userId: b.userId,
          serviceId: b.input.serviceId,
          fromStationId: b.journey.from.stationId,
          toStationId: b.journey.to.stationId,
          fromSeq: b.journey.from.seq,
          toSeq: b.journey.to.seq,
          classCode: b.input.class,
          quotaCode: quotaOf(b.input),
          status: "HELD",
          holdExpiresAt: b.holdExpiresAt,
          totalMinor: b.totalMinor,
          currency: b.currency,
          createdAt: b.createdAt,
        },
      ],
    });
    if (count === 1) return { bookingId, pnr };
  }
  throw new AppError("INTERNAL", undefined, { reason: "could not find a free PNR" });
}

// Joining the waiting list: what POST /api/v1/bookings writes instead of a hold when the class is
// sold out for the party and the passenger asked to wait (`joinWaitlist: true`). It runs inside the
// hold transaction, under the same seat locks, so "sold out" and "joined" are one decision.
//
// The booking is WAITLISTED and unpaid, with a payment window as long as a hold (HOLD_MINUTES):
// waiting-list places are paid up front, so a promotion needs nobody to act
// (docs/decisions/012-waitlist.md). Its queue entry is written now, so its place in the queue is
// the moment it joined; until paid it is passed over by promotion, and if the window passes it
// expires like a hold.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db";
import type { CreateBookingInput } from "@/lib/schemas/booking";
import type { Journey } from "@/lib/booking/journey";
import type { BookingRecord } from "@/lib/booking/booking-view";
import { appendEvent } from "@/lib/booking/events";
import { type UserActor } from "@/lib/auth/actor";
import { holdMinutes } from "@/lib/booking/clock";
import { insertBooking } from "@/lib/booking/insert-booking";
import { waitlistPositions } from "@/lib/booking/waitlist/queue";

export interface Joined {
  bookingId: string;
  pnr: string;
  record: BookingRecord;
}

export async function joinWaitlist(
  tx: Tx,
  actor: UserActor,
  w: { input: CreateBookingInput; journey: Journey; now: Date; fareMinor: number; currency: string },
): Promise<Joined> {
  const { input, journey, now, fareMinor } = w;
  const quotaCode = input.quota ?? "GENERAL";
  const paymentDueAt = new Date(now.getTime() + holdMinutes() * 60_000);
  const totalMinor = fareMinor * input.passengers.length;
  const booking = await insertBooking(tx, {
    userId: actor.userId,
    input,
    journey,
    status: "WAITLISTED",
    holdExpiresAt: paymentDueAt,
    totalMinor,
    currency: w.currency,
    createdAt: now,
  });
  await tx.bookingPassenger.createMany({
    data: input.passengers.map((p, i) => ({
      bookingId: booking.bookingId,
      position: i + 1,
      name: p.name,
      age: p.age,
      berthPreference: p.berthPreference ?? "NONE",
      fareMinor,
      status: "WAITLISTED" as const,
    })),
  });
  // The queue order is the database clock at this statement, not the transaction's start: of two
  // joins, the one that got the seat locks first is ahead.
  const entryId = randomUUID();
  await tx.$executeRaw`
    INSERT INTO "WaitlistEntry" (id, "bookingId", "serviceId", "classCode", "quotaCode", "fromSeq", "toSeq", "partySize", "createdAt")
    VALUES (${entryId}, ${booking.bookingId}, ${input.serviceId}, ${input.class}, ${quotaCode}, ${journey.from.seq}, ${journey.to.seq},
            ${input.passengers.length}, clock_timestamp())`;
  const position = (await waitlistPositions(tx, [booking.bookingId])).get(booking.bookingId) ?? null;
  await appendEvent(tx, booking.bookingId, "WAITLISTED", actor, { waitlistEntryId: entryId, position, paymentDueAt: paymentDueAt.toISOString() });

  const record: BookingRecord = {
    pnr: booking.pnr,
    status: "WAITLISTED",
    serviceId: input.serviceId,
    from: journey.from,
    to: journey.to,
    classCode: input.class,
    quotaCode,
    train: journey.train,
    departureAt: journey.departureAt,
    arrivalAt: journey.arrivalAt,
    holdExpiresAt: paymentDueAt,
    totalMinor,
    currency: w.currency,
    createdAt: now,
    confirmedAt: null,
    cancelledAt: null,
    waitlistPosition: position,
    passengers: input.passengers.map((p) => ({
      name: p.name,
      age: p.age,
      berthPreference: p.berthPreference ?? "NONE",
      fareMinor,
      status: "WAITLISTED",
      seat: null,
    })),
  };
  return { ...booking, record };
}

// The record of a booking just written, built from what the transaction wrote (no read-back: every
// read would hold the inventory's locks longer), for holds and waiting-list places alike.
// lib/booking/booking-view.ts builds the same record from the database; tests check both agree.
import "server-only";
import type { BookingRecord } from "@/lib/booking/booking-view";
import type { Journey } from "@/lib/booking/journey";
import { bookingTotal, type NewBooking } from "@/lib/booking/write-bookings";
import type { InventorySeat } from "@/lib/inventory/state";
import type { BerthKind } from "@/lib/generated/prisma/enums";

export function recordOf(b: NewBooking, journey: Journey, seatById: Map<string, InventorySeat>, waitlistPosition: number | null): BookingRecord {
  return {
    pnr: b.pnr,
    status: b.status,
    serviceId: b.serviceId,
    from: journey.from,
    to: journey.to,
    classCode: b.classCode,
    quotaCode: b.quotaCode,
    train: journey.train,
    departureAt: journey.departureAt,
    arrivalAt: journey.arrivalAt,
    holdExpiresAt: b.holdExpiresAt,
    totalMinor: bookingTotal(b),
    currency: b.currency,
    createdAt: b.createdAt,
    confirmedAt: null,
    cancelledAt: null,
    ...(b.status === "WAITLISTED" ? { waitlistPosition } : {}),
    passengers: b.passengers.map((p) => {
      const seat = p.seatId ? seatById.get(p.seatId)! : null;
      return {
        name: p.name,
        age: p.age,
        berthPreference: p.berthPreference,
        fareMinor: p.fareMinor,
        fullFareMinor: p.fullFareMinor,
        concession: p.concession,
        status: seat ? "CONFIRMED" : "WAITLISTED",
        seat: seat && { id: seat.id, coachLabel: seat.coachLabel, number: seat.number, berth: seat.berth as BerthKind | null },
      };
    }),
  };
}

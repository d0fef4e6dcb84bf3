// Writing the booking row under a fresh PNR, for a hold (HELD) and for the waiting list
// (WAITLISTED) alike. ON CONFLICT DO NOTHING (skipDuplicates) turns a PNR collision into "0 rows"
// instead of an error that would abort the whole transaction, so another PNR can be tried on the spot.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { CreateBookingInput } from "@/lib/schemas/booking";
import type { Journey } from "@/lib/booking/journey";
import { generatePnr } from "@/lib/booking/pnr";

export interface NewBooking {
  userId: string;
  input: CreateBookingInput;
  journey: Journey;
  status: "HELD" | "WAITLISTED";
  /** The hold's end, or the end of the window to pay for a waiting-list place. */
  holdExpiresAt: Date;
  totalMinor: number;
  currency: string;
  createdAt: Date;
}

export async function insertBooking(tx: Tx, b: NewBooking): Promise<{ bookingId: string; pnr: string }> {
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
          quotaCode: b.input.quota ?? "GENERAL",
          status: b.status,
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

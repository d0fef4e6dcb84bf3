// The caller's own booking, locked for a state change. Ownership is part of the lookup, so another
// person's PNR behaves exactly like one that does not exist (404), whoever asks.
import "server-only";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isPnr } from "@/lib/booking/pnr";

export interface LockedBooking {
  id: string;
  pnr: string;
  status: "HELD" | "CONFIRMED" | "WAITLISTED" | "CANCELLED" | "EXPIRED";
  holdExpiresAt: Date | null;
  totalMinor: number;
  currency: string;
  fromSeq: number;
  toSeq: number;
}

/** Locks the booking row (FOR UPDATE): payments, cancellations and the hold sweeper take turns on it. */
export async function lockOwnBooking(tx: Tx, userId: string, pnr: string): Promise<LockedBooking> {
  if (!isPnr(pnr)) throw new AppError("NOT_FOUND", "We could not find a booking with that reference.");
  const [booking] = await tx.$queryRaw<LockedBooking[]>`
    SELECT id, pnr, status::text AS status, "holdExpiresAt", "totalMinor", currency, "fromSeq", "toSeq"
    FROM "Booking" WHERE pnr = ${pnr} AND "userId" = ${userId}
    FOR UPDATE`;
  if (!booking) throw new AppError("NOT_FOUND", "We could not find a booking with that reference.");
  return booking;
}

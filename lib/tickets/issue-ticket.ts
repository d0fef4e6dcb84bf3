// The signed ticket of a confirmed booking, as its QR code carries it: the travelling passengers
// with their seats, the service and segment, valid from its issue until a while after arrival.
// Its issue time is the booking's last change that tickets depend on (confirmed, then any
// revocation: a passenger cancelled out, an exchange), the instant ticketsRevokedAt is stamped with,
// so a ticket signed after a change is never mistaken for one before, and the same booking always
// signs to the same ticket (Ed25519 is deterministic): the QR code stays still while the page
// re-renders, and a passenger who printed it and one who shows it on a phone hold the same code.
import "server-only";
import { db, type Db } from "@/lib/db";
import type { BookingView } from "@/lib/schemas/booking";
import { currentSigningKey, signTicket } from "@/lib/tickets/signing-key";
import { registerSigningKey } from "@/lib/tickets/key-registry";
import { CLOCK_SKEW_MINUTES, VALID_AFTER_MINUTES, type TicketPayload } from "@/lib/tickets/ticket-token";

export function ticketPayloadOf(booking: BookingView, issuedAt: Date, serviceDate: string): TicketPayload {
  const travelling = booking.passengers.filter((p) => p.status === "CONFIRMED");
  return {
    p: booking.pnr,
    t: booking.train.number,
    d: serviceDate,
    f: booking.from,
    o: booking.to,
    c: booking.class,
    x: travelling.map((p) => [p.name, p.coach, p.number]),
    nb: Math.floor(issuedAt.getTime() / 1000) - CLOCK_SKEW_MINUTES * 60,
    ex: Math.floor(Date.parse(booking.arrival) / 1000) + VALID_AFTER_MINUTES * 60,
    ia: issuedAt.getTime(),
  };
}

/** The QR text for a CONFIRMED booking with someone still travelling; null otherwise. */
export async function issueTicket(booking: BookingView, client: Db = db()): Promise<string | null> {
  if (booking.status !== "CONFIRMED" || !booking.passengers.some((p) => p.status === "CONFIRMED")) return null;
  const key = currentSigningKey();
  await registerSigningKey(client, key);
  const [row] = await client.$queryRaw<{ at: Date; serviceDate: Date }[]>`
    SELECT GREATEST(b."confirmedAt", b."ticketsRevokedAt", b."createdAt") AS at, s."serviceDate"
    FROM "Booking" b JOIN "Service" s ON s.id = b."serviceId"
    WHERE b.pnr = ${booking.pnr} AND s.id = ${booking.serviceId}`;
  if (!row) return null;
  return signTicket(ticketPayloadOf(booking, row.at, row.serviceDate.toISOString().slice(0, 10)), key);
}

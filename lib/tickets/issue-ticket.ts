// The signed ticket of a confirmed booking, as its QR code carries it: the travelling passengers
// with their seats, the service and segment, valid from now until a while after arrival. Signed
// again at every rendering; the issue time is the database's clock, the same clock a cancellation
// stamps ticketsRevokedAt with, so a ticket signed after a change is never mistaken for one before.
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
    SELECT clock_timestamp() AS at, "serviceDate" FROM "Service" WHERE id = ${booking.serviceId}`;
  return signTicket(ticketPayloadOf(booking, row!.at, row!.serviceDate.toISOString().slice(0, 10)), key);
}

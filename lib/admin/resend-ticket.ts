// The booking desk sends a booking's e-ticket email again (the passenger lost it, or typed a
// mailbox that ate it). Nothing about the booking changes: one more EMAIL row of kind
// BOOKING_CONFIRMED goes into the notifications outbox, which renders the ticket PDF as it is at
// delivery, and the audit log records who asked for it (targetId is the PNR, the handle desk staff
// and passengers use). The booking row is locked first, so a
// cancellation committing at the same moment is seen and the resend refused (decision 031).
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { isPnr } from "@/lib/booking/pnr";
import { currentTime } from "@/lib/booking/clock";
import { writeNotices } from "@/lib/notifications/outbox";
import { recordAudit } from "@/lib/admin/audit-log";
import type { UserActor } from "@/lib/auth/actor";

export interface ResendTicketResult {
  pnr: string;
  /** The passenger's address the email goes to. */
  email: string;
  queuedAt: string;
}

const NOT_FOUND = "We could not find a booking with that reference.";

export async function resendTicket(actor: UserActor, pnr: string): Promise<ResendTicketResult> {
  const ref = pnr.trim().toUpperCase();
  if (!isPnr(ref)) throw new AppError("NOT_FOUND", NOT_FOUND);
  const result = await db().$transaction(async (tx) => {
    const [booking] = await tx.$queryRaw<{ id: string; pnr: string; userId: string; status: string; email: string }[]>`
      SELECT b.id, b.pnr, b."userId", b.status::text AS status, u.email
      FROM "Booking" b JOIN "User" u ON u.id = b."userId"
      WHERE b.pnr = ${ref}
      FOR UPDATE OF b`;
    if (!booking) throw new AppError("NOT_FOUND", NOT_FOUND);
    if (booking.status === "CANCELLED") {
      throw new AppError("CONFLICT", `Booking ${booking.pnr} is cancelled, so it has no valid ticket to send.`, { reason: "BOOKING_CANCELLED", status: booking.status });
    }
    if (booking.status !== "CONFIRMED") {
      throw new AppError("CONFLICT", `Booking ${booking.pnr} is not paid yet, so there is no ticket to send.`, { reason: "NOT_CONFIRMED", status: booking.status });
    }
    const now = await currentTime(tx);
    await writeNotices(
      tx,
      [
        {
          userId: booking.userId,
          bookingId: booking.id,
          kind: "BOOKING_CONFIRMED",
          title: `Your e-ticket ${booking.pnr}, sent again`,
          body: "RailBook staff sent your e-ticket again, as asked.",
          data: { pnr: booking.pnr, resent: true },
        },
      ],
      now,
      ["EMAIL"],
    );
    await recordAudit(tx, { actorId: actor.userId, action: "booking.ticket.resend", targetId: booking.pnr, details: { bookingId: booking.id, email: booking.email, role: actor.role } });
    return { pnr: booking.pnr, email: booking.email, queuedAt: now.toISOString() };
  });
  logger.info("ticket resent", { pnr: result.pnr, by: actor.userId });
  return result;
}

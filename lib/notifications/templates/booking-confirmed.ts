// BOOKING_CONFIRMED: the e-ticket. The PDF is the very document the booking page offers for
// download (lib/tickets/ticket-pdf.ts, with the QR code of its signed ticket), rendered from the booking as it is at
// delivery: if the booking was cancelled before the email went out, the attachment says so.
import { renderTicketPdf } from "@/lib/tickets/ticket-pdf";
import { issueTicket } from "@/lib/tickets/issue-ticket";
import { bookedSeat } from "@/lib/tickets/seat-words";
import { bookingUrl, framed, type EmailTemplate } from "@/lib/notifications/templates/layout";
import { genericEmail } from "@/lib/notifications/templates/generic";

export const bookingConfirmedEmail: EmailTemplate = async (ctx) => {
  const booking = ctx.booking;
  if (!booking) return genericEmail(ctx);
  const valid = booking.status === "CONFIRMED";
  const seats = booking.passengers.map((p) => `${p.name}: ${bookedSeat(p)}`).join("; ");
  const email = framed(ctx, `Your e-ticket ${booking.pnr}: ${booking.fromName} → ${booking.toName}`, {
    heading: valid ? "Your booking is confirmed" : ctx.notification.title,
    paragraphs: [
      ctx.notification.body,
      valid
        ? "Your e-ticket is attached as a PDF. Show it (printed or on screen) with an identity document when asked on board."
        : "This booking is no longer valid for travel; the attached ticket says so.",
      `Seats: ${seats}.`,
    ],
    booking,
    action: { label: "View your ticket", url: bookingUrl(ctx) },
  });
  const pdf = await renderTicketPdf(booking, await issueTicket(booking));
  return {
    ...email,
    attachments: [{ filename: `railbook-ticket-${booking.pnr}.pdf`, content: Buffer.from(pdf), contentType: "application/pdf" }],
  };
};

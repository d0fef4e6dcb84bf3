// WAITLIST_PROMOTED: seats came free and this waiting-list booking got them (lib/booking/waitlist/).
import { bookingUrl, framed, type EmailTemplate } from "@/lib/notifications/templates/layout";
import { genericEmail } from "@/lib/notifications/templates/generic";
import { bookedSeat } from "@/lib/tickets/seat-words";

export const waitlistPromotedEmail: EmailTemplate = (ctx) => {
  const booking = ctx.booking;
  if (!booking) return genericEmail(ctx);
  const seated = booking.passengers.filter((p) => p.coach && p.number);
  return framed(ctx, `Good news: seats for ${booking.pnr} on ${booking.train.number}`, {
    heading: "You are off the waiting list",
    paragraphs: [
      ctx.notification.body,
      seated.length > 0 ? `Your seats: ${seated.map((p) => `${p.name}: ${bookedSeat(p)}`).join("; ")}.` : "Your seats are shown on your booking.",
      booking.status === "HELD" ? "Pay before the hold runs out to keep them." : "Your e-ticket is on your booking page.",
    ],
    booking,
    action: booking.status === "HELD" ? { label: "Pay now", url: bookingUrl(ctx, "/pay") } : { label: "View your ticket", url: bookingUrl(ctx) },
  });
};

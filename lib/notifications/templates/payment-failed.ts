// PAYMENT_FAILED: the card was declined. The seats stay held until the hold runs out (or an unpaid
// waiting-list place is kept until its payment deadline), so the email says how to try again
// rather than that the booking is lost. `data.waitlisted` says which, as it was when declined.
import { bookingUrl, framed, type EmailTemplate } from "@/lib/notifications/templates/layout";
import { genericEmail } from "@/lib/notifications/templates/generic";

const REASONS: Record<string, string> = {
  card_declined: "Your bank declined the card.",
  insufficient_funds: "The card has insufficient funds.",
  expired_card: "The card has expired.",
};

export const paymentFailedEmail: EmailTemplate = (ctx) => {
  const booking = ctx.booking;
  if (!booking) return genericEmail(ctx);
  const code = typeof ctx.notification.data.failureCode === "string" ? ctx.notification.data.failureCode : "";
  return framed(ctx, `Payment for ${booking.pnr} did not go through`, {
    heading: "Your payment did not go through",
    paragraphs: [
      ctx.notification.body,
      REASONS[code] ?? "The payment was refused.",
      ctx.notification.data.waitlisted === true
        ? "Nothing was charged. Your place on the waiting list is kept, unpaid, until its payment deadline: you can pay with another card."
        : "Nothing was charged. Your seats are still held until the hold runs out: you can pay with another card.",
    ],
    booking,
    action: { label: "Try another card", url: bookingUrl(ctx, "/pay") },
  });
};

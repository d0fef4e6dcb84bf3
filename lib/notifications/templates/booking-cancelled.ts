// BOOKING_CANCELLED: the passenger (or staff on their behalf) cancelled; says what comes back.
import { bookingUrl, framed, type EmailTemplate } from "@/lib/notifications/templates/layout";
import { refundLine } from "@/lib/notifications/templates/refund";

export const bookingCancelledEmail: EmailTemplate = (ctx) => {
  return framed(ctx, ctx.notification.title, {
    heading: "Your booking is cancelled",
    paragraphs: [
      ctx.notification.body,
      refundLine(ctx) ?? "There is nothing to refund.",
      "The seats have been released and the ticket is no longer valid for travel.",
    ],
    booking: ctx.booking,
    action: { label: "View your booking", url: bookingUrl(ctx) },
  });
};

// BOOKING_CANCELLED: the passenger (or staff on their behalf) cancelled; says what comes back.
import { formatMoney } from "@/lib/money";
import { bookingUrl, framed, type EmailTemplate } from "@/lib/notifications/templates/layout";

export const bookingCancelledEmail: EmailTemplate = (ctx) => {
  const refund = typeof ctx.notification.data.refundMinor === "number" ? ctx.notification.data.refundMinor : 0;
  const currency = typeof ctx.notification.data.currency === "string" ? ctx.notification.data.currency : (ctx.booking?.total.currency ?? "PLN");
  return framed(ctx, ctx.notification.title, {
    heading: "Your booking is cancelled",
    paragraphs: [
      ctx.notification.body,
      refund > 0 ? `Refund: ${formatMoney(refund, currency)}, back to the card you paid with.` : "There is nothing to refund.",
      "The seats have been released and the ticket is no longer valid for travel.",
    ],
    booking: ctx.booking,
    action: { label: "View your booking", url: bookingUrl(ctx) },
  });
};

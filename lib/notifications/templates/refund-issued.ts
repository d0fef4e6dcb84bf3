// REFUND_ISSUED: money is on its way back to the card the booking was paid with.
import { formatMoney } from "@/lib/money";
import { bookingUrl, framed, type EmailTemplate } from "@/lib/notifications/templates/layout";

export const refundIssuedEmail: EmailTemplate = (ctx) => {
  const amount = typeof ctx.notification.data.refundMinor === "number" ? ctx.notification.data.refundMinor : null;
  const currency = typeof ctx.notification.data.currency === "string" ? ctx.notification.data.currency : (ctx.booking?.total.currency ?? "PLN");
  const money = amount !== null ? formatMoney(amount, currency) : null;
  return framed(ctx, money ? `Refund of ${money}${ctx.booking ? ` for ${ctx.booking.pnr}` : ""}` : ctx.notification.title, {
    heading: "Your refund is on its way",
    paragraphs: [ctx.notification.body, `${money ? `${money} goes` : "The money goes"} back to the card you paid with; banks usually show it within 5 working days.`],
    booking: ctx.booking,
    action: { label: "View your booking", url: bookingUrl(ctx) },
  });
};

// WAITLIST_NOT_CONFIRMED: the chart was prepared and no seats came free for this waiting-list
// booking; whatever was paid comes back (lib/waitlist/).
import { formatMoney } from "@/lib/money";
import { framed, type EmailTemplate } from "@/lib/notifications/templates/layout";
import { genericEmail } from "@/lib/notifications/templates/generic";

export const waitlistNotConfirmedEmail: EmailTemplate = (ctx) => {
  const booking = ctx.booking;
  if (!booking) return genericEmail(ctx);
  const refund = typeof ctx.notification.data.refundMinor === "number" ? ctx.notification.data.refundMinor : null;
  const currency = typeof ctx.notification.data.currency === "string" ? ctx.notification.data.currency : booking.total.currency;
  return framed(ctx, `No seats for ${booking.pnr}: your waiting-list booking was not confirmed`, {
    heading: "We could not confirm your waiting-list booking",
    paragraphs: [
      ctx.notification.body,
      refund && refund > 0 ? `A refund of ${formatMoney(refund, currency)} is on its way to your card.` : "You have not been charged.",
      "Other trains on the same route may still have seats.",
    ],
    booking,
    action: { label: "Search again", url: `${ctx.appUrl}/search?${new URLSearchParams({ from: booking.from, to: booking.to, date: booking.departure.slice(0, 10) })}` },
  });
};

// WAITLIST_NOT_CONFIRMED: the chart was prepared and no seats came free for this waiting-list
// booking; whatever was paid comes back (lib/booking/waitlist/).
import { framed, type EmailTemplate } from "@/lib/notifications/templates/layout";
import { genericEmail } from "@/lib/notifications/templates/generic";
import { refundLine } from "@/lib/notifications/templates/refund";

export const waitlistNotConfirmedEmail: EmailTemplate = (ctx) => {
  const booking = ctx.booking;
  if (!booking) return genericEmail(ctx);
  return framed(ctx, `No seats for ${booking.pnr}: your waiting-list booking was not confirmed`, {
    heading: "We could not confirm your waiting-list booking",
    paragraphs: [
      ctx.notification.body,
      refundLine(ctx) ?? "You have not been charged.",
      "Other trains on the same route may still have seats.",
    ],
    booking,
    action: { label: "Search again", url: `${ctx.appUrl}/search?${new URLSearchParams({ from: booking.from, to: booking.to, date: booking.departure.slice(0, 10) })}` },
  });
};

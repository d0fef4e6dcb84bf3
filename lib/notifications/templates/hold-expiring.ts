// HOLD_EXPIRING: a couple of minutes left to pay before the held seats go back on sale
// (written by lib/booking/hold-reminders.ts). Says the exact time in the departure station's zone.
import { bookingUrl, framed, type EmailTemplate } from "@/lib/notifications/templates/layout";
import { genericEmail } from "@/lib/notifications/templates/generic";

export const holdExpiringEmail: EmailTemplate = (ctx) => {
  const booking = ctx.booking;
  if (!booking) return genericEmail(ctx);
  const until = typeof ctx.notification.data.expiresAtLocal === "string" ? ctx.notification.data.expiresAtLocal : null;
  const paid = booking.status !== "HELD";
  return framed(ctx, `Pay for ${booking.pnr} in the next few minutes to keep your seats`, {
    heading: "Your seats are held for a few more minutes",
    paragraphs: [
      ctx.notification.body,
      until ? `The hold runs out at ${until} (station time). After that the seats go back on sale.` : "After that the seats go back on sale.",
      ...(paid ? [`(This booking is now ${booking.status.toLowerCase()}: nothing more to do.)`] : []),
    ],
    booking,
    action: { label: "Pay now", url: bookingUrl(ctx, "/pay") },
  });
};

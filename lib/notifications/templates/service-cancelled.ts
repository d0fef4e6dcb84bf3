// SERVICE_CANCELLED: the operator cancelled the train; the booking is cancelled with a full refund.
import { framed, type EmailTemplate } from "@/lib/notifications/templates/layout";
import { refundLine } from "@/lib/notifications/templates/refund";

export const serviceCancelledEmail: EmailTemplate = (ctx) => {
  const search = ctx.booking
    ? `${ctx.appUrl}/search?${new URLSearchParams({ from: ctx.booking.from, to: ctx.booking.to, date: ctx.booking.departure.slice(0, 10) })}`
    : `${ctx.appUrl}/`;
  const refund = refundLine(ctx);
  return framed(ctx, ctx.notification.title, {
    heading: "Your train is cancelled",
    paragraphs: [
      ctx.notification.body,
      ...(refund ? [refund] : []),
      "Your booking is cancelled and is not valid for travel. You can look for another train below.",
    ],
    booking: ctx.booking,
    action: { label: "Find another train", url: search },
  });
};

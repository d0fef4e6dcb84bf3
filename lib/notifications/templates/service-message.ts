// An operator's message to a train's passengers (lib/admin/manifest/service-message.ts): the
// generic email, but the operator's line breaks become paragraphs in the HTML part too.
import { bookingUrl, framed, type EmailTemplate } from "@/lib/notifications/templates/layout";

export const serviceMessageEmail: EmailTemplate = (ctx) =>
  framed(ctx, ctx.notification.title, {
    heading: ctx.notification.title,
    paragraphs: ctx.notification.body.split(/\n+/).filter((p) => p.trim() !== ""),
    booking: ctx.booking,
    action: { label: ctx.booking ? "View your booking" : "Your notices", url: bookingUrl(ctx) },
  });

// Any notice without a template of its own (a kind added later, or one sent by hand): its title
// and body as they were written for the inbox, and the booking's journey when there is one.
import { bookingUrl, framed, type EmailTemplate } from "@/lib/notifications/templates/layout";

export const genericEmail: EmailTemplate = (ctx) =>
  framed(ctx, ctx.notification.title, {
    heading: ctx.notification.title,
    paragraphs: [ctx.notification.body],
    booking: ctx.booking,
    action: { label: ctx.booking ? "View your booking" : "Your notices", url: bookingUrl(ctx) },
  });

// PLATFORM_CHANGE: the train uses another platform at one of the passenger's stations.
import { bookingUrl, framed, type EmailTemplate } from "@/lib/notifications/templates/layout";

export const platformChangeEmail: EmailTemplate = (ctx) => {
  const platform = typeof ctx.notification.data.platform === "string" ? ctx.notification.data.platform : null;
  const station = typeof ctx.notification.data.station === "string" ? ctx.notification.data.station : null;
  return framed(ctx, ctx.notification.title, {
    heading: platform && station ? `Platform ${platform} at ${station}` : "Your train changes platform",
    paragraphs: [ctx.notification.body, "Check the departure boards at the station too: they have the latest word."],
    booking: ctx.booking,
    action: { label: "View your booking", url: bookingUrl(ctx) },
  });
};

// SCHEDULE_DELAY: the operator announced a delay (or that the train is back on time).
import { bookingUrl, framed, type EmailTemplate } from "@/lib/notifications/templates/layout";

export const scheduleDelayEmail: EmailTemplate = (ctx) => {
  const minutes = typeof ctx.notification.data.delayMinutes === "number" ? ctx.notification.data.delayMinutes : null;
  return framed(ctx, ctx.notification.title, {
    heading: minutes === 0 ? "Your train is back on time" : `Your train is running ${minutes ?? "some"} minutes late`,
    paragraphs: [
      ctx.notification.body,
      minutes === 0 ? "Plan for the timetabled departure." : "Times on your ticket are the timetabled ones; we will tell you if the delay changes.",
    ],
    booking: ctx.booking,
    action: { label: "View your booking", url: bookingUrl(ctx) },
  });
};

// PASSWORD_RESET: the forgot-password link (written by lib/auth/password-reset.ts). The token is in
// the notice's data only until this email is sent (lib/jobs/notifications/deliver.ts removes it).
import { framed, type EmailTemplate } from "@/lib/notifications/templates/layout";

export const RESET_PATH = "/reset-password";

export const passwordResetEmail: EmailTemplate = (ctx) => {
  const token = typeof ctx.notification.data.resetToken === "string" ? ctx.notification.data.resetToken : null;
  // A row sent once already lost its token: a resend has no link to give, so it says to ask again.
  if (!token) {
    return framed(ctx, "Reset your RailBook password", {
      heading: "Reset your password",
      paragraphs: ["This reset link is no longer available. Ask for a new one on the sign-in page."],
      action: { label: "Ask for a new link", url: `${ctx.appUrl}/forgot-password` },
    });
  }
  return framed(ctx, "Reset your RailBook password", {
    heading: "Reset your password",
    paragraphs: [ctx.notification.body],
    action: { label: "Choose a new password", url: `${ctx.appUrl}${RESET_PATH}?token=${encodeURIComponent(token)}` },
  });
};

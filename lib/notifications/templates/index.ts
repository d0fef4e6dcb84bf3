// Which template renders which notice kind. A kind missing here still gets an email: the generic
// template, made from the notice's own title and body.
import type { EmailTemplate } from "@/lib/notifications/templates/layout";
import { genericEmail } from "@/lib/notifications/templates/generic";
import { bookingConfirmedEmail } from "@/lib/notifications/templates/booking-confirmed";
import { bookingCancelledEmail } from "@/lib/notifications/templates/booking-cancelled";
import { holdExpiringEmail } from "@/lib/notifications/templates/hold-expiring";
import { paymentFailedEmail } from "@/lib/notifications/templates/payment-failed";
import { waitlistPromotedEmail } from "@/lib/notifications/templates/waitlist-promoted";
import { waitlistNotConfirmedEmail } from "@/lib/notifications/templates/waitlist-not-confirmed";
import { scheduleDelayEmail } from "@/lib/notifications/templates/schedule-delay";
import { serviceCancelledEmail } from "@/lib/notifications/templates/service-cancelled";
import { platformChangeEmail } from "@/lib/notifications/templates/platform-change";
import { serviceMessageEmail } from "@/lib/notifications/templates/service-message";
import { passwordResetEmail } from "@/lib/notifications/templates/password-reset";

export const EMAIL_TEMPLATES: Record<string, EmailTemplate> = {
  BOOKING_CONFIRMED: bookingConfirmedEmail,
  BOOKING_CANCELLED: bookingCancelledEmail,
  HOLD_EXPIRING: holdExpiringEmail,
  PAYMENT_FAILED: paymentFailedEmail,
  WAITLIST_PROMOTED: waitlistPromotedEmail,
  WAITLIST_NOT_CONFIRMED: waitlistNotConfirmedEmail,
  SCHEDULE_DELAY: scheduleDelayEmail,
  SERVICE_CANCELLED: serviceCancelledEmail,
  PLATFORM_CHANGE: platformChangeEmail,
  SERVICE_MESSAGE: serviceMessageEmail,
  PASSWORD_RESET: passwordResetEmail,
};

export function templateFor(kind: string): EmailTemplate {
  return EMAIL_TEMPLATES[kind] ?? genericEmail;
}

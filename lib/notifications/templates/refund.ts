// The refund, as the cancellation emails state it. A refund is only ever made by a cancellation
// (lib/booking/cancel-booking.ts), whose one notice carries it in `data` (refundMinor, currency),
// so it is told there rather than in an email of its own (docs/decisions/014).
import { formatMoney } from "@/lib/money";
import type { EmailContext } from "@/lib/notifications/templates/layout";

/** "Refund: €59.00, back to the card you paid with; ...", or null when nothing comes back. */
export function refundLine(ctx: EmailContext): string | null {
  const { refundMinor, currency } = ctx.notification.data;
  if (typeof refundMinor !== "number" || refundMinor <= 0) return null;
  const money = formatMoney(refundMinor, typeof currency === "string" ? currency : (ctx.booking?.total.currency ?? "PLN"));
  return `Refund: ${money}, back to the card you paid with; banks usually show it within 5 working days.`;
}

// What a passenger is told when the operator changes their train: one in-app notice per affected
// booking, worded here so the schedule-change code stays about state, and the same facts go into
// the notice's `data` for the e-mail channel that will deliver from the same outbox rows.
import "server-only";
import type { InAppNotice } from "@/lib/booking/notifications";
import { formatMoney } from "@/lib/money";
import { longDateLabel } from "@/lib/time/zoned";

export interface NoticeService {
  trainNumber: string;
  trainName: string;
  /** The origin's local date, "2026-11-23". */
  serviceDate: string;
}

export interface NoticeBooking {
  id: string;
  pnr: string;
  userId: string;
}

function trainLabel(service: NoticeService): string {
  return `${service.trainNumber} ${service.trainName} on ${longDateLabel(service.serviceDate)}`;
}

function withReason(text: string, reason: string | null | undefined): string {
  return reason ? `${text} Reason: ${reason}` : text;
}

export function delayNotice(service: NoticeService, booking: NoticeBooking, change: { id: string; delayMinutes: number; reason?: string | null }): InAppNotice {
  const onTime = change.delayMinutes === 0;
  return {
    userId: booking.userId,
    bookingId: booking.id,
    kind: "SCHEDULE_DELAY",
    title: onTime ? `${service.trainNumber} is back on time` : `${service.trainNumber} is running ${change.delayMinutes} min late`,
    body: withReason(
      onTime
        ? `Your train ${trainLabel(service)} (booking ${booking.pnr}) is running on time again.`
        : `Your train ${trainLabel(service)} (booking ${booking.pnr}) is expected to run about ${change.delayMinutes} minutes late.`,
      change.reason,
    ),
    data: { pnr: booking.pnr, scheduleChangeId: change.id, delayMinutes: change.delayMinutes },
  };
}

export function platformNotice(
  service: NoticeService,
  booking: NoticeBooking,
  change: { id: string; stationName: string; platform: string; previousPlatform: string | null; reason?: string | null },
): InAppNotice {
  const was = change.previousPlatform ? ` instead of platform ${change.previousPlatform}` : "";
  return {
    userId: booking.userId,
    bookingId: booking.id,
    kind: "PLATFORM_CHANGE",
    title: `Platform change at ${change.stationName}: now platform ${change.platform}`,
    body: withReason(`Your train ${trainLabel(service)} (booking ${booking.pnr}) uses platform ${change.platform} at ${change.stationName}${was}.`, change.reason),
    data: { pnr: booking.pnr, scheduleChangeId: change.id, station: change.stationName, platform: change.platform },
  };
}

/** The cancelled train's notice; built after the refund is known, so it can say how much comes back. */
export function cancellationNotice(
  service: NoticeService,
  booking: Pick<NoticeBooking, "pnr">,
  change: { id: string; reason?: string | null },
  refund: { amountMinor: number; currency: string },
): Omit<InAppNotice, "userId" | "bookingId"> {
  const money = refund.amountMinor > 0 ? ` A full refund of ${formatMoney(refund.amountMinor, refund.currency)} is on its way to your card.` : "";
  return {
    kind: "SERVICE_CANCELLED",
    title: `${service.trainNumber} on ${longDateLabel(service.serviceDate)} is cancelled`,
    body: withReason(`We are sorry: your train ${trainLabel(service)} is cancelled, so booking ${booking.pnr} is cancelled.${money}`, change.reason),
    data: { pnr: booking.pnr, scheduleChangeId: change.id },
  };
}

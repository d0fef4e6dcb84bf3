// What changed about a passenger's train since they booked, for their booking page: the operator's
// delays, platform changes and cancellation as they reached this booking (its SCHEDULE_* events,
// written with each change), the refunds paid back, and where the train stands now. Owner-checked:
// someone else's PNR gives nothing.
import "server-only";
import type { Db } from "@/lib/db";
import { formatMoney } from "@/lib/money";
import { isPnr } from "@/lib/booking/pnr";
import { clockInZone } from "@/lib/time/zoned";

export interface ServiceUpdate {
  at: Date;
  kind: "DELAY" | "ON_TIME" | "PLATFORM" | "CANCELLED" | "REFUND" | "RETIMED";
  text: string;
}

export interface ServiceUpdates {
  status: "SCHEDULED" | "DELAYED" | "CANCELLED";
  delayMinutes: number;
  /** The zone of the boarding station, for showing times on its clock. */
  timeZone: string;
  /** Platform changes at this journey's boarding and alighting stations. */
  platforms: { station: string; platform: string }[];
  /** Newest first. */
  updates: ServiceUpdate[];
}

const SCHEDULE_EVENTS = ["SCHEDULE_DELAY", "SCHEDULE_CANCELLED", "PLATFORM_CHANGED", "SCHEDULE_RETIMED"];
const REFUND_WORDS: Record<string, string> = {
  SERVICE_CANCELLED: "because the train was cancelled",
  OPERATOR_FULL_REFUND: "in full, as a goodwill gesture",
  PASSENGER_CANCELLED: "for your cancellation",
};

const text = (v: unknown) => (typeof v === "string" && v ? v : null);
const withReason = (line: string, reason: unknown) => (text(reason) ? `${line} Reason: ${text(reason)}` : line);

/** "New timetable: leaves Gdańsk at 09:10 (was 09:02), reaches Kraków at 10:08 (was 10:00)." */
function retimedText(d: Record<string, unknown>): string {
  const at = (iso: unknown, zone: unknown) => (text(iso) && text(zone) ? clockInZone(new Date(text(iso)!), text(zone)!) : "?");
  return (
    `New timetable: the train leaves ${text(d.fromName) ?? "your station"} at ${at(d.departsAt, d.fromTimeZone)} (was ${at(d.previousDepartsAt, d.fromTimeZone)}) ` +
    `and reaches ${text(d.toName) ?? "your destination"} at ${at(d.arrivesAt, d.toTimeZone)} (was ${at(d.previousArrivesAt, d.toTimeZone)}).`
  );
}

export async function serviceUpdatesFor(client: Db, userId: string, pnr: string): Promise<ServiceUpdates | null> {
  if (!isPnr(pnr)) return null;
  const booking = await client.booking.findFirst({
    where: { pnr, userId },
    select: {
      fromStationId: true,
      toStationId: true,
      fromStation: { select: { timeZone: true } },
      service: { select: { status: true, delayMinutes: true, platforms: { select: { stationId: true, platform: true, station: { select: { name: true } } } } } },
      events: { where: { type: { in: SCHEDULE_EVENTS } }, orderBy: [{ createdAt: "desc" }, { id: "asc" }], select: { type: true, data: true, createdAt: true } },
      refunds: { orderBy: [{ createdAt: "desc" }, { id: "asc" }], select: { amountMinor: true, currency: true, reason: true, createdAt: true } },
    },
  });
  if (!booking) return null;

  const updates: ServiceUpdate[] = booking.events.map((e) => {
    const d = (e.data ?? {}) as Record<string, unknown>;
    if (e.type === "SCHEDULE_CANCELLED") return { at: e.createdAt, kind: "CANCELLED", text: withReason("The train was cancelled by the operator.", d.reason) };
    if (e.type === "PLATFORM_CHANGED") {
      return { at: e.createdAt, kind: "PLATFORM", text: withReason(`Platform change at ${text(d.stationName) ?? "a station"}: now platform ${text(d.platform) ?? "?"}.`, d.reason) };
    }
    if (e.type === "SCHEDULE_RETIMED") return { at: e.createdAt, kind: "RETIMED", text: retimedText(d) };
    const minutes = typeof d.delayMinutes === "number" ? d.delayMinutes : 0;
    return minutes > 0
      ? { at: e.createdAt, kind: "DELAY", text: withReason(`The train is running about ${minutes} minutes late.`, d.reason) }
      : { at: e.createdAt, kind: "ON_TIME", text: withReason("The train is back on time.", d.reason) };
  });
  for (const r of booking.refunds) {
    updates.push({ at: r.createdAt, kind: "REFUND", text: `Refund of ${formatMoney(r.amountMinor, r.currency)} ${REFUND_WORDS[r.reason] ?? ""} sent to your card.`.replace("  ", " ") });
  }
  updates.sort((a, b) => b.at.getTime() - a.at.getTime());

  const ours = new Set([booking.fromStationId, booking.toStationId]);
  return {
    status: booking.service.status,
    delayMinutes: booking.service.delayMinutes,
    timeZone: booking.fromStation.timeZone,
    platforms: booking.service.platforms.filter((p) => ours.has(p.stationId)).map((p) => ({ station: p.station.name, platform: p.platform })),
    updates,
  };
}

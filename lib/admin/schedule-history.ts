// What the schedule page shows about one service: the train, its calls with the platform in use at
// each (the service's own change, else the timetable's), how many live bookings a change would
// reach, and every schedule change made so far with who made it.
import "server-only";
import { db } from "@/lib/db";
import type { ScheduleChangeRow } from "@/lib/schemas/admin-ops-views";

export interface ScheduleStop {
  stationId: string;
  code: string;
  name: string;
  timeZone: string;
  /** Timetable departure (or arrival at the terminus), before any delay. */
  at: Date;
  platform: string | null;
  platformChanged: boolean;
}

export interface ScheduleOverview {
  id: string;
  serviceDate: string;
  status: "SCHEDULED" | "DELAYED" | "CANCELLED";
  delayMinutes: number;
  departsAt: Date;
  departed: boolean;
  train: { number: string; name: string };
  stops: ScheduleStop[];
  liveBookings: number;
  changes: ScheduleChangeRow[];
}

export async function scheduleChanges(serviceId: string): Promise<ScheduleChangeRow[]> {
  const rows = await db().scheduleChange.findMany({
    where: { serviceId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    include: { station: { select: { id: true, code: true, name: true } }, createdBy: { select: { id: true, name: true, email: true } } },
  });
  return rows.map((c) => ({
    id: c.id,
    kind: c.kind,
    delayMinutes: c.delayMinutes,
    station: c.station,
    platform: c.platform,
    reason: c.reason,
    createdBy: c.createdBy,
    createdAt: c.createdAt.toISOString(),
  }));
}

export async function scheduleOverview(serviceId: string, now = new Date()): Promise<ScheduleOverview | null> {
  const service = await db().service.findUnique({
    where: { id: serviceId },
    include: {
      train: { include: { stops: { orderBy: { sequence: "asc" }, include: { station: true } } } },
      platforms: true,
    },
  });
  if (!service) return null;
  const [liveBookings, changes] = await Promise.all([
    db().booking.count({
      // The same bookings as LIVE_BOOKING in schedule-changes.ts.
      where: {
        serviceId,
        OR: [
          { status: "CONFIRMED" },
          { status: "HELD", holdExpiresAt: { gt: now } },
          { status: "WAITLISTED", OR: [{ holdExpiresAt: null }, { holdExpiresAt: { gt: now } }] },
        ],
      },
    }),
    scheduleChanges(serviceId),
  ]);
  const override = new Map(service.platforms.map((p) => [p.stationId, p.platform]));
  const leavesAt = service.departsAt.getTime() + service.delayMinutes * 60_000;
  return {
    id: service.id,
    serviceDate: service.serviceDate.toISOString().slice(0, 10),
    status: service.status,
    delayMinutes: service.delayMinutes,
    departsAt: service.departsAt,
    departed: leavesAt <= now.getTime(),
    train: { number: service.train.number, name: service.train.name },
    stops: service.train.stops.map((stop) => ({
      stationId: stop.stationId,
      code: stop.station.code,
      name: stop.station.name,
      timeZone: stop.station.timeZone,
      at: new Date(service.departsAt.getTime() + (stop.departureOffsetMinutes ?? stop.arrivalOffsetMinutes ?? 0) * 60_000),
      platform: override.get(stop.stationId) ?? stop.platform,
      platformChanged: override.has(stop.stationId),
    })),
    liveBookings,
    changes,
  };
}

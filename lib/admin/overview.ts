// The operator's at-a-glance numbers for the admin home and GET /api/v1/admin/overview.
import "server-only";
import { db } from "@/lib/db";

const DAY_MS = 24 * 60 * 60 * 1000;

export interface OperationsOverview {
  stations: number;
  /** Trains in the timetable that still run (inactive ones are kept for history). */
  activeTrains: number;
  /** Services departing from now until 7 days ahead, cancelled ones excluded. */
  servicesNext7Days: number;
  users: number;
  admins: number;
  bookings: { total: number; confirmed: number; held: number; cancelled: number };
  generatedAt: string;
}

export async function operationsOverview(now: Date = new Date()): Promise<OperationsOverview> {
  const client = db();
  const weekAhead = new Date(now.getTime() + 7 * DAY_MS);
  const [stations, activeTrains, servicesNext7Days, users, admins, bookingsByStatus] = await Promise.all([
    client.station.count(),
    client.train.count({ where: { active: true } }),
    client.service.count({ where: { departsAt: { gte: now, lt: weekAhead }, status: { not: "CANCELLED" } } }),
    client.user.count(),
    client.user.count({ where: { role: "ADMIN" } }),
    client.booking.groupBy({ by: ["status"], _count: { _all: true } }),
  ]);
  const byStatus = new Map(bookingsByStatus.map((row) => [row.status, row._count._all]));
  return {
    stations,
    activeTrains,
    servicesNext7Days,
    users,
    admins,
    bookings: {
      total: bookingsByStatus.reduce((sum, row) => sum + row._count._all, 0),
      confirmed: byStatus.get("CONFIRMED") ?? 0,
      held: byStatus.get("HELD") ?? 0,
      cancelled: byStatus.get("CANCELLED") ?? 0,
    },
    generatedAt: now.toISOString(),
  };
}

// "Loading of the next days" on the operator's home: for each of the next N days (today first, on
// the operator's clock), the services running, their seats, the passengers booked on them and the
// occupancy, plus the most loaded service of the day. The figures are the analytics page's own
// (lib/admin/analytics-queries.ts, travel-date basis), summed per day here from per-service rows.
import "server-only";
import { db } from "@/lib/db";
import { resolveRange } from "@/lib/admin/analytics";
import { serviceLoads, withoutJit, type ServiceLoadRow } from "@/lib/admin/analytics-queries";
import { addDaysIso } from "@/lib/services/service-calendar";

export const NEXT_DAYS = 7;

export interface ServiceLoad {
  serviceId: string;
  trainNumber: string;
  trainName: string;
  departsAt: string;
  passengers: number;
  seats: number;
  /** Seat-km sold / seat-km offered, 0..1; null for a service without seats or route. */
  occupancy: number | null;
}

export interface DayLoad {
  date: string;
  services: number;
  /** Seats offered by the day's services, each counted once per service. */
  seats: number;
  /** Confirmed passengers on the day's services. */
  passengers: number;
  seatKmOffered: number;
  seatKmSold: number;
  occupancy: number | null;
  /** The day's service with the highest occupancy (earliest first on a tie); null when none is sold. */
  busiest: ServiceLoad | null;
}

export interface NextDaysLoad {
  from: string;
  to: string;
  timeZone: string;
  days: DayLoad[];
}

const share = (sold: number, offered: number) => (offered > 0 ? sold / offered : null);

function toServiceLoad(row: ServiceLoadRow): ServiceLoad {
  return {
    serviceId: row.serviceId,
    trainNumber: row.trainNumber,
    trainName: row.trainName,
    departsAt: row.departsAt.toISOString(),
    passengers: row.passengers,
    seats: row.seats,
    occupancy: share(row.seatKmSold, row.seats * row.routeKm),
  };
}

/** Pure: per-service rows in, one entry per day of the range out (days with no service included). */
export function daysFromServiceLoads(from: string, count: number, rows: ServiceLoadRow[]): DayLoad[] {
  return Array.from({ length: count }, (_, i) => {
    const date = addDaysIso(from, i);
    const mine = rows.filter((r) => r.date === date);
    const seatKmOffered = mine.reduce((sum, r) => sum + r.seats * r.routeKm, 0);
    const seatKmSold = mine.reduce((sum, r) => sum + r.seatKmSold, 0);
    const loads = mine.map(toServiceLoad);
    const busiest = loads.reduce<ServiceLoad | null>((best, s) => ((s.occupancy ?? 0) > (best?.occupancy ?? 0) ? s : best), null);
    return {
      date,
      services: mine.length,
      seats: mine.reduce((sum, r) => sum + r.seats, 0),
      passengers: mine.reduce((sum, r) => sum + r.passengers, 0),
      seatKmOffered,
      seatKmSold,
      occupancy: share(seatKmSold, seatKmOffered),
      busiest,
    };
  });
}

export async function nextDaysLoad(options: { days?: number; now?: Date } = {}): Promise<NextDaysLoad> {
  const count = options.days ?? NEXT_DAYS;
  const range = resolveRange({ basis: "travel", next: count }, options.now);
  const rows = await withoutJit(db(), (tx) => serviceLoads(tx, range));
  return { from: range.from, to: range.to, timeZone: range.timeZone, days: daysFromServiceLoads(range.from, count, rows) };
}

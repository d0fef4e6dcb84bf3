// The train manager's list for one service: every confirmed passenger by coach and seat, with
// whether a conductor has checked their booking's ticket (TicketCheck, decision 026), and the
// cancelled ones counted apart so they never read as people on board (decision 030).
import "server-only";
import { db } from "@/lib/db";

export interface ManifestRow {
  passengerId: string;
  name: string;
  pnr: string;
  classCode: string;
  fromName: string;
  toName: string;
  coach: string | null;
  number: number | null;
  berth: string | null;
  /** The booking's first conductor check on this service, or null when nobody checked it. */
  checkedAt: Date | null;
}

export interface ServiceManifest {
  travelling: ManifestRow[];
  cancelled: ManifestRow[];
  checkedCount: number;
}

interface Row extends ManifestRow {
  cancelled: boolean;
}

/**
 * Travelling: the booking is CONFIRMED and the passenger not cancelled out of it. Cancelled: the
 * whole booking was cancelled after it was confirmed, or the passenger alone was. Holds, waiting
 * lists and expired holds are neither: nobody travels on them.
 */
export async function serviceManifest(serviceId: string): Promise<ServiceManifest> {
  const rows = await db().$queryRaw<Row[]>`
    SELECT bp.id AS "passengerId", bp.name, b.pnr, b."classCode", fs.name AS "fromName", ts.name AS "toName",
           ss."coachLabel" AS coach, ss.number, ss.berth::text AS berth,
           (b.status = 'CANCELLED' OR bp.status = 'CANCELLED') AS cancelled,
           (SELECT MIN(c."checkedAt") FROM "TicketCheck" c WHERE c."bookingId" = b.id AND c."serviceId" = b."serviceId") AS "checkedAt"
    FROM "BookingPassenger" bp
    JOIN "Booking" b ON b.id = bp."bookingId"
    JOIN "Station" fs ON fs.id = b."fromStationId"
    JOIN "Station" ts ON ts.id = b."toStationId"
    LEFT JOIN LATERAL (
      SELECT a."serviceSeatId" FROM "SeatAllocation" a WHERE a."bookingPassengerId" = bp.id
      ORDER BY (a."releasedAt" IS NULL) DESC, a."createdAt" DESC LIMIT 1
    ) a ON true
    LEFT JOIN "ServiceSeat" ss ON ss.id = a."serviceSeatId"
    WHERE b."serviceId" = ${serviceId}
      AND (b.status = 'CONFIRMED' OR (b.status = 'CANCELLED' AND b."confirmedAt" IS NOT NULL))
    ORDER BY ss."coachPosition" NULLS LAST, ss.number NULLS LAST, b.pnr, bp.position`;
  const strip = (row: Row): ManifestRow => {
    const { cancelled, ...rest } = row;
    void cancelled;
    return rest;
  };
  const travelling = rows.filter((r) => !r.cancelled).map(strip);
  return { travelling, cancelled: rows.filter((r) => r.cancelled).map(strip), checkedCount: travelling.filter((r) => r.checkedAt !== null).length };
}

/** Travelling passengers grouped by coach, in coach order ("No seat" last). */
export function byCoach(rows: ManifestRow[]): { coach: string; rows: ManifestRow[] }[] {
  const groups = new Map<string, ManifestRow[]>();
  for (const row of rows) {
    const coach = row.coach ?? "No seat";
    groups.set(coach, [...(groups.get(coach) ?? []), row]);
  }
  return [...groups].map(([coach, rows]) => ({ coach, rows }));
}

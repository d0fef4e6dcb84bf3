// Correctness, judged in SQL on what the run left in the database rather than on what the HTTP
// answers claimed. These are the checks that fail the smoke run in CI; timings never do.
import type pg from "pg";
import { liveAllocationText } from "@/lib/inventory/live-sql";

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

export function check(name: string, ok: boolean, detail: string): Check {
  return { name, ok, detail };
}

/** Live allocations (not released; paid, or a hold not yet run out) on the given services. */
export async function liveSeats(sql: pg.Pool, serviceIds: string[]): Promise<{ allocations: number; distinctSeats: number }> {
  const { rows } = await sql.query<{ allocations: number; distinct_seats: number }>(
    `SELECT COUNT(*)::int AS allocations, COUNT(DISTINCT "serviceSeatId")::int AS distinct_seats
     FROM "SeatAllocation"
     WHERE "serviceId" = ANY($1::text[]) AND ${liveAllocationText('"SeatAllocation"')}`,
    [serviceIds],
  );
  return { allocations: rows[0]!.allocations, distinctSeats: rows[0]!.distinct_seats };
}

/**
 * No seat sold twice for overlapping parts of a journey, anywhere in the database: pairs of live
 * allocations of one seat whose stop ranges [fromSeq, toSeq) overlap. Must be zero.
 */
export async function doubleSold(sql: pg.Pool): Promise<Check> {
  const { rows } = await sql.query<{ pairs: number }>(
    `SELECT COUNT(*)::int AS pairs
     FROM "SeatAllocation" a
     JOIN "SeatAllocation" b ON b."serviceSeatId" = a."serviceSeatId" AND b.id > a.id
       AND a."fromSeq" < b."toSeq" AND b."fromSeq" < a."toSeq"
     WHERE ${liveAllocationText("a")} AND ${liveAllocationText("b")}`,
  );
  const pairs = rows[0]!.pairs;
  return check("no seat sold twice for overlapping segments (whole database)", pairs === 0, `${pairs} overlapping pairs of live allocations`);
}

/** Bookings of these services by status, and succeeded payments: every CONFIRMED booking is paid once. */
export async function paidOnce(sql: pg.Pool, serviceIds: string[]): Promise<Check & { confirmed: number }> {
  const { rows } = await sql.query<{ confirmed: number; payments: number; unpaid_confirmed: number }>(
    `SELECT COUNT(*) FILTER (WHERE b.status = 'CONFIRMED')::int AS confirmed,
            (SELECT COUNT(*)::int FROM "Payment" p JOIN "Booking" pb ON pb.id = p."bookingId"
              WHERE pb."serviceId" = ANY($1::text[]) AND p.status = 'SUCCEEDED') AS payments,
            COUNT(*) FILTER (WHERE b.status = 'CONFIRMED' AND NOT EXISTS (
              SELECT 1 FROM "Payment" p WHERE p."bookingId" = b.id AND p.status = 'SUCCEEDED'))::int AS unpaid_confirmed
     FROM "Booking" b WHERE b."serviceId" = ANY($1::text[])`,
    [serviceIds],
  );
  const r = rows[0]!;
  return {
    ...check(
      "every confirmed booking has exactly one succeeded payment",
      r.confirmed === r.payments && r.unpaid_confirmed === 0,
      `${r.confirmed} confirmed, ${r.payments} succeeded payments, ${r.unpaid_confirmed} confirmed without one`,
    ),
    confirmed: r.confirmed,
  };
}

export function noServerErrors(scenario: string, serverErrors: number, transportErrors: number): Check {
  return check(`${scenario}: no 5xx and no dropped connections`, serverErrors === 0 && transportErrors === 0, `${serverErrors} 5xx, ${transportErrors} transport errors`);
}

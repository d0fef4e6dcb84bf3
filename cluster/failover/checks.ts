// Jepsen-style checks after the run, read directly from the database: what the API acknowledged
// is there in the acknowledged state, nothing was written twice by a retried request, no seat is
// sold twice for overlapping segments, money and bookings agree, and every member holds the same data.
import pg from "pg";
import type { Trip } from "./stream";
import { liveAllocationText } from "@/lib/inventory/live-sql";

export interface Check {
  name: string;
  passed: boolean;
  detail: string;
}

async function query<T extends pg.QueryResultRow>(client: pg.Client, sql: string, params: unknown[] = []): Promise<T[]> {
  return (await client.query<T>(sql, params)).rows;
}

function check(name: string, failures: string[], okDetail: string): Check {
  return { name, passed: failures.length === 0, detail: failures.length ? failures.slice(0, 5).join("; ") : okDetail };
}

interface BookingRow {
  pnr: string;
  userId: string;
  serviceId: string;
  status: string;
  passengers: number;
  succeeded: string[];
  payments: number;
}

export async function databaseChecks(url: string, trips: Trip[], userIds: string[]): Promise<Check[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const rows = await query<BookingRow>(
      client,
      `SELECT b.pnr, b."userId", b."serviceId", b.status::text AS status,
              (SELECT count(*)::int FROM "BookingPassenger" p WHERE p."bookingId" = b.id) AS passengers,
              ARRAY(SELECT p.id FROM "Payment" p WHERE p."bookingId" = b.id AND p.status = 'SUCCEEDED') AS succeeded,
              (SELECT count(*)::int FROM "Payment" p WHERE p."bookingId" = b.id) AS payments
       FROM "Booking" b WHERE b."userId" = ANY($1::text[])`,
      [userIds],
    );
    const byPnr = new Map(rows.map((r) => [r.pnr.trim(), r]));
    const held = trips.filter((t) => t.book.final?.status === 201);
    const paid = held.filter((t) => t.pay?.final?.status === 200);

    const missing: string[] = [];
    const wrongState: string[] = [];
    for (const trip of held) {
      const row = byPnr.get(trip.pnr!);
      const body = trip.book.final!.body as { serviceId: string };
      if (!row || row.userId !== trip.userId || row.serviceId !== body.serviceId || row.passengers !== 1) {
        missing.push(`${trip.pnr}: ${row ? "differs from the acknowledged booking" : "missing"}`);
        continue;
      }
      const payStatus = trip.pay?.final?.status;
      const allowed = payStatus === 200 ? ["CONFIRMED"] : payStatus === undefined ? ["HELD", "CONFIRMED", "EXPIRED"] : ["HELD", "EXPIRED", "CANCELLED"];
      if (!allowed.includes(row.status)) wrongState.push(`${trip.pnr} is ${row.status}, expected ${allowed.join("/")}`);
      if (payStatus === 200) {
        const paymentId = (trip.pay!.final!.body as { payment: { id: string } }).payment.id;
        if (!row.succeeded.includes(paymentId)) wrongState.push(`${trip.pnr}: acknowledged payment ${paymentId} is not a SUCCEEDED payment of it`);
      }
    }

    const duplicates: string[] = [];
    const perUser = (list: Trip[]) => list.reduce((m, t) => m.set(t.userId, (m.get(t.userId) ?? 0) + 1), new Map<string, number>());
    const ackedBookings = perUser(held);
    const ackedPayments = perUser(paid);
    for (const userId of userIds) {
      const mine = rows.filter((r) => r.userId === userId);
      if (mine.length !== (ackedBookings.get(userId) ?? 0)) duplicates.push(`user ${userId}: ${mine.length} bookings for ${ackedBookings.get(userId) ?? 0} acknowledged`);
      const payments = mine.reduce((n, r) => n + r.payments, 0);
      if (payments !== (ackedPayments.get(userId) ?? 0)) duplicates.push(`user ${userId}: ${payments} payments for ${ackedPayments.get(userId) ?? 0} acknowledged`);
    }
    for (const r of rows) if (r.succeeded.length > 1) duplicates.push(`${r.pnr} has ${r.succeeded.length} SUCCEEDED payments`);

    const [overlap] = await query<{ n: number }>(
      client,
      `SELECT count(*)::int AS n FROM "SeatAllocation" a JOIN "SeatAllocation" b
         ON b."serviceSeatId" = a."serviceSeatId" AND a.id < b.id
        AND a."fromSeq" < b."toSeq" AND b."fromSeq" < a."toSeq"
       WHERE ${liveAllocationText("a")} AND ${liveAllocationText("b")}`,
    );
    const [orphans] = await query<{ payments: number; unpaid: number }>(
      client,
      `SELECT (SELECT count(*)::int FROM "Payment" p LEFT JOIN "Booking" b ON b.id = p."bookingId" WHERE b.id IS NULL) AS payments,
              (SELECT count(*)::int FROM "Booking" b WHERE b.status = 'CONFIRMED'
                 AND NOT EXISTS (SELECT 1 FROM "Payment" p WHERE p."bookingId" = b.id AND p.status = 'SUCCEEDED')) AS unpaid`,
    );
    const seatMismatch = await query<{ pnr: string; passengers: number; seats: number }>(
      client,
      `SELECT b.pnr, count(DISTINCT p.id)::int AS passengers, count(a.id)::int AS seats
       FROM "Booking" b JOIN "BookingPassenger" p ON p."bookingId" = b.id
       LEFT JOIN "SeatAllocation" a ON a."bookingPassengerId" = p.id AND a."releasedAt" IS NULL AND a."expiresAt" IS NULL
       WHERE b.status = 'CONFIRMED' GROUP BY b.pnr HAVING count(DISTINCT p.id) <> count(a.id)`,
    );
    const [sold] = await query<{ seats: number }>(
      client,
      `SELECT count(*)::int AS seats FROM "SeatAllocation" a JOIN "BookingPassenger" p ON p.id = a."bookingPassengerId"
       JOIN "Booking" b ON b.id = p."bookingId" WHERE b.status = 'CONFIRMED' AND a."releasedAt" IS NULL AND b."userId" = ANY($1::text[])`,
      [userIds],
    );

    return [
      check("every acknowledged booking exists as acknowledged", missing, `${held.length} acknowledged bookings found`),
      check("acknowledged states hold (paid -> CONFIRMED with that SUCCEEDED payment)", wrongState, `${paid.length} acknowledged payments confirmed`),
      check("no duplicate bookings or payments from retried requests", duplicates, `bookings and payments per account equal the acknowledged ones`),
      check("no seat allocated twice for overlapping segments", overlap!.n ? [`${overlap!.n} overlapping pairs of live allocations`] : [], "0 overlapping live allocations"),
      check(
        "no payment without its booking, no CONFIRMED booking without a SUCCEEDED payment",
        [...(orphans!.payments ? [`${orphans!.payments} payments without booking`] : []), ...(orphans!.unpaid ? [`${orphans!.unpaid} unpaid confirmed bookings`] : [])],
        "0 and 0",
      ),
      check(
        "sold seats match allocations",
        [...seatMismatch.map((m) => `${m.pnr}: ${m.passengers} passengers, ${m.seats} seats`), ...(sold!.seats !== paid.length ? [`${sold!.seats} seats held by confirmed bookings, ${paid.length} paid acknowledged`] : [])],
        `${sold!.seats} confirmed seats = ${paid.length} acknowledged payments (1 passenger each)`,
      ),
    ];
  } finally {
    await client.end();
  }
}

/** Every member (read directly, after replication caught up) holds the same rows as the primary. */
export async function replicaChecks(urls: Record<string, string>): Promise<Check> {
  const counts: Record<string, string> = {};
  for (const [name, url] of Object.entries(urls)) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const [row] = await query<{ c: string }>(
        client,
        `SELECT concat_ws('/', (SELECT count(*) FROM "Booking"), (SELECT count(*) FROM "Payment"),
                (SELECT count(*) FROM "SeatAllocation"), (SELECT count(*) FROM "IdempotencyKey")) AS c`,
      );
      counts[name] = row!.c;
    } finally {
      await client.end();
    }
  }
  const distinct = new Set(Object.values(counts));
  const summary = Object.entries(counts).map(([n, c]) => `${n} ${c}`).join(", ");
  return { name: "every member holds the same bookings/payments/allocations/keys", passed: distinct.size === 1, detail: summary };
}

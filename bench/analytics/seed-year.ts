// A year of synthetic bookings for the analytics benchmark, written set-based: a handful of
// INSERT ... SELECT statements over generate_series, so 200k bookings take seconds, not an hour of
// single-row inserts. The shape follows what the booking engine writes: bookings over a stop range
// of a real seeded service, 1-3 passengers with a seat allocation each, a payment for every paid
// booking (and some declined ones), refunds for cancellations. Seats are picked by arithmetic and
// may overlap; the dashboard's queries read the same number of rows either way.
import type { Db } from "@/lib/db";

export interface YearSeedResult {
  bookings: number;
  passengers: number;
  allocations: number;
  payments: number;
  refunds: number;
  waitlist: number;
}

const STATEMENTS = (bookings: number): string[] => [
  `INSERT INTO "User" (id, email, name, "passwordHash", role, "createdAt", "updatedAt")
   SELECT gen_random_uuid()::text, 'bench-' || g || '@bench.test', 'Bench Passenger ' || g, '!', 'PASSENGER', now() - INTERVAL '400 days', now()
   FROM generate_series(1, 5000) AS g`,
  `CREATE TEMP TABLE bench_user AS SELECT id, row_number() OVER (ORDER BY id) AS rn FROM "User" WHERE email LIKE 'bench-%'`,
  `CREATE INDEX ON bench_user (rn)`,
  // Services of the past year and the month ahead, with their route length and seat count.
  `CREATE TEMP TABLE bench_svc AS
   SELECT s.id, s."trainId", s."departsAt", row_number() OVER (ORDER BY s."departsAt", s.id) AS rn,
          (SELECT MAX(sequence) FROM "TrainStop" t WHERE t."trainId" = s."trainId") AS last_seq,
          (SELECT COUNT(*) FROM "ServiceSeat" ss WHERE ss."serviceId" = s.id) AS seats
   FROM "Service" s WHERE s."departsAt" < now() + INTERVAL '30 days'`,
  `CREATE TEMP TABLE bench_seat AS
   SELECT id, "serviceId", "classCode", row_number() OVER (PARTITION BY "serviceId" ORDER BY "coachPosition", number) AS k
   FROM "ServiceSeat" WHERE "serviceId" IN (SELECT id FROM bench_svc)`,
  `CREATE INDEX ON bench_seat ("serviceId", k)`,
  // One row per booking with every random choice made once (a CTE with random() is materialised).
  `CREATE TEMP TABLE bench_booking AS
   WITH picks AS (
     SELECT g AS n, 1 + floor(random() * (SELECT COUNT(*) FROM bench_svc))::int AS svc_rn,
            random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5, random() AS r6
     FROM generate_series(1, ${bookings}) AS g
   ), shaped AS (
     SELECT p.*, sv.id AS service_id, sv."trainId" AS train_id, sv."departsAt" AS departs_at, sv.seats,
            floor(p.r1 * sv.last_seq)::int AS from_seq, sv.last_seq
     FROM picks p JOIN bench_svc sv ON sv.rn = p.svc_rn
   )
   SELECT gen_random_uuid()::text AS id, n, service_id, train_id, departs_at, seats, from_seq,
          from_seq + 1 + floor(r2 * (last_seq - from_seq))::int AS to_seq,
          CASE WHEN r3 < 0.6 THEN 1 WHEN r3 < 0.85 THEN 2 ELSE 3 END AS pax,
          CASE WHEN r4 < 0.85 THEN 'CONFIRMED' WHEN r4 < 0.93 THEN 'CANCELLED' ELSE 'EXPIRED' END AS status,
          LEAST(departs_at - r5 * INTERVAL '30 days', now() - INTERVAL '1 hour') AS created_at, r6
   FROM shaped`,
  `ALTER TABLE bench_booking ADD COLUMN confirmed_at timestamptz, ADD COLUMN cancelled_at timestamptz, ADD COLUMN km int, ADD COLUMN user_id text`,
  `UPDATE bench_booking b SET
     confirmed_at = CASE WHEN status IN ('CONFIRMED', 'CANCELLED') THEN created_at + INTERVAL '3 minutes' END,
     cancelled_at = CASE WHEN status = 'CANCELLED' THEN LEAST(created_at + INTERVAL '3 minutes' + r6 * (departs_at - created_at), now() - INTERVAL '1 minute') END,
     km = (SELECT t."distanceKm" FROM "TrainStop" t WHERE t."trainId" = b.train_id AND t.sequence = b.to_seq)
        - (SELECT f."distanceKm" FROM "TrainStop" f WHERE f."trainId" = b.train_id AND f.sequence = b.from_seq),
     user_id = (SELECT u.id FROM bench_user u WHERE u.rn = 1 + b.n % 5000)`,
  `INSERT INTO "Booking" (id, pnr, "userId", "serviceId", "fromStationId", "toStationId", "fromSeq", "toSeq", "classCode", "quotaCode", status,
                         "holdExpiresAt", "totalMinor", currency, "createdAt", "updatedAt", "confirmedAt", "cancelledAt")
   SELECT b.id, upper(substr(md5(b.id), 1, 10)), b.user_id, b.service_id, f."stationId", t."stationId", b.from_seq, b.to_seq,
          (SELECT s."classCode" FROM bench_seat s WHERE s."serviceId" = b.service_id AND s.k = 1 + (b.n * 31 + 1) % b.seats), 'GENERAL', b.status::"BookingStatus",
          CASE WHEN b.status = 'EXPIRED' THEN b.created_at + INTERVAL '10 minutes' END, b.pax * GREATEST(2500, 1500 + 28 * b.km), 'PLN',
          b.created_at, b.created_at, b.confirmed_at, b.cancelled_at
   FROM bench_booking b
   JOIN "TrainStop" f ON f."trainId" = b.train_id AND f.sequence = b.from_seq
   JOIN "TrainStop" t ON t."trainId" = b.train_id AND t.sequence = b.to_seq`,
  `CREATE TEMP TABLE bench_pax AS
   SELECT gen_random_uuid()::text AS id, b.id AS booking_id, b.n, pos, b.service_id, b.seats, b.from_seq, b.to_seq, b.status, b.created_at, b.cancelled_at,
          GREATEST(2500, 1500 + 28 * b.km) AS fare
   FROM bench_booking b CROSS JOIN LATERAL generate_series(1, b.pax) AS pos`,
  `INSERT INTO "BookingPassenger" (id, "bookingId", position, name, age, "berthPreference", "fareMinor", status)
   SELECT id, booking_id, pos, 'Pasażer ' || n || '/' || pos, 18 + (n + pos) % 60, 'NONE', fare,
          (CASE WHEN status = 'CONFIRMED' THEN 'CONFIRMED' ELSE 'CANCELLED' END)::"PassengerStatus"
   FROM bench_pax`,
  `INSERT INTO "SeatAllocation" (id, "serviceId", "serviceSeatId", "bookingPassengerId", "fromSeq", "toSeq", "expiresAt", "releasedAt", "createdAt")
   SELECT gen_random_uuid()::text, p.service_id, s.id, p.id, p.from_seq, p.to_seq,
          CASE WHEN p.status = 'EXPIRED' THEN p.created_at + INTERVAL '10 minutes' END,
          CASE WHEN p.status = 'CANCELLED' THEN p.cancelled_at WHEN p.status = 'EXPIRED' THEN p.created_at + INTERVAL '10 minutes' END,
          p.created_at
   FROM bench_pax p JOIN bench_seat s ON s."serviceId" = p.service_id AND s.k = 1 + (p.n * 31 + p.pos) % p.seats`,
  `INSERT INTO "Payment" (id, "bookingId", provider, "providerRef", "amountMinor", currency, status, "cardLast4", "idempotencyKey", "createdAt", "updatedAt")
   SELECT gen_random_uuid()::text, b.id, 'sandbox', 'sbx_' || b.n, k."totalMinor", 'PLN', 'SUCCEEDED', '4242', 'bench-' || b.n, b.confirmed_at, b.confirmed_at
   FROM bench_booking b JOIN "Booking" k ON k.id = b.id WHERE b.confirmed_at IS NOT NULL`,
  `INSERT INTO "Payment" (id, "bookingId", provider, "amountMinor", currency, status, "cardLast4", "failureCode", "idempotencyKey", "createdAt", "updatedAt")
   SELECT gen_random_uuid()::text, b.id, 'sandbox', k."totalMinor", 'PLN', 'DECLINED', '0002', 'card_declined', 'bench-declined-' || b.n, b.created_at + INTERVAL '1 minute', b.created_at + INTERVAL '1 minute'
   FROM bench_booking b JOIN "Booking" k ON k.id = b.id WHERE b.n % 20 = 0`,
  `INSERT INTO "Refund" (id, "bookingId", "paymentId", "amountMinor", currency, reason, "createdAt")
   SELECT gen_random_uuid()::text, b.id, p.id, (p."amountMinor" * 8) / 10, 'PLN', 'PASSENGER_CANCELLED', b.cancelled_at
   FROM bench_booking b JOIN "Payment" p ON p."bookingId" = b.id AND p.status = 'SUCCEEDED' WHERE b.status = 'CANCELLED'`,
  `INSERT INTO "WaitlistEntry" (id, "bookingId", "serviceId", "classCode", "quotaCode", "fromSeq", "toSeq", "partySize", status, "createdAt")
   SELECT gen_random_uuid()::text, b.id, b.service_id, 'SECOND', 'GENERAL', b.from_seq, b.to_seq, b.pax, 'WAITING', b.created_at
   FROM bench_booking b WHERE b.status = 'EXPIRED' AND b.n % 5 = 0`,
  `ANALYZE`,
];

/** `client` must hold a single connection: the statements share temporary tables. */
export async function seedYear(client: Db, bookings = 200_000, log: (line: string) => void = () => {}): Promise<YearSeedResult> {
  for (const sql of STATEMENTS(bookings)) {
    const started = performance.now();
    await client.$executeRawUnsafe(sql);
    log(`  ${sql.trim().split("\n")[0]!.slice(0, 70).padEnd(70)} ${Math.round(performance.now() - started)} ms`);
  }
  const [counts] = await client.$queryRawUnsafe<YearSeedResult[]>(`
    SELECT (SELECT COUNT(*) FROM "Booking")::int AS bookings, (SELECT COUNT(*) FROM "BookingPassenger")::int AS passengers,
           (SELECT COUNT(*) FROM "SeatAllocation")::int AS allocations, (SELECT COUNT(*) FROM "Payment")::int AS payments,
           (SELECT COUNT(*) FROM "Refund")::int AS refunds, (SELECT COUNT(*) FROM "WaitlistEntry")::int AS waitlist`);
  return counts!;
}

// Past bookings, so the tables a booking writes have the size they have in production. Why it
// matters: SERIALIZABLE tracks reads as predicate locks on index pages, and a new booking's foreign
// key checks and inserts touch the pkey pages of Booking and BookingPassenger. On a fresh, nearly
// empty database those indexes are one or two pages, so every two concurrent bookings share a page
// and one of them is aborted; with history, random ids land on different pages, as they do live.
// The same goes for the Idempotency-Key claims (a unique index ordered by user).
// The history is cancelled bookings with released allocations on the demo trains' services, so it
// never takes a seat from a scenario. Set-based: five INSERT ... SELECT statements.
import pg from "pg";

export async function addHistory(url: string, bookings: number): Promise<number> {
  if (bookings <= 0) return 0;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN");
    // One seat per past booking, drawn from the demo services (the bench trains are left alone);
    // a seat may have been booked and cancelled several times.
    await client.query(
      `CREATE TEMP TABLE history ON COMMIT DROP AS
       SELECT gen_random_uuid()::text AS booking_id, gen_random_uuid()::text AS passenger_id,
              ss.id AS seat_id, ss."serviceId" AS service_id, ss."classCode" AS class_code, s."trainId" AS train_id,
              users.ids[1 + floor(random() * array_length(users.ids, 1))::int] AS user_id
       FROM "ServiceSeat" ss JOIN "Service" s ON s.id = ss."serviceId" JOIN "Train" t ON t.id = s."trainId", generate_series(1, 10) AS times,
            (SELECT array_agg(id) AS ids FROM "User") AS users
       WHERE t.number NOT LIKE 'BENCH%'
       ORDER BY random() LIMIT $1`,
      [bookings],
    );
    const { rowCount } = await client.query(
      `INSERT INTO "Booking" (id, pnr, "userId", "serviceId", "fromStationId", "toStationId", "fromSeq", "toSeq", "classCode", "quotaCode",
                              status, "totalMinor", currency, "createdAt", "updatedAt", "cancelledAt")
       SELECT h.booking_id, substr(translate(encode(uuid_send(h.booking_id::uuid), 'base64'), '+/', 'XY'), 1, 10), h.user_id, h.service_id, f."stationId", t."stationId", f.sequence, t.sequence,
              h.class_code, 'GENERAL', 'CANCELLED', 5000, 'PLN', now() - interval '30 days', now() - interval '29 days', now() - interval '29 days'
       FROM history h
       JOIN "TrainStop" f ON f."trainId" = h.train_id AND f.sequence = 0
       JOIN "TrainStop" t ON t."trainId" = h.train_id AND t.sequence = 1`,
    );
    await client.query(
      `INSERT INTO "BookingPassenger" (id, "bookingId", position, name, age, "fareMinor", status)
       SELECT passenger_id, booking_id, 1, 'Past Passenger', 40, 5000, 'CANCELLED' FROM history`,
    );
    await client.query(
      `INSERT INTO "SeatAllocation" (id, "serviceId", "serviceSeatId", "bookingPassengerId", "fromSeq", "toSeq", "releasedAt", "createdAt")
       SELECT gen_random_uuid()::text, service_id, seat_id, passenger_id, 0, 1, now() - interval '29 days', now() - interval '30 days' FROM history`,
    );
    await client.query(
      `INSERT INTO "BookingEvent" (id, "bookingId", type, "actorRole", data, "createdAt")
       SELECT gen_random_uuid()::text, booking_id, e.type, 'PASSENGER', '{}', now() - interval '30 days'
       FROM history, (VALUES ('HELD'), ('CANCELLED')) AS e(type)`,
    );
    // The answers those bookings' requests stored (lib/idempotency/keys.ts): the
    // claim of every new booking is an insert into this table's unique index, spread by user.
    await client.query(
      `INSERT INTO "IdempotencyKey" (id, "userId", scope, key, "requestHash", "responseStatus", "responseBody", "createdAt", "completedAt")
       SELECT gen_random_uuid()::text, user_id, 'POST /api/v1/bookings', booking_id, md5(booking_id), 201, '{}', now() - interval '30 days', now() - interval '30 days'
       FROM history`,
    );
    await client.query("COMMIT");
    await client.query(`ANALYZE "Booking", "BookingPassenger", "SeatAllocation", "BookingEvent", "IdempotencyKey"`);
    return rowCount ?? 0;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

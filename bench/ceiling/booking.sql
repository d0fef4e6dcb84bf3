-- The plain-SQL ceiling for a booking (docs/decisions/001, 008): the transaction the app runs for a
-- one-passenger hold, with nothing but SQL around it. pgbench runs it (bench/ceiling/ceiling.ts)
-- with -M prepared, so every :variable below is a bind parameter.
--   seats: how many seats bench_ceiling_seat numbers; stops: stops on the route;
--   user_id: the booking user; notify: 1 to send a NOTIFY per booking, as the app does.
-- A random seat and a random journey [a, b) along the route. PNRs are 60 random bits (10 base64
-- characters), so a run's tens of thousands of bookings never collide on the unique PNR.
\set n random(1, :seats)
\set a random(0, :stops - 2)
\set b random(:a + 1, :stops - 1)
BEGIN ISOLATION LEVEL SERIALIZABLE;
-- Lock the seat row (the row every booking of this seat takes turns on).
SELECT ss.id AS seat_id, ss."serviceId" AS service_id
  FROM "ServiceSeat" ss WHERE ss.id = (SELECT seat_id FROM bench_ceiling_seat WHERE n = :n)
  FOR UPDATE \gset
-- Is it taken for an overlapping part of the journey by a live allocation? (The rule of
-- lib/inventory/live-sql.ts, written out: pgbench scripts cannot import it.)
SELECT EXISTS (
  SELECT 1 FROM "SeatAllocation" a
  WHERE a."serviceSeatId" = :seat_id AND a."releasedAt" IS NULL
    AND (a."expiresAt" IS NULL OR a."expiresAt" > now())
    AND a."fromSeq" < :b AND a."toSeq" > :a) AS taken \gset
\if :taken
\else
INSERT INTO "Booking" (id, pnr, "userId", "serviceId", "fromStationId", "toStationId", "fromSeq", "toSeq",
    "classCode", "quotaCode", status, "holdExpiresAt", "totalMinor", currency, "createdAt", "updatedAt")
  VALUES (gen_random_uuid()::text, substr(translate(encode(uuid_send(gen_random_uuid()), 'base64'), '+/', 'XY'), 1, 10), :user_id, :service_id,
    (SELECT station_id FROM bench_ceiling_stop WHERE seq = :a), (SELECT station_id FROM bench_ceiling_stop WHERE seq = :b),
    :a, :b, 'SECOND', 'GENERAL', 'HELD', now() + interval '10 minutes', 5000, 'PLN', now(), now())
  RETURNING id AS booking_id \gset
INSERT INTO "BookingPassenger" (id, "bookingId", position, name, age, "berthPreference", "fareMinor", status)
  VALUES (gen_random_uuid()::text, :booking_id, 1, 'Ceiling Passenger', 30, 'NONE', 5000, 'CONFIRMED')
  RETURNING id AS passenger_id \gset
INSERT INTO "SeatAllocation" (id, "serviceId", "serviceSeatId", "bookingPassengerId", "fromSeq", "toSeq", "expiresAt", "createdAt")
  VALUES (gen_random_uuid()::text, :service_id, :seat_id, :passenger_id, :a, :b, now() + interval '10 minutes', now());
INSERT INTO "BookingEvent" (id, "bookingId", type, "actorUserId", "actorRole", data, "createdAt")
  VALUES (gen_random_uuid()::text, :booking_id, 'HELD', :user_id, 'PASSENGER', '{}', now());
-- notify=1: the live-update NOTIFY every app booking sends (lib/live/publish.ts), for its cost.
\if :notify
SELECT pg_notify('railbook_bench', :booking_id);
\endif
\endif
COMMIT;

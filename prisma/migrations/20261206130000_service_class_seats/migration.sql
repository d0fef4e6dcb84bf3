-- Seats per class of each service, written with its seats (lib/services/generate-services.ts) and
-- never changed after: a service's seats are fixed when it is generated (quota moves change a
-- seat's pool, not its class). The analytics dashboard reads seat-km offered from here instead of
-- counting every ServiceSeat row of the range (3.8M for a year of the demo network:
-- bench/analytics/REPORT.md, docs/decisions/049).
CREATE TABLE "ServiceClassSeats" (
    "serviceId" TEXT NOT NULL,
    "classCode" TEXT NOT NULL,
    "seats" INTEGER NOT NULL,

    CONSTRAINT "ServiceClassSeats_pkey" PRIMARY KEY ("serviceId", "classCode")
);

ALTER TABLE "ServiceClassSeats" ADD CONSTRAINT "ServiceClassSeats_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ServiceClassSeats" ADD CONSTRAINT "ServiceClassSeats_classCode_fkey" FOREIGN KEY ("classCode") REFERENCES "TravelClass"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Services generated before this table existed.
INSERT INTO "ServiceClassSeats" ("serviceId", "classCode", "seats")
SELECT "serviceId", "classCode", COUNT(*)::int FROM "ServiceSeat" GROUP BY "serviceId", "classCode";

-- The dashboard's daily sales figures for days that are over, in the operator's zone: bookings
-- confirmed, money taken, paid bookings cancelled, money refunded on that day. Every one of them is
-- stamped with the time it happened, so a day that has ended (with an hour's margin for
-- transactions still committing) never changes; lib/admin/sales-days.ts writes each day once and
-- the dashboard adds only the days still open (docs/decisions/049).
CREATE TABLE "SalesDay" (
    "timeZone" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "bookings" INTEGER NOT NULL,
    "revenueMinor" BIGINT NOT NULL,
    "cancellations" INTEGER NOT NULL,
    "refundsMinor" BIGINT NOT NULL,
    "computedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SalesDay_pkey" PRIMARY KEY ("timeZone", "currency", "day")
);

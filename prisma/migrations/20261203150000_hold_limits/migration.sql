-- Seat hoarding (lib/booking/hold-limits.ts, docs/decisions/028-hold-limits.md).
-- Bumped by every write that gives the account more unpaid seats (a hold, a waiting-list place):
-- a turn compares it with the value read beside the account's count before the turn, and counts
-- again in the transaction only when another of the account's holds committed in between.
ALTER TABLE "User" ADD COLUMN "holdsVersion" INTEGER NOT NULL DEFAULT 0;

-- Counting an account's unpaid seats reads only its HELD and WAITLISTED bookings.
CREATE INDEX "Booking_userId_status_idx" ON "Booking" ("userId", "status");

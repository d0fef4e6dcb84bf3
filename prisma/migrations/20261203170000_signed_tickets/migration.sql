-- Signed tickets and conductor checks (issue 17; docs/decisions/026-signed-tickets.md).

-- A conductor checks tickets on board: more than a passenger, less than an operator.
ALTER TYPE "Role" ADD VALUE 'CONDUCTOR';

-- Tickets of this booking signed before this instant are void (a passenger cancelled out of it,
-- the booking was exchanged): the revocation list publishes it, verifiers compare it with the
-- ticket's issue time. A whole cancelled booking is revoked by its status alone.
ALTER TABLE "Booking" ADD COLUMN "ticketsRevokedAt" TIMESTAMPTZ(3);

-- Public halves of the operator's Ed25519 ticket keys. The private key lives only in
-- TICKET_SIGNING_KEY; a key seen for the first time is recorded here and retires the one before,
-- which keeps verifying until the last ticket it can have signed has expired ("verifyUntil").
CREATE TABLE "TicketSigningKey" (
    "id" TEXT NOT NULL,
    "publicKey" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retiredAt" TIMESTAMPTZ(3),
    "verifyUntil" TIMESTAMPTZ(3),
    CONSTRAINT "TicketSigningKey_pkey" PRIMARY KEY ("id")
);

-- One conductor's check of one booking's ticket on one service. The id is chosen by the device
-- that checked (a check made offline is sent again until the server has it), so a repeat is a no-op.
CREATE TABLE "TicketCheck" (
    "id" TEXT NOT NULL,
    "bookingId" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "conductorId" TEXT,
    "checkedAt" TIMESTAMPTZ(3) NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "offline" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "TicketCheck_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "TicketCheck_bookingId_serviceId_checkedAt_idx" ON "TicketCheck"("bookingId", "serviceId", "checkedAt");
CREATE INDEX "TicketCheck_serviceId_idx" ON "TicketCheck"("serviceId");

ALTER TABLE "TicketCheck" ADD CONSTRAINT "TicketCheck_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "Booking"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "TicketCheck" ADD CONSTRAINT "TicketCheck_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "TicketCheck" ADD CONSTRAINT "TicketCheck_conductorId_fkey" FOREIGN KEY ("conductorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

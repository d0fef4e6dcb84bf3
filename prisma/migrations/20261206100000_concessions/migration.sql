-- Concession fares (issue 15 part 4; docs/decisions/041). Who a reduction is for and what proof the
-- conductor may ask for is a Concession; how much it takes off is a ConcessionDiscount, versioned
-- like FareRate (a change closes the row in force and opens a new one at the same instant). A
-- booked passenger keeps the concession, its proof and the discount as charged, so editing a
-- discount, a name or a proof later never changes a sold ticket. Quotas (seat pools) are separate.
CREATE TABLE "Concession" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "proof" TEXT,
    "automatic" BOOLEAN NOT NULL DEFAULT false,
    "minAge" INTEGER,
    "maxAge" INTEGER,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Concession_pkey" PRIMARY KEY ("code")
);

CREATE TABLE "ConcessionDiscount" (
    "id" TEXT NOT NULL,
    "concessionCode" TEXT NOT NULL,
    "discountBasisPoints" INTEGER NOT NULL,
    "validFrom" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "validTo" TIMESTAMPTZ(3),
    CONSTRAINT "ConcessionDiscount_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ConcessionDiscount_range" CHECK ("discountBasisPoints" >= 0 AND "discountBasisPoints" <= 10000)
);

CREATE INDEX "ConcessionDiscount_concessionCode_validFrom_idx" ON "ConcessionDiscount"("concessionCode", "validFrom");

ALTER TABLE "ConcessionDiscount" ADD CONSTRAINT "ConcessionDiscount_concessionCode_fkey" FOREIGN KEY ("concessionCode") REFERENCES "Concession"("code") ON DELETE CASCADE ON UPDATE CASCADE;

-- What each passenger was charged under: null concession = the full (adult) fare.
ALTER TABLE "BookingPassenger" ADD COLUMN "concessionCode" TEXT;
ALTER TABLE "BookingPassenger" ADD COLUMN "concessionName" TEXT;
ALTER TABLE "BookingPassenger" ADD COLUMN "concessionProof" TEXT;
ALTER TABLE "BookingPassenger" ADD COLUMN "discountBasisPoints" INTEGER NOT NULL DEFAULT 0;
-- The undiscounted fare the discount was taken from; null on rows written before concessions (then it is fareMinor).
ALTER TABLE "BookingPassenger" ADD COLUMN "fullFareMinor" INTEGER;

ALTER TABLE "BookingPassenger" ADD CONSTRAINT "BookingPassenger_concessionCode_fkey" FOREIGN KEY ("concessionCode") REFERENCES "Concession"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Exchanging a paid booking to another train, date or class (issue 17; docs/decisions/027).
-- What a change costs per passenger besides the fare difference, by hours left to departure:
-- versioned like the refund rules (validFrom/validTo), so a change is priced by the rules in force.
CREATE TABLE "ExchangeRule" (
    "id" TEXT NOT NULL,
    "minHoursBefore" INTEGER NOT NULL,
    "feeMinor" INTEGER NOT NULL DEFAULT 0,
    "currency" CHAR(3) NOT NULL,
    "validFrom" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "validTo" TIMESTAMPTZ(3),
    CONSTRAINT "ExchangeRule_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "ExchangeRule_currency_validFrom_idx" ON "ExchangeRule"("currency", "validFrom");

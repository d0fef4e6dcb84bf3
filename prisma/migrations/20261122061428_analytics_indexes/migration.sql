-- The analytics dashboard counts bookings by the day they were paid and the day they were
-- cancelled (lib/admin/analytics-queries.ts). Without these, every range read the whole Booking
-- table twice; bench/analytics/REPORT.md has the figures with and without them.

-- CreateIndex
CREATE INDEX "Booking_confirmedAt_idx" ON "Booking"("confirmedAt");

-- CreateIndex
CREATE INDEX "Booking_cancelledAt_idx" ON "Booking"("cancelledAt");

-- The change feed's poll (lib/live/change-feed.ts) reads the last seconds of each table every
-- second where NOTIFY does not reach the app (embedded PGlite, CockroachDB, LIVE_EVENTS=off):
-- by time alone, which no existing index leads with.
CREATE INDEX "BookingEvent_createdAt_idx" ON "BookingEvent"("createdAt");
CREATE INDEX "Notification_createdAt_idx" ON "Notification"("createdAt");
CREATE INDEX "ScheduleChange_createdAt_idx" ON "ScheduleChange"("createdAt");

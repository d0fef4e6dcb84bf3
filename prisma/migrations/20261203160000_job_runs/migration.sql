-- The scheduled jobs' last runs (lib/jobs/registry.ts), written by whichever process ran them (the
-- worker, a cron route on any instance) and read by every instance's /api/metrics and readiness.
CREATE TABLE "JobRun" (
    "name" TEXT NOT NULL,
    "runs" INTEGER NOT NULL DEFAULT 0,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "lastStartedAt" TIMESTAMPTZ(3),
    "lastSucceededAt" TIMESTAMPTZ(3),
    "lastFailedAt" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "lastDurationMs" INTEGER,
    CONSTRAINT "JobRun_pkey" PRIMARY KEY ("name")
);

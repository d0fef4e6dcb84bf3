-- Hardening (issue 11; docs/decisions/019-abuse-limits.md, 020-session-revocation.md).

-- Sign-in failures move to rate-limiter-flexible's PostgreSQL store ("RateLimit" below).
DROP TABLE "AuthThrottle";

-- rate-limiter-flexible's table, in the library's own shape (RateLimiterPostgres, tableCreated:
-- true): "key" is "<limiter>:<subject>", "expire" a Unix time in milliseconds (null = never).
CREATE TABLE "RateLimit" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,
    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);

-- Session version: every session cookie carries the version it was issued under; bumping it
-- ("sign out everywhere", sign-out, role change) outdates every session issued before.
ALTER TABLE "User" ADD COLUMN "sessionVersion" INTEGER NOT NULL DEFAULT 0;

-- A name for each API token, so the profile page can list them.
ALTER TABLE "ApiToken" ADD COLUMN "label" TEXT;

-- Operator actions worth answering for later (role changes first).
CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "targetId" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',
    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "AuditLog_targetId_at_idx" ON "AuditLog"("targetId", "at");
CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at");
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Forgot password and deleting an account (issue 16; docs/decisions/043-account-deletion.md).
-- A reset link's token is kept only as its SHA-256 (like ApiToken): reading this table gives nobody
-- a working link. usedAt makes each link single-use; expiresAt bounds it (30 minutes).
CREATE TABLE "PasswordResetToken" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PasswordResetToken_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "PasswordResetToken_tokenHash_key" ON "PasswordResetToken"("tokenHash");
CREATE INDEX "PasswordResetToken_userId_idx" ON "PasswordResetToken"("userId");

ALTER TABLE "PasswordResetToken" ADD CONSTRAINT "PasswordResetToken_userId_fkey"
    FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- An account deleted by its owner stays as an anonymised row its bookings still point to.
ALTER TABLE "User" ADD COLUMN "deletedAt" TIMESTAMPTZ(3);

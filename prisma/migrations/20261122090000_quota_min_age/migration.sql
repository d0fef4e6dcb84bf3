-- Quota eligibility: the youngest passenger age a quota admits (docs/decisions/017). A booking
-- in such a quota is refused unless every passenger qualifies; null admits anyone.

-- AlterTable
ALTER TABLE "Quota" ADD COLUMN "minAge" INTEGER;

-- The demo network's senior quota, for databases seeded before the column existed.
UPDATE "Quota" SET "minAge" = 60 WHERE "code" = 'SENIOR' AND "minAge" IS NULL;

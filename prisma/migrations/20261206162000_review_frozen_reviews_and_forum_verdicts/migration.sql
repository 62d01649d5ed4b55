-- Issue 11, items 7 and 8: a published review is frozen until an officer reopens it (recorded, with the
-- people who read it told), and a forum's verdict may be changed once, with a reason, keeping the first.

-- CreateTable
CREATE TABLE "ReviewReopening" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "partnershipId" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "step" TEXT NOT NULL,
    "byId" TEXT NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ReviewReader" (
    "meetingId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "firstReadAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("meetingId", "userId")
);

-- CreateIndex
CREATE INDEX "ReviewReopening_meetingId_at_idx" ON "ReviewReopening"("meetingId", "at");

-- Columns added at the end (what `migrate diff` would do by rebuilding the table), so no other
-- migration touching Feedback has to be ordered against this one.
ALTER TABLE "Feedback" ADD COLUMN "firstVerdict" TEXT;
ALTER TABLE "Feedback" ADD COLUMN "firstVerdictNote" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Feedback" ADD COLUMN "firstVerdictAt" DATETIME;
ALTER TABLE "Feedback" ADD COLUMN "firstVerdictById" TEXT;
ALTER TABLE "Feedback" ADD COLUMN "verdictChangeReason" TEXT NOT NULL DEFAULT '';

-- A verdict given before this migration is the forum's first.
UPDATE "Feedback" SET "firstVerdict" = "verdict", "firstVerdictNote" = "verdictNote",
    "firstVerdictAt" = "verdictAt", "firstVerdictById" = "verdictById"
WHERE "verdict" IS NOT NULL;

-- Reopening and republishing are a record: never changed or removed.
CREATE TRIGGER "ReviewReopening_no_update" BEFORE UPDATE ON "ReviewReopening"
BEGIN
    SELECT RAISE(ABORT, 'ReviewReopening records are append-only');
END;
CREATE TRIGGER "ReviewReopening_no_delete" BEFORE DELETE ON "ReviewReopening"
BEGIN
    SELECT RAISE(ABORT, 'ReviewReopening records are append-only');
END;

-- CreateTable
CREATE TABLE "Code" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "partnershipId" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "contributionId" TEXT NOT NULL,
    "coderMembershipId" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "value" INTEGER,
    "notApplicable" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Code_contributionId_fkey" FOREIGN KEY ("contributionId") REFERENCES "Contribution" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReviewNote" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "partnershipId" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "authorMembershipId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ReviewPublication" (
    "meetingId" TEXT NOT NULL PRIMARY KEY,
    "partnershipId" TEXT NOT NULL,
    "publishedById" TEXT NOT NULL,
    "publishedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "SurveyReceipt" (
    "meetingId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("meetingId", "membershipId")
);

-- CreateTable
-- WITHOUT ROWID: rows are stored in the order of their random ids, not the order they arrived in, so the
-- table cannot be lined up with SurveyReceipt (or the audit trail) to tell who answered what.
CREATE TABLE "SurveyResponse" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "scrutiny" INTEGER,
    "disagreementUnusual" INTEGER,
    "equalOpportunity" INTEGER,
    "thirdSectorEqual" INTEGER,
    "forumsFeedIn" INTEGER,
    "comment" TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;

-- CreateIndex
CREATE INDEX "Code_meetingId_coderMembershipId_idx" ON "Code"("meetingId", "coderMembershipId");

-- CreateIndex
CREATE INDEX "Code_contributionId_idx" ON "Code"("contributionId");

-- CreateIndex
CREATE INDEX "ReviewNote_meetingId_idx" ON "ReviewNote"("meetingId");

-- CreateIndex
CREATE INDEX "SurveyResponse_meetingId_idx" ON "SurveyResponse"("meetingId");


-- Codes, notes, publications and the survey are append-only: the database refuses changes and deletes.
CREATE TRIGGER "Code_no_update" BEFORE UPDATE ON "Code"
BEGIN
    SELECT RAISE(ABORT, 'Code records are append-only');
END;
CREATE TRIGGER "Code_no_delete" BEFORE DELETE ON "Code"
BEGIN
    SELECT RAISE(ABORT, 'Code records are append-only');
END;
CREATE TRIGGER "ReviewNote_no_update" BEFORE UPDATE ON "ReviewNote"
BEGIN
    SELECT RAISE(ABORT, 'ReviewNote records are append-only');
END;
CREATE TRIGGER "ReviewNote_no_delete" BEFORE DELETE ON "ReviewNote"
BEGIN
    SELECT RAISE(ABORT, 'ReviewNote records are append-only');
END;
CREATE TRIGGER "ReviewPublication_no_update" BEFORE UPDATE ON "ReviewPublication"
BEGIN
    SELECT RAISE(ABORT, 'ReviewPublication records are append-only');
END;
CREATE TRIGGER "ReviewPublication_no_delete" BEFORE DELETE ON "ReviewPublication"
BEGIN
    SELECT RAISE(ABORT, 'ReviewPublication records are append-only');
END;
CREATE TRIGGER "SurveyReceipt_no_update" BEFORE UPDATE ON "SurveyReceipt"
BEGIN
    SELECT RAISE(ABORT, 'SurveyReceipt records are append-only');
END;
CREATE TRIGGER "SurveyReceipt_no_delete" BEFORE DELETE ON "SurveyReceipt"
BEGIN
    SELECT RAISE(ABORT, 'SurveyReceipt records are append-only');
END;
CREATE TRIGGER "SurveyResponse_no_update" BEFORE UPDATE ON "SurveyResponse"
BEGIN
    SELECT RAISE(ABORT, 'SurveyResponse records are append-only');
END;
CREATE TRIGGER "SurveyResponse_no_delete" BEFORE DELETE ON "SurveyResponse"
BEGIN
    SELECT RAISE(ABORT, 'SurveyResponse records are append-only');
END;

-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN "closedAt" DATETIME;
ALTER TABLE "Meeting" ADD COLUMN "currentItemAt" DATETIME;
ALTER TABLE "Meeting" ADD COLUMN "currentItemId" TEXT;
ALTER TABLE "Meeting" ADD COLUMN "startedAt" DATETIME;

-- CreateTable
CREATE TABLE "Attendance" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "substituteForId" TEXT,
    "substituteId" TEXT,
    "arrivedAt" DATETIME,
    "recordedById" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Attendance_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Attendance_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Declaration" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "agendaItemId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "nature" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "recordedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Declaration_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Declaration_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Contribution" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "agendaItemId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "requestedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "requestedById" TEXT NOT NULL,
    "startedAt" DATETIME,
    "endedAt" DATETIME,
    "cancelledAt" DATETIME,
    CONSTRAINT "Contribution_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Contribution_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Challenge" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "agendaItemId" TEXT NOT NULL,
    "raisedByMembershipId" TEXT NOT NULL,
    "directedToOrganisationId" TEXT,
    "directedToMembershipId" TEXT,
    "target" TEXT NOT NULL,
    "evidenceItemId" TEXT,
    "quote" TEXT NOT NULL DEFAULT '',
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "recordedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Challenge_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Challenge_raisedByMembershipId_fkey" FOREIGN KEY ("raisedByMembershipId") REFERENCES "Membership" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ChallengeResponse" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "challengeId" TEXT NOT NULL,
    "respondedByMembershipId" TEXT,
    "text" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "effect" TEXT NOT NULL,
    "recordedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ChallengeResponse_challengeId_fkey" FOREIGN KEY ("challengeId") REFERENCES "Challenge" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Decision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "partnershipId" TEXT NOT NULL,
    "bodyId" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "agendaItemId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Decision_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DecisionVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "decisionId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "wording" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "votesFor" INTEGER,
    "votesAgainst" INTEGER,
    "votesAbstained" INTEGER,
    "alternatives" TEXT NOT NULL DEFAULT '',
    "quorate" BOOLEAN NOT NULL,
    "participants" TEXT NOT NULL DEFAULT '[]',
    "hash" TEXT NOT NULL,
    "previousHash" TEXT,
    "recordedById" TEXT NOT NULL,
    "recordedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DecisionVersion_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DecisionDissent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "versionId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "DecisionDissent_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "DecisionVersion" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DecisionEvidence" (
    "versionId" TEXT NOT NULL,
    "evidenceItemId" TEXT NOT NULL,

    PRIMARY KEY ("versionId", "evidenceItemId"),
    CONSTRAINT "DecisionEvidence_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "DecisionVersion" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DecisionCommitment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "versionId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "membershipId" TEXT,
    "text" TEXT NOT NULL,
    "withAuthority" BOOLEAN NOT NULL,
    CONSTRAINT "DecisionCommitment_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "DecisionVersion" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Action" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "partnershipId" TEXT NOT NULL,
    "bodyId" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "decisionId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "ownerOrganisationId" TEXT NOT NULL,
    "ownerMembershipId" TEXT,
    "dueOn" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Action_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MinutesVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "approvedAtMeetingId" TEXT,
    "approvedById" TEXT NOT NULL,
    "approvedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MinutesVersion_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "link" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" DATETIME
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_AgendaItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "order" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "presenterOrganisationId" TEXT,
    "minutes" INTEGER,
    "notes" TEXT NOT NULL DEFAULT '',
    "private" BOOLEAN NOT NULL DEFAULT false,
    "withdrawn" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "AgendaItem_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_AgendaItem" ("id", "meetingId", "minutes", "notes", "order", "presenterOrganisationId", "purpose", "title", "updatedAt", "withdrawn") SELECT "id", "meetingId", "minutes", "notes", "order", "presenterOrganisationId", "purpose", "title", "updatedAt", "withdrawn" FROM "AgendaItem";
DROP TABLE "AgendaItem";
ALTER TABLE "new_AgendaItem" RENAME TO "AgendaItem";
CREATE INDEX "AgendaItem_meetingId_order_idx" ON "AgendaItem"("meetingId", "order");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Attendance_meetingId_membershipId_key" ON "Attendance"("meetingId", "membershipId");

-- CreateIndex
CREATE INDEX "Declaration_meetingId_idx" ON "Declaration"("meetingId");

-- CreateIndex
CREATE INDEX "Contribution_meetingId_requestedAt_idx" ON "Contribution"("meetingId", "requestedAt");

-- CreateIndex
CREATE INDEX "Challenge_meetingId_idx" ON "Challenge"("meetingId");

-- CreateIndex
CREATE INDEX "Challenge_evidenceItemId_idx" ON "Challenge"("evidenceItemId");

-- CreateIndex
CREATE INDEX "ChallengeResponse_challengeId_idx" ON "ChallengeResponse"("challengeId");

-- CreateIndex
CREATE UNIQUE INDEX "Decision_agendaItemId_key" ON "Decision"("agendaItemId");

-- CreateIndex
CREATE INDEX "Decision_partnershipId_createdAt_idx" ON "Decision"("partnershipId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "DecisionVersion_decisionId_version_key" ON "DecisionVersion"("decisionId", "version");

-- CreateIndex
CREATE INDEX "Action_bodyId_status_idx" ON "Action"("bodyId", "status");

-- CreateIndex
CREATE INDEX "Action_partnershipId_idx" ON "Action"("partnershipId");

-- CreateIndex
CREATE UNIQUE INDEX "MinutesVersion_meetingId_version_key" ON "MinutesVersion"("meetingId", "version");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_idx" ON "Notification"("userId", "readAt");


-- Records people rely on are append-only: the database itself refuses to change or delete them.
CREATE TRIGGER "DecisionVersion_no_update" BEFORE UPDATE ON "DecisionVersion"
BEGIN
    SELECT RAISE(ABORT, 'DecisionVersion records are append-only');
END;
CREATE TRIGGER "DecisionVersion_no_delete" BEFORE DELETE ON "DecisionVersion"
BEGIN
    SELECT RAISE(ABORT, 'DecisionVersion records are append-only');
END;
CREATE TRIGGER "DecisionDissent_no_update" BEFORE UPDATE ON "DecisionDissent"
BEGIN
    SELECT RAISE(ABORT, 'DecisionDissent records are append-only');
END;
CREATE TRIGGER "DecisionDissent_no_delete" BEFORE DELETE ON "DecisionDissent"
BEGIN
    SELECT RAISE(ABORT, 'DecisionDissent records are append-only');
END;
CREATE TRIGGER "DecisionEvidence_no_update" BEFORE UPDATE ON "DecisionEvidence"
BEGIN
    SELECT RAISE(ABORT, 'DecisionEvidence records are append-only');
END;
CREATE TRIGGER "DecisionEvidence_no_delete" BEFORE DELETE ON "DecisionEvidence"
BEGIN
    SELECT RAISE(ABORT, 'DecisionEvidence records are append-only');
END;
CREATE TRIGGER "DecisionCommitment_no_update" BEFORE UPDATE ON "DecisionCommitment"
BEGIN
    SELECT RAISE(ABORT, 'DecisionCommitment records are append-only');
END;
CREATE TRIGGER "DecisionCommitment_no_delete" BEFORE DELETE ON "DecisionCommitment"
BEGIN
    SELECT RAISE(ABORT, 'DecisionCommitment records are append-only');
END;
CREATE TRIGGER "Decision_no_update" BEFORE UPDATE ON "Decision"
BEGIN
    SELECT RAISE(ABORT, 'Decision records are append-only');
END;
CREATE TRIGGER "Decision_no_delete" BEFORE DELETE ON "Decision"
BEGIN
    SELECT RAISE(ABORT, 'Decision records are append-only');
END;
CREATE TRIGGER "Challenge_no_update" BEFORE UPDATE ON "Challenge"
BEGIN
    SELECT RAISE(ABORT, 'Challenge records are append-only');
END;
CREATE TRIGGER "Challenge_no_delete" BEFORE DELETE ON "Challenge"
BEGIN
    SELECT RAISE(ABORT, 'Challenge records are append-only');
END;
CREATE TRIGGER "ChallengeResponse_no_update" BEFORE UPDATE ON "ChallengeResponse"
BEGIN
    SELECT RAISE(ABORT, 'ChallengeResponse records are append-only');
END;
CREATE TRIGGER "ChallengeResponse_no_delete" BEFORE DELETE ON "ChallengeResponse"
BEGIN
    SELECT RAISE(ABORT, 'ChallengeResponse records are append-only');
END;
CREATE TRIGGER "Declaration_no_update" BEFORE UPDATE ON "Declaration"
BEGIN
    SELECT RAISE(ABORT, 'Declaration records are append-only');
END;
CREATE TRIGGER "Declaration_no_delete" BEFORE DELETE ON "Declaration"
BEGIN
    SELECT RAISE(ABORT, 'Declaration records are append-only');
END;
CREATE TRIGGER "MinutesVersion_no_update" BEFORE UPDATE ON "MinutesVersion"
BEGIN
    SELECT RAISE(ABORT, 'MinutesVersion records are append-only');
END;
CREATE TRIGGER "MinutesVersion_no_delete" BEFORE DELETE ON "MinutesVersion"
BEGIN
    SELECT RAISE(ABORT, 'MinutesVersion records are append-only');
END;
CREATE TRIGGER "AuditEvent_no_update" BEFORE UPDATE ON "AuditEvent"
BEGIN
    SELECT RAISE(ABORT, 'AuditEvent records are append-only');
END;
CREATE TRIGGER "AuditEvent_no_delete" BEFORE DELETE ON "AuditEvent"
BEGIN
    SELECT RAISE(ABORT, 'AuditEvent records are append-only');
END;

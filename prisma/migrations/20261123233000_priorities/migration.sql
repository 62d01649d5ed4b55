-- CreateTable
CREATE TABLE "Priority" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "partnershipId" TEXT NOT NULL,
    "raisedByBodyId" TEXT NOT NULL,
    "currentBodyId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "said" TEXT NOT NULL,
    "area" TEXT NOT NULL DEFAULT '',
    "theme" TEXT NOT NULL DEFAULT '',
    "engagementMethod" TEXT NOT NULL,
    "engagementFrom" DATETIME,
    "engagementTo" DATETIME,
    "participants" INTEGER,
    "groupsReached" TEXT NOT NULL DEFAULT '',
    "groupsNotReached" TEXT NOT NULL DEFAULT '',
    "standardsMet" TEXT NOT NULL DEFAULT '[]',
    "status" TEXT NOT NULL DEFAULT 'RAISED',
    "leadOrganisationId" TEXT,
    "lastEventAt" DATETIME NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "PriorityEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "priorityId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "byBodyId" TEXT,
    "toBodyId" TEXT,
    "agendaItemId" TEXT,
    "decisionId" TEXT,
    "actionId" TEXT,
    "leadOrganisationId" TEXT,
    "influenceDeclared" TEXT,
    "influenceAchieved" TEXT,
    "reason" TEXT NOT NULL DEFAULT '',
    "recordedById" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    CONSTRAINT "PriorityEvent_priorityId_fkey" FOREIGN KEY ("priorityId") REFERENCES "Priority" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PriorityFile" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "priorityId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "addedById" TEXT NOT NULL,
    "addedAt" DATETIME NOT NULL,
    CONSTRAINT "PriorityFile_priorityId_fkey" FOREIGN KEY ("priorityId") REFERENCES "Priority" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Feedback" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "priorityId" TEXT NOT NULL,
    "decisionId" TEXT,
    "weAsked" TEXT NOT NULL,
    "youSaid" TEXT NOT NULL,
    "weDid" TEXT NOT NULL,
    "nextSteps" TEXT NOT NULL DEFAULT '',
    "hearAgainBy" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "publishedAt" DATETIME,
    "publishedById" TEXT,
    "verdict" TEXT,
    "verdictNote" TEXT NOT NULL DEFAULT '',
    "verdictAt" DATETIME,
    "verdictById" TEXT,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Feedback_priorityId_fkey" FOREIGN KEY ("priorityId") REFERENCES "Priority" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Outcome" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "partnershipId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "bodyId" TEXT,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "PriorityOutcome" (
    "priorityId" TEXT NOT NULL,
    "outcomeId" TEXT NOT NULL,

    PRIMARY KEY ("priorityId", "outcomeId"),
    CONSTRAINT "PriorityOutcome_priorityId_fkey" FOREIGN KEY ("priorityId") REFERENCES "Priority" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PriorityOutcome_outcomeId_fkey" FOREIGN KEY ("outcomeId") REFERENCES "Outcome" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ActionOutcome" (
    "actionId" TEXT NOT NULL,
    "outcomeId" TEXT NOT NULL,

    PRIMARY KEY ("actionId", "outcomeId"),
    CONSTRAINT "ActionOutcome_outcomeId_fkey" FOREIGN KEY ("outcomeId") REFERENCES "Outcome" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Priority_partnershipId_status_idx" ON "Priority"("partnershipId", "status");

-- CreateIndex
CREATE INDEX "Priority_raisedByBodyId_idx" ON "Priority"("raisedByBodyId");

-- CreateIndex
CREATE INDEX "Priority_currentBodyId_idx" ON "Priority"("currentBodyId");

-- CreateIndex
CREATE INDEX "PriorityEvent_priorityId_at_idx" ON "PriorityEvent"("priorityId", "at");

-- CreateIndex
CREATE INDEX "PriorityEvent_decisionId_idx" ON "PriorityEvent"("decisionId");

-- CreateIndex
CREATE INDEX "Feedback_priorityId_idx" ON "Feedback"("priorityId");

-- CreateIndex
CREATE UNIQUE INDEX "Outcome_partnershipId_code_key" ON "Outcome"("partnershipId", "code");


-- A priority's timeline is append-only: the database itself refuses to change or delete its events.
CREATE TRIGGER "PriorityEvent_no_update" BEFORE UPDATE ON "PriorityEvent"
BEGIN
    SELECT RAISE(ABORT, 'PriorityEvent records are append-only');
END;
CREATE TRIGGER "PriorityEvent_no_delete" BEFORE DELETE ON "PriorityEvent"
BEGIN
    SELECT RAISE(ABORT, 'PriorityEvent records are append-only');
END;

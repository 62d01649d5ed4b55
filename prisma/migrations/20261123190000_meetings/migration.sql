-- CreateTable
CREATE TABLE "Meeting" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "partnershipId" TEXT NOT NULL,
    "bodyId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "durationMinutes" INTEGER NOT NULL DEFAULT 120,
    "place" TEXT NOT NULL DEFAULT '',
    "onlineLink" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "agendaIssuedAt" DATETIME,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Meeting_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Meeting_bodyId_fkey" FOREIGN KEY ("bodyId") REFERENCES "Body" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AgendaItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "order" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "presenterOrganisationId" TEXT,
    "minutes" INTEGER,
    "notes" TEXT NOT NULL DEFAULT '',
    "withdrawn" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "AgendaItem_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EvidenceItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "agendaItemId" TEXT,
    "title" TEXT NOT NULL DEFAULT '',
    "kind" TEXT,
    "sourceOrganisationId" TEXT,
    "date" DATETIME,
    "geography" TEXT NOT NULL DEFAULT '',
    "summary" TEXT NOT NULL DEFAULT '',
    "confidentiality" TEXT NOT NULL DEFAULT 'PARTNERS',
    "allowedOrganisationIds" TEXT NOT NULL DEFAULT '[]',
    "fileName" TEXT,
    "fileType" TEXT,
    "fileSize" INTEGER,
    "fileSha256" TEXT,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "withdrawn" BOOLEAN NOT NULL DEFAULT false,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "EvidenceItem_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DocUpdate" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "docName" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "data" BLOB NOT NULL,
    "userId" TEXT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "DocSnapshot" (
    "docName" TEXT NOT NULL PRIMARY KEY,
    "seq" INTEGER NOT NULL,
    "state" BLOB NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "DocEditSession" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "docName" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "endedAt" DATETIME NOT NULL,
    "updates" INTEGER NOT NULL
);

-- CreateIndex
CREATE INDEX "Meeting_bodyId_startsAt_idx" ON "Meeting"("bodyId", "startsAt");

-- CreateIndex
CREATE INDEX "Meeting_partnershipId_idx" ON "Meeting"("partnershipId");

-- CreateIndex
CREATE INDEX "AgendaItem_meetingId_order_idx" ON "AgendaItem"("meetingId", "order");

-- CreateIndex
CREATE INDEX "EvidenceItem_meetingId_idx" ON "EvidenceItem"("meetingId");

-- CreateIndex
CREATE UNIQUE INDEX "DocUpdate_docName_seq_key" ON "DocUpdate"("docName", "seq");

-- CreateIndex
CREATE INDEX "DocEditSession_docName_endedAt_idx" ON "DocEditSession"("docName", "endedAt");


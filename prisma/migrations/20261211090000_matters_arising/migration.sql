-- AlterEnum
ALTER TYPE "PriorityEventType" ADD VALUE 'MATTER_ARISING';

-- CreateTable
CREATE TABLE "MatterArising" (
    "id" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "bodyId" TEXT NOT NULL,
    "priorityId" TEXT NOT NULL,
    "feedbackId" TEXT NOT NULL,
    "forumBodyId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "meetingId" TEXT,
    "agendaItemId" TEXT,
    "placedAt" TIMESTAMPTZ(3),
    "withdrawnAt" TIMESTAMPTZ(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MatterArising_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MatterArising_bodyId_placedAt_idx" ON "MatterArising"("bodyId", "placedAt");

-- CreateIndex
CREATE INDEX "MatterArising_priorityId_idx" ON "MatterArising"("priorityId");

-- CreateIndex
CREATE INDEX "MatterArising_meetingId_idx" ON "MatterArising"("meetingId");


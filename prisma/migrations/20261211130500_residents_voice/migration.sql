-- CreateEnum
CREATE TYPE "ResidentVoiceStatus" AS ENUM ('UNCONFIRMED', 'AWAITING_MODERATION', 'APPROVED', 'REJECTED');

-- CreateTable
CREATE TABLE "ResidentSupport" (
    "id" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "priorityId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "firstName" TEXT,
    "area" TEXT,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "confirmedAt" TIMESTAMPTZ(3),
    "network" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ResidentSupport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResidentComment" (
    "id" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "feedbackId" TEXT NOT NULL,
    "priorityId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "firstName" TEXT,
    "area" TEXT,
    "text" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "confirmedAt" TIMESTAMPTZ(3),
    "status" "ResidentVoiceStatus" NOT NULL DEFAULT 'UNCONFIRMED',
    "rejectReason" TEXT,
    "decidedAt" TIMESTAMPTZ(3),
    "decidedById" TEXT,
    "network" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ResidentComment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ResidentSupport_tokenHash_key" ON "ResidentSupport"("tokenHash");

-- CreateIndex
CREATE INDEX "ResidentSupport_network_createdAt_idx" ON "ResidentSupport"("network", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ResidentSupport_priorityId_email_key" ON "ResidentSupport"("priorityId", "email");

-- CreateIndex
CREATE UNIQUE INDEX "ResidentComment_tokenHash_key" ON "ResidentComment"("tokenHash");

-- CreateIndex
CREATE INDEX "ResidentComment_feedbackId_status_idx" ON "ResidentComment"("feedbackId", "status");

-- CreateIndex
CREATE INDEX "ResidentComment_partnershipId_status_idx" ON "ResidentComment"("partnershipId", "status");

-- CreateIndex
CREATE INDEX "ResidentComment_email_createdAt_idx" ON "ResidentComment"("email", "createdAt");

-- CreateIndex
CREATE INDEX "ResidentComment_network_createdAt_idx" ON "ResidentComment"("network", "createdAt");



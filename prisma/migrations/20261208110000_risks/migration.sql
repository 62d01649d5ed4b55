-- CreateEnum
CREATE TYPE "RiskStatus" AS ENUM ('OPEN', 'CLOSED');


-- CreateTable
CREATE TABLE "Risk" (
    "id" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "ownerOrganisationId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Risk_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RiskReview" (
    "id" TEXT NOT NULL,
    "riskId" TEXT NOT NULL,
    "likelihood" INTEGER NOT NULL,
    "impact" INTEGER NOT NULL,
    "controls" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "status" "RiskStatus" NOT NULL,
    "reviewedOn" DATE NOT NULL,
    "nextReviewOn" DATE,
    "meetingId" TEXT,
    "recordedById" TEXT NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RiskReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RiskOutcome" (
    "riskId" TEXT NOT NULL,
    "outcomeId" TEXT NOT NULL,

    CONSTRAINT "RiskOutcome_pkey" PRIMARY KEY ("riskId","outcomeId")
);

-- CreateTable
CREATE TABLE "RiskDecision" (
    "riskId" TEXT NOT NULL,
    "decisionId" TEXT NOT NULL,

    CONSTRAINT "RiskDecision_pkey" PRIMARY KEY ("riskId","decisionId")
);

-- CreateTable
CREATE TABLE "RiskAction" (
    "riskId" TEXT NOT NULL,
    "actionId" TEXT NOT NULL,

    CONSTRAINT "RiskAction_pkey" PRIMARY KEY ("riskId","actionId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Risk_partnershipId_title_key" ON "Risk"("partnershipId", "title");

-- CreateIndex
CREATE INDEX "RiskReview_riskId_reviewedOn_idx" ON "RiskReview"("riskId", "reviewedOn");

-- CreateIndex
CREATE UNIQUE INDEX "RiskReview_riskId_meetingId_key" ON "RiskReview"("riskId", "meetingId");

-- AddForeignKey
ALTER TABLE "RiskReview" ADD CONSTRAINT "RiskReview_riskId_fkey" FOREIGN KEY ("riskId") REFERENCES "Risk"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RiskOutcome" ADD CONSTRAINT "RiskOutcome_riskId_fkey" FOREIGN KEY ("riskId") REFERENCES "Risk"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RiskDecision" ADD CONSTRAINT "RiskDecision_riskId_fkey" FOREIGN KEY ("riskId") REFERENCES "Risk"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RiskAction" ADD CONSTRAINT "RiskAction_riskId_fkey" FOREIGN KEY ("riskId") REFERENCES "Risk"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Scores are on the 5×5 scale; the domain checks them first, with a message, and this keeps them so.
ALTER TABLE "RiskReview" ADD CONSTRAINT "RiskReview_scores_check"
    CHECK ("likelihood" BETWEEN 1 AND 5 AND "impact" BETWEEN 1 AND 5);

-- A review is the record of a risk's scores as they were judged: never changed or deleted, so the
-- history of scores is what was said at the time. A later review supersedes it.
CREATE TRIGGER "RiskReview_append_only" BEFORE UPDATE OR DELETE ON "RiskReview"
    FOR EACH ROW EXECUTE FUNCTION "refuse_change"();

-- CreateTable
CREATE TABLE "DecisionReferral" (
    "id" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "decisionId" TEXT NOT NULL,
    "fromBodyId" TEXT NOT NULL,
    "toBodyId" TEXT NOT NULL,
    "matter" TEXT NOT NULL,
    "referredById" TEXT NOT NULL,
    "referredAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DecisionReferral_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DecisionReferral_toBodyId_referredAt_idx" ON "DecisionReferral"("toBodyId", "referredAt");

-- CreateIndex
CREATE INDEX "DecisionReferral_decisionId_idx" ON "DecisionReferral"("decisionId");

-- AddForeignKey
ALTER TABLE "DecisionReferral" ADD CONSTRAINT "DecisionReferral_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- A referral is part of the record of the decision: people rely on it.
CREATE TRIGGER "DecisionReferral_append_only" BEFORE UPDATE OR DELETE ON "DecisionReferral"
    FOR EACH ROW EXECUTE FUNCTION "refuse_change"();

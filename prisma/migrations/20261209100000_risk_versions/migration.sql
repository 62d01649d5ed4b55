-- CreateTable
CREATE TABLE "RiskVersion" (
    "id" TEXT NOT NULL,
    "riskId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "outcomeIds" TEXT[],
    "decisionIds" TEXT[],
    "actionIds" TEXT[],
    "recordedById" TEXT NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RiskVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RiskVersion_riskId_version_key" ON "RiskVersion"("riskId", "version");

-- AddForeignKey
ALTER TABLE "RiskVersion" ADD CONSTRAINT "RiskVersion_riskId_fkey" FOREIGN KEY ("riskId") REFERENCES "Risk"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Every risk defined before wording could be edited gets its version 1: the wording and links it has,
-- which no one could have changed since it was defined. Its id is derived from the risk's, so the
-- migration writes the same rows wherever it runs.
INSERT INTO "RiskVersion" ("id", "riskId", "version", "title", "description", "outcomeIds", "decisionIds",
                           "actionIds", "recordedById", "recordedAt")
SELECT substr(md5('RiskVersion 1 ' || r."id"), 1, 25), r."id", 1, r."title", r."description",
       ARRAY(SELECT o."outcomeId" FROM "RiskOutcome" o WHERE o."riskId" = r."id" ORDER BY o."outcomeId"),
       ARRAY(SELECT d."decisionId" FROM "RiskDecision" d WHERE d."riskId" = r."id" ORDER BY d."decisionId"),
       ARRAY(SELECT a."actionId" FROM "RiskAction" a WHERE a."riskId" = r."id" ORDER BY a."actionId"),
       r."createdById", r."createdAt"
FROM "Risk" r;

-- A wording is what the register said at the time: never changed or deleted. A later version supersedes it.
CREATE TRIGGER "RiskVersion_append_only" BEFORE UPDATE OR DELETE ON "RiskVersion"
    FOR EACH ROW EXECUTE FUNCTION "refuse_change"();

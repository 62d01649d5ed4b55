-- Partners' ratifications of decisions subject to them (issue 15).
-- CreateTable
CREATE TABLE "Ratification" (
    "id" TEXT NOT NULL,
    "decisionId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "ratifiedOn" DATE NOT NULL,
    "ratifiedBy" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "recordedById" TEXT NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Ratification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Ratification_decisionId_organisationId_key" ON "Ratification"("decisionId", "organisationId");

-- AddForeignKey
ALTER TABLE "Ratification" ADD CONSTRAINT "Ratification_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- A ratification, once recorded, is part of the record.
CREATE TRIGGER "Ratification_append_only" BEFORE UPDATE OR DELETE ON "Ratification"
    FOR EACH ROW EXECUTE FUNCTION "refuse_change"();

-- Partners' annual statements, versioned (issue 15).
-- CreateTable
CREATE TABLE "PartnerStatement" (
    "id" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "writtenById" TEXT NOT NULL,
    "writtenAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PartnerStatement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PartnerStatement_partnershipId_idx" ON "PartnerStatement"("partnershipId");

-- CreateIndex
CREATE UNIQUE INDEX "PartnerStatement_organisationId_year_version_key" ON "PartnerStatement"("organisationId", "year", "version");


-- Each version of a statement is kept as written.
CREATE TRIGGER "PartnerStatement_append_only" BEFORE UPDATE OR DELETE ON "PartnerStatement"
    FOR EACH ROW EXECUTE FUNCTION "refuse_change"();

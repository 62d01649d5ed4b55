-- Resources partners commit to actions (issue 15).
-- CreateTable
CREATE TABLE "ActionResource" (
    "id" TEXT NOT NULL,
    "actionId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "money" INTEGER,
    "staffDays" DOUBLE PRECISION,
    "note" TEXT NOT NULL,
    "recordedById" TEXT NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ActionResource_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ActionResource_actionId_organisationId_recordedAt_idx" ON "ActionResource"("actionId", "organisationId", "recordedAt");

-- AddForeignKey
ALTER TABLE "ActionResource" ADD CONSTRAINT "ActionResource_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- A commitment is kept as given; a partner's later one replaces it in the totals, not in the record.
CREATE TRIGGER "ActionResource_append_only" BEFORE UPDATE OR DELETE ON "ActionResource"
    FOR EACH ROW EXECUTE FUNCTION "refuse_change"();

-- Actions' progress updates (issue 15).
-- CreateTable
CREATE TABLE "ActionUpdate" (
    "id" TEXT NOT NULL,
    "actionId" TEXT NOT NULL,
    "on" DATE NOT NULL,
    "note" TEXT NOT NULL,
    "percent" INTEGER,
    "milestone" TEXT NOT NULL,
    "blockers" TEXT NOT NULL,
    "statusBefore" "ActionStatus" NOT NULL,
    "statusAfter" "ActionStatus" NOT NULL,
    "recordedById" TEXT NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ActionUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ActionUpdate_actionId_recordedAt_idx" ON "ActionUpdate"("actionId", "recordedAt");

-- AddForeignKey
ALTER TABLE "ActionUpdate" ADD CONSTRAINT "ActionUpdate_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- What an owner reported is kept as they reported it.
CREATE TRIGGER "ActionUpdate_append_only" BEFORE UPDATE OR DELETE ON "ActionUpdate"
    FOR EACH ROW EXECUTE FUNCTION "refuse_change"();

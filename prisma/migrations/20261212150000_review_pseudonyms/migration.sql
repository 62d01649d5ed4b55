-- CreateEnum
CREATE TYPE "ReviewPseudonymKind" AS ENUM ('SPEAKER', 'ORGANISATION', 'CODER');

-- CreateTable
CREATE TABLE "ReviewPseudonym" (
    "id" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "kind" "ReviewPseudonymKind" NOT NULL,
    "entityId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "assignedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewPseudonym_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReviewPseudonym_meetingId_kind_entityId_key" ON "ReviewPseudonym"("meetingId", "kind", "entityId");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewPseudonym_meetingId_kind_label_key" ON "ReviewPseudonym"("meetingId", "kind", "label");


-- A pseudonym, once given, is the key to every export made with it: never changed or deleted.
CREATE TRIGGER "ReviewPseudonym_append_only" BEFORE UPDATE OR DELETE ON "ReviewPseudonym"
    FOR EACH ROW EXECUTE FUNCTION "refuse_change"();

-- Schemes of delegation and the check of each decision against its body's scheme; ratifications owed by a
-- parent body; each member's standing (elected member, officer, community representative) (issue 15).

-- CreateEnum
CREATE TYPE "Standing" AS ENUM ('ELECTED_MEMBER', 'OFFICER', 'COMMUNITY_REPRESENTATIVE', 'OTHER');

-- AlterTable: OTHER until an officer says otherwise; guessing "officer" from the organisation would
-- misfile councillors and non-executives already on the record.
ALTER TABLE "Membership" ADD COLUMN     "standing" "Standing" NOT NULL DEFAULT 'OTHER';

-- AlterTable
ALTER TABLE "Invitation" ADD COLUMN     "standing" "Standing" NOT NULL DEFAULT 'OTHER';

-- AlterTable: the append-only trigger fires on UPDATE of rows, not on a change of the table's shape.
ALTER TABLE "Ratification" ADD COLUMN     "bodyId" TEXT,
ALTER COLUMN "organisationId" DROP NOT NULL;

-- A ratification is owed by a partner or by the parent body, never both and never neither.
ALTER TABLE "Ratification" ADD CONSTRAINT "Ratification_partner_or_body"
    CHECK (("organisationId" IS NULL) <> ("bodyId" IS NULL));

-- CreateTable
CREATE TABLE "DelegationScheme" (
    "id" TEXT NOT NULL,
    "bodyId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "mayDecide" TEXT NOT NULL,
    "financialLimitPounds" INTEGER,
    "reservedMatters" TEXT[],
    "writtenById" TEXT NOT NULL,
    "writtenAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DelegationScheme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DelegationCheck" (
    "id" TEXT NOT NULL,
    "decisionId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "schemeId" TEXT,
    "amountPounds" INTEGER,
    "reservedMatters" TEXT[],
    "outsideScheme" BOOLEAN NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DelegationCheck_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DelegationScheme_bodyId_version_key" ON "DelegationScheme"("bodyId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "DelegationCheck_decisionId_version_key" ON "DelegationCheck"("decisionId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "Ratification_decisionId_bodyId_key" ON "Ratification"("decisionId", "bodyId");

-- AddForeignKey
ALTER TABLE "DelegationScheme" ADD CONSTRAINT "DelegationScheme_bodyId_fkey" FOREIGN KEY ("bodyId") REFERENCES "Body"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DelegationCheck" ADD CONSTRAINT "DelegationCheck_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A scheme's version, and what a decision was checked against, are records people rely on.
CREATE TRIGGER "DelegationScheme_append_only" BEFORE UPDATE OR DELETE ON "DelegationScheme"
    FOR EACH ROW EXECUTE FUNCTION "refuse_change"();
CREATE TRIGGER "DelegationCheck_append_only" BEFORE UPDATE OR DELETE ON "DelegationCheck"
    FOR EACH ROW EXECUTE FUNCTION "refuse_change"();

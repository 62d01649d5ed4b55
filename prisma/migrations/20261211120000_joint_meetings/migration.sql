-- CreateTable
CREATE TABLE "MeetingBody" (
    "meetingId" TEXT NOT NULL,
    "bodyId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MeetingBody_pkey" PRIMARY KEY ("meetingId","bodyId")
);

-- CreateTable
CREATE TABLE "DecisionBody" (
    "decisionId" TEXT NOT NULL,
    "bodyId" TEXT NOT NULL,
    "quorate" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DecisionBody_pkey" PRIMARY KEY ("decisionId","bodyId")
);

-- CreateIndex
CREATE INDEX "MeetingBody_bodyId_idx" ON "MeetingBody"("bodyId");

-- AddForeignKey
ALTER TABLE "MeetingBody" ADD CONSTRAINT "MeetingBody_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingBody" ADD CONSTRAINT "MeetingBody_bodyId_fkey" FOREIGN KEY ("bodyId") REFERENCES "Body"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DecisionBody" ADD CONSTRAINT "DecisionBody_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Which bodies took a decision is part of its record: people rely on it.
CREATE TRIGGER "DecisionBody_append_only" BEFORE UPDATE OR DELETE ON "DecisionBody"
    FOR EACH ROW EXECUTE FUNCTION "refuse_change"();

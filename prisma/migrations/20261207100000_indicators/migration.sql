-- Outcomes' indicators and their readings (issue 15).
-- CreateEnum
CREATE TYPE "IndicatorDirection" AS ENUM ('UP', 'DOWN');

-- CreateTable
CREATE TABLE "Indicator" (
    "id" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "outcomeId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "sourceOrganisationId" TEXT NOT NULL,
    "geography" TEXT NOT NULL,
    "direction" "IndicatorDirection" NOT NULL,
    "baselineValue" DOUBLE PRECISION NOT NULL,
    "baselineOn" DATE NOT NULL,
    "targetValue" DOUBLE PRECISION NOT NULL,
    "targetOn" DATE NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Indicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IndicatorReading" (
    "id" TEXT NOT NULL,
    "indicatorId" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "on" DATE NOT NULL,
    "source" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "correctsId" TEXT,
    "recordedById" TEXT NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IndicatorReading_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Indicator_partnershipId_idx" ON "Indicator"("partnershipId");

-- CreateIndex
CREATE UNIQUE INDEX "Indicator_outcomeId_name_key" ON "Indicator"("outcomeId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "IndicatorReading_correctsId_key" ON "IndicatorReading"("correctsId");

-- CreateIndex
CREATE INDEX "IndicatorReading_indicatorId_on_idx" ON "IndicatorReading"("indicatorId", "on");

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_outcomeId_fkey" FOREIGN KEY ("outcomeId") REFERENCES "Outcome"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorReading" ADD CONSTRAINT "IndicatorReading_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorReading" ADD CONSTRAINT "IndicatorReading_correctsId_fkey" FOREIGN KEY ("correctsId") REFERENCES "IndicatorReading"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- A reading is a record people rely on: put right by a correcting reading, never changed or deleted.
CREATE TRIGGER "IndicatorReading_append_only" BEFORE UPDATE OR DELETE ON "IndicatorReading"
    FOR EACH ROW EXECUTE FUNCTION "refuse_change"();

-- CreateTable
CREATE TABLE "DailyRun" (
    "job" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "ranAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DailyRun_pkey" PRIMARY KEY ("job","day")
);


-- A day's run, once recorded, stands: removing it would send that day's email again.
CREATE TRIGGER "DailyRun_append_only" BEFORE UPDATE OR DELETE ON "DailyRun"
    FOR EACH ROW EXECUTE FUNCTION "refuse_change"();

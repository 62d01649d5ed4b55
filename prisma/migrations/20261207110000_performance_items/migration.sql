-- An agenda item about progress on the plan's outcomes: its board pack carries the indicators' readings.
ALTER TYPE "ItemPurpose" ADD VALUE 'PERFORMANCE';

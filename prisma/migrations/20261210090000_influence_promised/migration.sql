-- The influence a forum is promised now comes with the acceptance, with the day by which it will hear back.
-- Earlier DECIDED events keep their influenceDeclared, which is read as the promise (events are append-only,
-- so nothing is moved); the column is nullable, as every event but ACCEPTED leaves it empty.

-- AlterTable
ALTER TABLE "PriorityEvent" ADD COLUMN     "hearBackBy" DATE;

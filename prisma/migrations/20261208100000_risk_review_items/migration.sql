-- An agenda item that reviews the joint risk register: its board pack lists the risks due for review.
ALTER TYPE "ItemPurpose" ADD VALUE 'RISK_REVIEW';

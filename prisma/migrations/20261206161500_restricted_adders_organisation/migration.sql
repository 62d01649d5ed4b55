-- A restricted paper is seen only by the organisations named on it; whoever added it used to see it as well,
-- by a per-person exception. Name the adder's organisation on the papers they added instead, so nobody
-- loses a paper they could see and who may see it is the list that is shown.
UPDATE "EvidenceItem"
SET "allowedOrganisationIds" = json_insert(
  "allowedOrganisationIds",
  '$[#]',
  (
    SELECT m."organisationId" FROM "Membership" m
    JOIN "Meeting" mt ON mt."partnershipId" = m."partnershipId"
    WHERE m."userId" = "EvidenceItem"."createdById" AND mt."id" = "EvidenceItem"."meetingId"
  )
)
WHERE "confidentiality" = 'RESTRICTED'
  AND json_valid("allowedOrganisationIds")
  AND EXISTS (
    SELECT 1 FROM "Membership" m
    JOIN "Meeting" mt ON mt."partnershipId" = m."partnershipId"
    WHERE m."userId" = "EvidenceItem"."createdById" AND mt."id" = "EvidenceItem"."meetingId"
  )
  AND NOT EXISTS (
    SELECT 1 FROM json_each("EvidenceItem"."allowedOrganisationIds") j
    WHERE j."value" = (
      SELECT m."organisationId" FROM "Membership" m
      JOIN "Meeting" mt ON mt."partnershipId" = m."partnershipId"
      WHERE m."userId" = "EvidenceItem"."createdById" AND mt."id" = "EvidenceItem"."meetingId"
    )
  );

// Changing which organisations may see a restricted paper. Officers decide it (a partner asks the
// secretariat to share or withdraw a paper), and only officers who may see the paper themselves, so no one
// can name their own organisation onto a paper kept from them. People whose organisation is taken off
// lose the paper's document at once (access/revocation.ts).
import { z } from 'zod';
import type { Actor } from '../access/index.ts';
import { audit } from '../platform/index.ts';
import { transaction } from '../platform/index.ts';
import { Forbidden, Invalid, NotFound } from '../platform/index.ts';
import { AddRestrictedEvidenceInput } from './evidence.ts';
import { canScheduleMeetings, canSeeEvidence, meetingContext } from '../access/index.ts';
import { publishRevocation } from '../access/index.ts';
import { parse } from '../platform/index.ts';

export const SetEvidenceOrganisationsInput = z.object({
	allowedOrganisationIds: AddRestrictedEvidenceInput.shape.allowedOrganisationIds
});

export async function setEvidenceOrganisations(
	actor: Actor,
	meetingId: string,
	evidenceId: string,
	input: unknown
): Promise<void> {
	const ctx = await meetingContext(actor, meetingId);
	const { allowedOrganisationIds } = parse(SetEvidenceOrganisationsInput, input);
	await transaction(async (tx) => {
		const paper = await tx.evidenceItem.findFirst({
			where: { id: evidenceId, meetingId, confidentiality: 'RESTRICTED' }
		});
		if (!paper || !canSeeEvidence(ctx, paper)) throw new NotFound('paper');
		if (!canScheduleMeetings(ctx))
			throw new Forbidden('Only the secretariat and admins can change who may see a paper.');
		const known = await tx.organisation.count({
			where: { id: { in: allowedOrganisationIds }, partnershipId: ctx.partnership.id }
		});
		if (known !== allowedOrganisationIds.length)
			throw new Invalid({ allowedOrganisationIds: 'Choose organisations of this partnership' });
		await tx.evidenceItem.update({
			where: { id: evidenceId },
			data: { allowedOrganisationIds }
		});
		await audit(tx, actor.userId, {
			action: 'organisations_changed',
			entity: 'EvidenceItem',
			entityId: evidenceId,
			partnershipId: ctx.partnership.id,
			detail: {
				meetingId,
				from: paper.allowedOrganisationIds,
				to: allowedOrganisationIds
			}
		});
	});
	publishRevocation({ kind: 'paper-organisations-changed', evidenceId, meetingId });
}

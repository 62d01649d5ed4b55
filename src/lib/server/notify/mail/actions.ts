// An action assigned to a named person: they are emailed what it is and when it is due.
import type { Tx } from '../../platform/index.ts';
import { formatDay } from '../../../dates.ts';
import { enqueueMail, siteLink } from './queue.ts';

export async function mailActionAssigned(
	tx: Tx,
	action: {
		id: string;
		partnershipId: string;
		ownerMembershipId: string | null;
		text: string;
		dueOn: Date | null;
	},
	slug: string
): Promise<number> {
	if (!action.ownerMembershipId) return 0;
	const owner = await tx.membership.findUnique({
		where: { id: action.ownerMembershipId },
		select: { userId: true }
	});
	if (!owner) return 0;
	const due = action.dueOn ? `, due ${formatDay(action.dueOn)}` : '';
	return enqueueMail(tx, 'action_assigned', action.partnershipId, [
		{
			userId: owner.userId,
			subject: `An action for you${due}`,
			text: `An action has been assigned to you${due}:\n\n${action.text}\n\nSee it and record progress: ${siteLink(`/p/${slug}/actions/${action.id}`)}\n`
		}
	]);
}

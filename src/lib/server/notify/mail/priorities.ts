// The forum's loop: the members of the body that raised a priority are told by email at each of its steps
// (the response's publication as its own kind), except the person who took the step.
import type { Tx } from '../../platform/index.ts';
import { enqueueMail, siteLink } from './queue.ts';

const STEP: Record<string, string> = {
	SUBMITTED: 'was submitted',
	ACCEPTED: 'was accepted',
	DECLINED: 'was declined',
	PASSED_ON: 'was passed on',
	SCHEDULED: 'was put on an agenda',
	DECIDED: 'was decided',
	ACTION: 'has an action against it',
	FEEDBACK_PUBLISHED: 'has a published response',
	CLOSED: 'was closed'
};

export async function mailPriorityStep(
	tx: Tx,
	priority: { id: string; partnershipId: string; raisedByBodyId: string; title: string },
	type: string,
	actorUserId: string,
	toBodyId?: string | null
): Promise<number> {
	const step = STEP[type];
	if (!step) return 0;
	const [seats, partnership, forum, toBody] = await Promise.all([
		tx.bodySeat.findMany({
			where: { bodyId: priority.raisedByBodyId, endedAt: null },
			select: { membership: { select: { userId: true } } }
		}),
		tx.partnership.findUniqueOrThrow({
			where: { id: priority.partnershipId },
			select: { slug: true }
		}),
		tx.body.findUniqueOrThrow({ where: { id: priority.raisedByBodyId }, select: { name: true } }),
		toBodyId ? tx.body.findUnique({ where: { id: toBodyId }, select: { name: true } }) : null
	]);
	const userIds = [...new Set(seats.map((s) => s.membership.userId))].filter(
		(id) => id !== actorUserId
	);
	const to = toBody && (type === 'PASSED_ON' || type === 'SUBMITTED') ? ` to ${toBody.name}` : '';
	const link = siteLink(`/p/${partnership.slug}/priorities/${priority.id}`);
	const kind = type === 'FEEDBACK_PUBLISHED' ? 'response_published' : 'priority_step';
	return enqueueMail(
		tx,
		kind,
		priority.partnershipId,
		userIds.map((userId) => ({
			userId,
			subject: `${forum.name}’s priority “${priority.title}” ${step}${to}`,
			text: `The priority “${priority.title}”, raised by ${forum.name}, ${step}${to}.\n\nSee its timeline: ${link}\n`
		}))
	);
}

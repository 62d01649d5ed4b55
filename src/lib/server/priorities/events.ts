// Moving a priority along its life: each step checked against the state machine (409 naming the steps that
// would follow), the actor's rights (403), and its references (400: the body it reports to, an item of the
// holder's meeting, a decision of this partnership, an action of a linked decision), then appended to the
// timeline with the priority's status and holder in the same transaction.
import { z } from 'zod';
import type { Actor } from '../access/index.ts';
import { now } from '../platform/index.ts';
import { transaction, type Tx } from '../platform/index.ts';
import { Conflict, Invalid } from '../platform/index.ts';
import { draftFeedback, latestFeedback, publishInTx } from './responses.ts';
import { demand } from '../access/index.ts';
import { getPriority } from './raise.ts';
import { mayRecord, priorityContext, rightsOf, type PriorityRow } from '../access/index.ts';
import { follows, NEXT } from './flow.ts';
import { appendEvent, type NewEvent } from './timeline.ts';
import { routeTarget } from './routes.ts';
import {
	choice,
	isoDate,
	optionalText,
	parse,
	reference,
	requiredText
} from '../platform/index.ts';
import { dayInUk } from '../../dates.ts';
import {
	INFLUENCE_LEVELS,
	PRIORITY_EVENT_TYPES,
	PRIORITY_STATUSES,
	type PriorityEventType
} from '../../vocabulary.ts';

const influence = (what: string) => choice(INFLUENCE_LEVELS, `Choose the influence ${what}`);
/** Agenda items are named by the meeting's shared document, not by the database. */
const itemId = z
	.string({ error: 'Choose an agenda item' })
	.regex(/^[A-Za-z0-9_-]{1,64}$/, 'Choose an agenda item');

export const PriorityEventInput = z.discriminatedUnion('type', [
	z.object({
		type: z.literal('SUBMITTED'),
		toBodyId: reference('Choose the body to submit it to')
	}),
	z.object({
		type: z.literal('ACCEPTED'),
		leadOrganisationId: reference('Choose the lead partner'),
		/** The IAP2 level the forum can expect, stated when the body takes the priority on. */
		influenceDeclared: influence('the forum can expect'),
		/** The day by which the forum will hear back: today or later. */
		hearBackBy: isoDate('Enter the day the forum will hear back by, for example 2026-07-01')
	}),
	z.object({
		type: z.literal('DECLINED'),
		reason: requiredText('the reason, which goes back to the forum', 2000)
	}),
	z.object({
		type: z.literal('PASSED_ON'),
		toBodyId: reference('Choose the body to pass it on to'),
		reason: optionalText('the reason', 2000)
	}),
	z.object({
		type: z.literal('PASSED_SIDEWAYS'),
		toBodyId: reference('Choose the theme group to pass it to'),
		reason: requiredText('why it belongs with that theme group', 2000)
	}),
	z.object({
		type: z.literal('REFERRED_DOWN'),
		toBodyId: reference('Choose the group to refer it to'),
		reason: requiredText('why it is referred to that group', 2000)
	}),
	z.object({ type: z.literal('SCHEDULED'), agendaItemId: itemId }),
	z.object({
		type: z.literal('DECIDED'),
		decisionId: reference('Choose the decision'),
		/** The promise is the acceptance's; the decision records what the forum had. */
		influenceAchieved: influence('the forum had')
	}),
	z.object({ type: z.literal('ACTION'), actionId: reference('Choose the action') }),
	z.object({ type: z.literal('FEEDBACK_PUBLISHED') }),
	z.object({ type: z.literal('CLOSED'), reason: optionalText('the reason', 2000) })
]);
type EventInput = z.output<typeof PriorityEventInput>;

const StepType = z.object({
	type: z.enum(
		Object.keys(PRIORITY_EVENT_TYPES).filter(
			// The forum's verdicts are recorded by giving them (verdicts.ts), never as a step by hand.
			(t) => t !== 'RAISED' && t !== 'MATTER_ARISING' && t !== 'RESPONSE_ACCEPTED'
		) as [PriorityEventType],
		{ error: 'Choose the step to record' }
	)
});

function refuse(status: PriorityRow['status'], type: PriorityEventType): never {
	const allowed = NEXT[status];
	throw new Conflict(
		`A priority that is ${PRIORITY_STATUSES[status].toLowerCase()} cannot be ` +
			`${PRIORITY_EVENT_TYPES[type].toLowerCase()}; next: ` +
			(allowed.length ? allowed.join(', ') : 'nothing (it is closed)') +
			'.',
		allowed
	);
}

export async function recordPriorityEvent(actor: Actor, priorityId: string, input: unknown) {
	const { ctx, priority } = await priorityContext(actor, priorityId);
	const { type } = parse(StepType, input);
	if (!follows(priority.status, type)) refuse(priority.status, type);
	demand(
		mayRecord(await rightsOf(ctx), type, priority),
		type === 'SUBMITTED'
			? 'Only members seated on the body holding the priority, and officers, submit it.'
			: [
						'ACCEPTED',
						'DECLINED',
						'PASSED_ON',
						'PASSED_SIDEWAYS',
						'REFERRED_DOWN',
						'SCHEDULED'
				  ].includes(type)
				? 'Only the chair or vice-chair of the body holding the priority, and officers, take this step.'
				: 'Only the secretariat and admins take this step.'
	);
	const data = parse(PriorityEventInput, input);
	await transaction(async (tx) => {
		const current = await tx.priority.findUniqueOrThrow({ where: { id: priorityId } });
		if (!follows(current.status, type)) refuse(current.status, type);
		await record(tx, actor.userId, current, data);
	});
	return getPriority(actor, priorityId);
}

async function record(tx: Tx, userId: string, priority: PriorityRow, data: EventInput) {
	const at = now();
	const by = priority.currentBodyId;
	const append = (event: NewEvent, options: Parameters<typeof appendEvent>[5] = {}) =>
		appendEvent(tx, userId, priority, event, at, options);
	switch (data.type) {
		case 'SUBMITTED':
		case 'PASSED_ON': {
			await reportsTo(tx, priority, data.toBodyId);
			await append(
				{
					type: data.type,
					byBodyId: by,
					toBodyId: data.toBodyId,
					reason: data.type === 'PASSED_ON' ? data.reason : ''
				},
				{ holderAfter: data.toBodyId }
			);
			return;
		}
		case 'PASSED_SIDEWAYS':
		case 'REFERRED_DOWN': {
			const to = await routeTarget(tx, priority, data.type, data.toBodyId);
			await append(
				{ type: data.type, byBodyId: by, toBodyId: to, reason: data.reason },
				{ holderAfter: to }
			);
			return;
		}
		case 'ACCEPTED': {
			const lead = await tx.organisation.count({
				where: { id: data.leadOrganisationId, partnershipId: priority.partnershipId }
			});
			if (!lead)
				throw new Invalid({ leadOrganisationId: 'Choose one of this partnership’s organisations' });
			if (data.hearBackBy < dayInUk(at))
				throw new Invalid({
					hearBackBy: 'The day the forum will hear back by cannot be in the past'
				});
			await append({
				type: 'ACCEPTED',
				byBodyId: by,
				leadOrganisationId: data.leadOrganisationId,
				influenceDeclared: data.influenceDeclared,
				hearBackBy: new Date(`${data.hearBackBy}T00:00:00Z`)
			});
			return;
		}
		case 'DECLINED':
			await append(
				{ type: 'DECLINED', byBodyId: by, toBodyId: priority.raisedByBodyId, reason: data.reason },
				{ holderAfter: priority.raisedByBodyId }
			);
			return;
		case 'SCHEDULED': {
			const item = await tx.agendaItem.findFirst({
				where: {
					id: data.agendaItemId,
					withdrawn: false,
					meeting: { bodyId: by, partnershipId: priority.partnershipId }
				},
				select: { id: true }
			});
			if (!item)
				throw new Invalid({
					agendaItemId: 'Choose an item on the agenda of a meeting of the body holding the priority'
				});
			await append({ type: 'SCHEDULED', byBodyId: by, agendaItemId: item.id });
			return;
		}
		case 'DECIDED': {
			const decision = await tx.decision.count({
				where: { id: data.decisionId, partnershipId: priority.partnershipId }
			});
			if (!decision)
				throw new Invalid({ decisionId: 'Choose a decision recorded in this partnership' });
			const feedback = await draftFeedback(tx, priority, data.decisionId, at);
			await append(
				{
					type: 'DECIDED',
					byBodyId: by,
					decisionId: data.decisionId,
					influenceAchieved: data.influenceAchieved
				},
				{ audit: { feedbackId: feedback.id } }
			);
			return;
		}
		case 'ACTION': {
			const linked = await tx.priorityEvent.findMany({
				where: { priorityId: priority.id, type: 'DECIDED' },
				select: { decisionId: true }
			});
			const action = await tx.action.findFirst({
				where: {
					id: data.actionId,
					partnershipId: priority.partnershipId,
					decisionId: { in: linked.flatMap((e) => e.decisionId ?? []) }
				},
				select: { id: true }
			});
			if (!action)
				throw new Invalid({ actionId: 'Choose an action of a decision linked to this priority' });
			const already = await tx.priorityEvent.count({
				where: { priorityId: priority.id, type: 'ACTION', actionId: action.id }
			});
			if (already) throw new Invalid({ actionId: 'This action is already linked to the priority' });
			await append({ type: 'ACTION', actionId: action.id });
			return;
		}
		case 'FEEDBACK_PUBLISHED': {
			const draft = await latestFeedback(tx, priority.id);
			if (draft?.status !== 'DRAFT')
				throw new Conflict('There is no draft response to publish.', NEXT[priority.status]);
			await publishInTx(tx, userId, priority, draft);
			return;
		}
		case 'CLOSED':
			await append({ type: 'CLOSED', byBodyId: by, reason: data.reason });
			return;
	}
}

/** SUBMITTED and PASSED_ON go to the body the holder reports to, and nowhere else. */
async function reportsTo(tx: Tx, priority: PriorityRow, toBodyId: string): Promise<void> {
	const [to, holder] = await Promise.all([
		tx.body.findFirst({ where: { id: toBodyId, partnershipId: priority.partnershipId } }),
		tx.body.findUniqueOrThrow({
			where: { id: priority.currentBodyId },
			include: { parent: { select: { id: true, name: true } } }
		})
	]);
	if (!to) throw new Invalid({ toBodyId: 'Choose a body of this partnership' });
	if (!holder.parent) throw new Invalid({ toBodyId: `${holder.name} reports to no other body` });
	if (holder.parent.id !== to.id)
		throw new Invalid({
			toBodyId: `Send it to ${holder.parent.name}, the body ${holder.name} reports to`
		});
}

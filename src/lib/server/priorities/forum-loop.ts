// The forum's loop: at every step of a priority, everyone seated on the forum that raised it is told in
// plain words what happened, with a link to the priority (not the person who took the step). The text may
// quote a reason, which may quote a restricted paper: it is composed for the SHARED reader, so restricted
// material is named generically whoever reads it.
import { restrictedTextOfPartnership, SHARED, withholdRestricted } from '../access/index.ts';
import type { PriorityRow } from '../access/index.ts';
import type { Tx } from '../platform/index.ts';
import { notifyPriorityStep } from '../notify/index.ts';
import { formatDay, formatMeetingTime } from '../../dates.ts';
import { INFLUENCE_LEVELS } from '../../vocabulary.ts';
import type { NewEvent } from './new-event.ts';

/** The priority's page, where every notification about it leads. */
export async function priorityLink(tx: Tx, priority: Pick<PriorityRow, 'id' | 'partnershipId'>) {
	const { slug } = await tx.partnership.findUniqueOrThrow({
		where: { id: priority.partnershipId },
		select: { slug: true }
	});
	return `/p/${slug}/priorities/${priority.id}`;
}

/** Text others can read, with the partnership's restricted material withheld. */
export async function sharedText(tx: Tx, partnershipId: string, text: string): Promise<string> {
	return withholdRestricted(text, await restrictedTextOfPartnership(partnershipId, SHARED, tx));
}

const because = (reason: string | undefined) => (reason ? ` Reason: ${reason}` : '');

/** What happened, in plain words, for the forum's members. */
async function stepMessage(tx: Tx, priority: PriorityRow, event: NewEvent): Promise<string> {
	const ids = [event.byBodyId, event.toBodyId, priority.raisedByBodyId].filter(
		(id): id is string => !!id
	);
	const bodies = new Map(
		(await tx.body.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map(
			(b) => [b.id, b.name]
		)
	);
	const by = (event.byBodyId && bodies.get(event.byBodyId)) || 'The body holding it';
	const to = (event.toBodyId && bodies.get(event.toBodyId)) || 'the next body';
	const forum = bodies.get(priority.raisedByBodyId) ?? 'The forum';
	const title = `“${priority.title}”`;
	switch (event.type) {
		case 'RAISED':
			return `${forum} raised a priority: ${title}.`;
		case 'SUBMITTED':
			return `Your forum’s priority ${title} was submitted to ${to}.`;
		case 'ACCEPTED': {
			const level = event.influenceDeclared ? INFLUENCE_LEVELS[event.influenceDeclared] : null;
			return (
				`${by} accepted your forum’s priority ${title}.` +
				(level ? ` The influence the forum can expect: ${level}.` : '') +
				(event.hearBackBy ? ` The forum will hear back by ${formatDay(event.hearBackBy)}.` : '')
			);
		}
		case 'DECLINED':
			return `${by} declined your forum’s priority ${title} and sent it back to the forum.${because(event.reason)}`;
		case 'PASSED_ON':
			return `${by} passed your forum’s priority ${title} on to ${to}.${because(event.reason)}`;
		case 'PASSED_SIDEWAYS':
			return `${by} passed your forum’s priority ${title} across to ${to}.${because(event.reason)}`;
		case 'REFERRED_DOWN':
			return `${by} referred your forum’s priority ${title} down to ${to}.${because(event.reason)}`;
		case 'SCHEDULED': {
			const item = event.agendaItemId
				? await tx.agendaItem.findUnique({
						where: { id: event.agendaItemId },
						select: { meeting: { select: { title: true, startsAt: true } } }
					})
				: null;
			return item
				? `Your forum’s priority ${title} is on the agenda of ${item.meeting.title} on ${formatMeetingTime(item.meeting.startsAt)}.`
				: `Your forum’s priority ${title} is on an agenda.`;
		}
		case 'DECIDED':
			return `${by} took a decision on your forum’s priority ${title}; the response to the forum is being drafted.`;
		case 'ACTION':
			return `An action was agreed on your forum’s priority ${title}.`;
		case 'FEEDBACK_PUBLISHED':
			return `The response to your forum’s priority ${title} has been published: the forum can accept or contest it.`;
		case 'CLOSED':
			return `Your forum’s priority ${title} was closed.${because(event.reason)}`;
		case 'MATTER_ARISING':
			return `${forum} contested the response to ${title}; it goes to ${to}’s next meeting as a matter arising.${because(event.reason)}`;
		case 'RESPONSE_ACCEPTED':
			return `${forum} accepted the response to ${title}.${event.reason ? ` Its note: ${event.reason}` : ''}`;
	}
}

/**
 * In the step's transaction: tells everyone seated on the forum that raised the priority what happened,
 * except the person who took the step. Returns who was told.
 */
export async function tellForum(
	tx: Tx,
	actorUserId: string,
	priority: PriorityRow,
	event: NewEvent,
	at: Date
): Promise<string[]> {
	const message = await sharedText(
		tx,
		priority.partnershipId,
		await stepMessage(tx, priority, event)
	);
	return notifyPriorityStep(
		tx,
		{
			partnershipId: priority.partnershipId,
			bodyId: priority.raisedByBodyId,
			exceptUserId: actorUserId,
			message,
			link: await priorityLink(tx, priority),
			createdAt: at
		},
		event.type === 'FEEDBACK_PUBLISHED' ? 'response_published' : 'priority_step'
	);
}

// Priorities raised by forums (or any body) from their engagement with people: raising one, the lists a
// body sees, and a priority with its timeline, files, response and the steps the actor may take next.
// Its later events are recorded by priorities/events.ts.
import { z } from 'zod';
import type { Actor } from '../access/index.ts';
import { audit } from '../platform/index.ts';
import { now } from '../platform/index.ts';
import { db, transaction } from '../platform/index.ts';
import { FeedbackView, feedbackView, latestFeedback } from './responses.ts';
import { fail } from '../meetings/index.ts';
import { demand } from '../access/index.ts';
import { bodyContext, mayRaise, mayRecord, priorityContext, rightsOf } from '../access/index.ts';
import { routeChoices } from './routes.ts';
import { NEXT } from './flow.ts';
import { dayInUk } from '../../dates.ts';
import { appendEvent } from './timeline.ts';
import {
	eventViews,
	fileView,
	influenceView,
	InfluenceView,
	PriorityEventView,
	PriorityFileView,
	priorityViews,
	PriorityView
} from './views.ts';
import {
	choice,
	isoDate,
	optionalText,
	parse,
	reference,
	requiredText,
	wholeNumber
} from '../platform/index.ts';
import {
	ENGAGEMENT_METHODS,
	ENGAGEMENT_STANDARDS,
	PRIORITY_EVENT_TYPES,
	type PriorityEventType
} from '../../vocabulary.ts';

export { PriorityView, PriorityEventView, PriorityFileView } from './views.ts';

const DATE_MESSAGE = 'Enter a date, for example 2026-03-14';

export const RaisePriorityInput = z.object({
	title: requiredText('the priority’s title', 200),
	said: requiredText('what people said', 8000),
	area: optionalText('the area', 200),
	theme: optionalText('the theme', 200),
	engagement: z
		.object(
			{
				method: choice(ENGAGEMENT_METHODS, 'Choose how people were engaged'),
				from: isoDate(DATE_MESSAGE).nullish(),
				to: isoDate(DATE_MESSAGE).nullish(),
				participants: wholeNumber('the number of people who took part', 0, 10_000_000),
				groupsReached: optionalText('the groups reached', 2000),
				groupsNotReached: optionalText('the groups not reached', 2000),
				standardsMet: z
					.array(choice(ENGAGEMENT_STANDARDS, 'Choose from the National Standards'))
					.max(7)
					.default([])
			},
			{ error: 'Describe the engagement behind the priority' }
		)
		.refine((e) => !e.from || !e.to || e.from <= e.to, {
			path: ['to'],
			message: 'The engagement must end on or after the day it started'
		}),
	outcomeIds: z.array(reference('Choose outcomes of this partnership’s plans')).max(50).default([])
});

export const PriorityDetail = PriorityView.extend({
	events: z.array(PriorityEventView),
	files: z.array(PriorityFileView),
	feedback: FeedbackView.nullable(),
	/** The events the actor may record next, given the priority's status. */
	next: z.array(z.enum(Object.keys(PRIORITY_EVENT_TYPES) as [PriorityEventType])),
	/** The body the holder reports to: where SUBMITTED and PASSED_ON send it. */
	reportsTo: z.object({ id: z.string(), name: z.string() }).nullable(),
	/** Where the holder may send it other than up: theme groups sideways, its own groups down. */
	routes: z.object({
		sideways: z.array(z.object({ id: z.string(), name: z.string() })),
		down: z.array(z.object({ id: z.string(), name: z.string() }))
	}),
	/** The influence promised when it was accepted, and what the decision achieved. */
	influence: InfluenceView
});
export type PriorityDetail = z.infer<typeof PriorityDetail>;

const day = (text: string | null | undefined) => (text ? new Date(`${text}T00:00:00Z`) : null);

export async function raisePriority(
	actor: Actor,
	bodyId: string,
	input: unknown
): Promise<PriorityDetail> {
	const { ctx, body } = await bodyContext(actor, bodyId);
	demand(
		mayRaise(await rightsOf(ctx), body.id),
		'Only members seated on the body, and officers, raise its priorities.'
	);
	const data = parse(RaisePriorityInput, input);
	const id = await transaction(async (tx) => {
		const outcomeIds = [...new Set(data.outcomeIds)];
		const found = await tx.outcome.count({
			where: { id: { in: outcomeIds }, partnershipId: ctx.partnership.id }
		});
		fail(
			found === outcomeIds.length
				? {}
				: { outcomeIds: 'Choose outcomes of this partnership’s plans' }
		);
		const at = now();
		const e = data.engagement;
		const priority = await tx.priority.create({
			data: {
				partnershipId: ctx.partnership.id,
				raisedByBodyId: body.id,
				currentBodyId: body.id,
				title: data.title,
				said: data.said,
				area: data.area ?? '',
				theme: data.theme ?? '',
				engagementMethod: e.method,
				engagementFrom: day(e.from),
				engagementTo: day(e.to),
				participants: e.participants ?? null,
				groupsReached: e.groupsReached ?? '',
				groupsNotReached: e.groupsNotReached ?? '',
				standardsMet: [...new Set(e.standardsMet)],
				lastEventAt: at,
				createdById: actor.userId,
				createdAt: at,
				outcomes: { create: outcomeIds.map((outcomeId) => ({ outcomeId })) }
			}
		});
		await appendEvent(tx, actor.userId, priority, { type: 'RAISED', byBodyId: body.id }, at, {
			audit: false
		});
		await audit(tx, actor.userId, {
			action: 'raised',
			entity: 'Priority',
			entityId: priority.id,
			partnershipId: ctx.partnership.id,
			detail: { bodyId: body.id, ...data }
		});
		return priority.id;
	});
	return getPriority(actor, id);
}

/** The priorities a body raised or holds now, most recently moved first. */
export async function listPriorities(actor: Actor, bodyId: string): Promise<PriorityView[]> {
	const { ctx, body } = await bodyContext(actor, bodyId);
	const rows = await db().priority.findMany({
		where: {
			partnershipId: ctx.partnership.id,
			OR: [{ raisedByBodyId: body.id }, { currentBodyId: body.id }]
		},
		orderBy: [{ lastEventAt: 'desc' }, { id: 'desc' }]
	});
	return priorityViews(db(), rows);
}

export async function getPriority(actor: Actor, priorityId: string): Promise<PriorityDetail> {
	const { ctx, priority } = await priorityContext(actor, priorityId);
	const [[view], events, files, feedback, rights, holder, routes] = await Promise.all([
		priorityViews(db(), [priority]),
		db().priorityEvent.findMany({ where: { priorityId }, orderBy: [{ at: 'asc' }, { id: 'asc' }] }),
		db().priorityFile.findMany({
			where: { priorityId },
			orderBy: [{ addedAt: 'asc' }, { id: 'asc' }]
		}),
		latestFeedback(db(), priorityId),
		rightsOf(ctx),
		db().body.findUniqueOrThrow({
			where: { id: priority.currentBodyId },
			select: { parent: { select: { id: true, name: true } } }
		}),
		routeChoices(db(), priority)
	]);
	const next = NEXT[priority.status].filter(
		(type) =>
			mayRecord(rights, type, priority) &&
			(type !== 'FEEDBACK_PUBLISHED' || feedback?.status === 'DRAFT') &&
			((type !== 'SUBMITTED' && type !== 'PASSED_ON') || holder.parent !== null) &&
			(type !== 'PASSED_SIDEWAYS' || routes.sideways.length > 0) &&
			(type !== 'REFERRED_DOWN' || routes.down.length > 0)
	);
	return {
		...view,
		events: await eventViews(db(), ctx.partnership.id, events),
		files: files.map(fileView),
		feedback: feedback ? feedbackView(feedback) : null,
		next,
		reportsTo: holder.parent,
		routes,
		influence: influenceView(
			events.map((e) => ({ ...e, hearBackBy: e.hearBackBy?.toISOString().slice(0, 10) ?? null })),
			dayInUk(now())
		)
	};
}

// The annual report's outcomes: each with the actions that served it in the year, and the decisions they
// came from, and the forum priorities tagged with it (annual-report.ts puts the report together).
import { z } from 'zod';
import { db, keyOf } from '../platform/index.ts';
import { dayInUk } from '../../dates.ts';
import { ACTION_STATUSES, PRIORITY_STATUSES } from '../../vocabulary.ts';
import type { OutcomeDetailView } from './indicators.ts';

export type Period = { from: Date; to: Date };

export const ServingAction = z.object({
	id: z.string(),
	text: z.string(),
	ownerName: z.string(),
	/** As the record stands now. */
	status: keyOf(ACTION_STATUSES),
	dueOn: z.iso.date().nullable(),
	decision: z.object({
		id: z.string(),
		itemTitle: z.string(),
		meetingTitle: z.string(),
		on: z.iso.date()
	}),
	/** Its owner's last report on or before the year's end. */
	lastUpdate: z
		.object({ on: z.iso.date(), note: z.string(), percent: z.number().nullable() })
		.nullable()
});

export const ForumPriority = z.object({
	id: z.string(),
	title: z.string(),
	forum: z.string(),
	status: keyOf(PRIORITY_STATUSES)
});

export type OutcomeServed = OutcomeDetailView & {
	actions: z.infer<typeof ServingAction>[];
	priorities: z.infer<typeof ForumPriority>[];
};

const dayOf = (at: Date) => at.toISOString().slice(0, 10);

/**
 * Each outcome with the actions tagged with it that were under way in the year (set by then, and not
 * finished before it began) and the forum priorities tagged with it.
 */
export async function outcomesServed(
	partnershipId: string,
	outcomes: OutcomeDetailView[],
	period: Period
): Promise<OutcomeServed[]> {
	const ids = outcomes.map((o) => o.id);
	const [actionTags, priorityTags] = await Promise.all([
		db().actionOutcome.findMany({ where: { outcomeId: { in: ids } } }),
		db().priorityOutcome.findMany({
			where: { outcomeId: { in: ids }, priority: { partnershipId } },
			select: {
				outcomeId: true,
				priority: { select: { id: true, title: true, status: true, raisedByBodyId: true } }
			},
			orderBy: { priority: { title: 'asc' } }
		})
	]);
	const actions = await db().action.findMany({
		where: {
			partnershipId,
			id: { in: [...new Set(actionTags.map((t) => t.actionId))] },
			createdAt: { lte: period.to },
			OR: [{ status: { in: ['OPEN', 'IN_PROGRESS'] } }, { updatedAt: { gte: period.from } }]
		},
		include: {
			decision: { select: { id: true, agendaItemId: true, meetingId: true, createdAt: true } },
			updates: {
				where: { on: { lte: period.to } },
				orderBy: [{ on: 'desc' }, { recordedAt: 'desc' }],
				take: 1
			}
		},
		orderBy: { createdAt: 'asc' }
	});
	const [organisations, items, meetings, bodies] = await Promise.all([
		db().organisation.findMany({ where: { partnershipId }, select: { id: true, name: true } }),
		db().agendaItem.findMany({
			where: { id: { in: actions.map((a) => a.decision.agendaItemId) } },
			select: { id: true, title: true }
		}),
		db().meeting.findMany({
			where: { id: { in: actions.map((a) => a.decision.meetingId) } },
			select: { id: true, title: true, startsAt: true }
		}),
		db().body.findMany({ where: { partnershipId }, select: { id: true, name: true } })
	]);
	const nameOf = (rows: { id: string; name: string }[]) => new Map(rows.map((r) => [r.id, r.name]));
	const organisation = nameOf(organisations);
	const body = nameOf(bodies);
	const item = new Map(items.map((i) => [i.id, i.title]));
	const meeting = new Map(meetings.map((m) => [m.id, m]));
	const views = new Map(
		actions.map((a) => {
			const update = a.updates[0];
			const held = meeting.get(a.decision.meetingId);
			return [
				a.id,
				{
					id: a.id,
					text: a.text,
					ownerName: organisation.get(a.ownerOrganisationId) ?? '',
					status: a.status,
					dueOn: a.dueOn ? dayInUk(a.dueOn) : null,
					decision: {
						id: a.decision.id,
						itemTitle: item.get(a.decision.agendaItemId) ?? '',
						meetingTitle: held?.title ?? '',
						on: dayInUk(held?.startsAt ?? a.decision.createdAt)
					},
					lastUpdate: update
						? { on: dayOf(update.on), note: update.note, percent: update.percent }
						: null
				}
			];
		})
	);
	return outcomes.map((o) => ({
		...o,
		actions: actionTags
			.filter((t) => t.outcomeId === o.id)
			.flatMap((t) => views.get(t.actionId) ?? []),
		priorities: priorityTags
			.filter((t) => t.outcomeId === o.id)
			.map(({ priority: p }) => ({
				id: p.id,
				title: p.title,
				forum: body.get(p.raisedByBodyId) ?? '',
				status: p.status
			}))
	}));
}

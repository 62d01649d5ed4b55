// The reads the priority pages need beside the priorities domain: the partnership-wide list with its
// filters, the agenda items a priority can be scheduled on, and the priorities a decision answers.
import type { Actor } from '../access/index.ts';
import { db } from '../platform/index.ts';
import { partnershipContext } from '../access/index.ts';
import { PRIORITY_STATUSES, type PriorityStatus } from '../../vocabulary.ts';

export interface PriorityRow {
	id: string;
	title: string;
	status: PriorityStatus;
	theme: string;
	area: string;
	raisedBy: { id: string; name: string };
	heldBy: { id: string; name: string };
	lastEventAt: string;
}

export interface Choice {
	value: string;
	label: string;
}

export interface PriorityFilters {
	forum?: string;
	status?: string;
	theme?: string;
	/** A body's own list: the priorities it raised or holds now. */
	body?: string;
}

const MAX_ROWS = 500;

/** Priorities of the partnership, most recently active first, narrowed by forum, status and theme. */
export async function listPartnershipPriorities(
	actor: Actor,
	slug: string,
	filters: PriorityFilters
): Promise<{ rows: PriorityRow[]; themes: string[]; forums: { id: string; name: string }[] }> {
	const ctx = await partnershipContext(actor, slug);
	const partnershipId = ctx.partnership.id;
	const status =
		filters.status && Object.hasOwn(PRIORITY_STATUSES, filters.status)
			? (filters.status as PriorityStatus)
			: undefined;
	const [priorities, bodies, themes] = await Promise.all([
		db().priority.findMany({
			where: {
				partnershipId,
				...(filters.forum ? { raisedByBodyId: filters.forum } : {}),
				...(status ? { status } : {}),
				...(filters.theme ? { theme: filters.theme } : {}),
				...(filters.body
					? { OR: [{ raisedByBodyId: filters.body }, { currentBodyId: filters.body }] }
					: {})
			},
			orderBy: [{ lastEventAt: 'desc' }, { id: 'asc' }],
			take: MAX_ROWS
		}),
		db().body.findMany({
			where: { partnershipId },
			select: { id: true, name: true },
			orderBy: { name: 'asc' }
		}),
		db().priority.findMany({
			where: { partnershipId, theme: { not: '' } },
			select: { theme: true },
			distinct: ['theme'],
			orderBy: { theme: 'asc' }
		})
	]);
	const names = new Map(bodies.map((b) => [b.id, b.name]));
	const raising = new Set(
		(
			await db().priority.findMany({
				where: { partnershipId },
				select: { raisedByBodyId: true },
				distinct: ['raisedByBodyId']
			})
		).map((p) => p.raisedByBodyId)
	);
	return {
		rows: priorities.map((p) => ({
			id: p.id,
			title: p.title,
			status: p.status,
			theme: p.theme,
			area: p.area,
			raisedBy: { id: p.raisedByBodyId, name: names.get(p.raisedByBodyId) ?? '' },
			heldBy: { id: p.currentBodyId, name: names.get(p.currentBodyId) ?? '' },
			lastEventAt: p.lastEventAt.toISOString()
		})),
		themes: themes.map((t) => t.theme),
		forums: bodies.filter((b) => raising.has(b.id))
	};
}

/**
 * Items on the agendas of the body's meetings still to come (not closed), to schedule a priority on.
 * Withdrawn items are left out.
 */
export async function upcomingAgendaItems(
	actor: Actor,
	slug: string,
	bodyId: string
): Promise<Choice[]> {
	const ctx = await partnershipContext(actor, slug);
	const meetings = await db().meeting.findMany({
		where: {
			partnershipId: ctx.partnership.id,
			bodyId,
			status: { in: ['DRAFT', 'AGENDA_ISSUED', 'IN_PROGRESS'] }
		},
		orderBy: { startsAt: 'asc' },
		include: { items: { where: { withdrawn: false }, orderBy: { order: 'asc' } } }
	});
	const day = new Intl.DateTimeFormat('en-GB', {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'Europe/London'
	});
	return meetings.flatMap((m) =>
		m.items.map((item) => ({
			value: item.id,
			label: `${m.title} (${day.format(m.startsAt)}), item ${item.order}: ${item.title || 'Untitled item'}`
		}))
	);
}

/**
 * Recorded decisions a priority can be linked to: those of the body holding it, newest first, with the
 * decision on the item it was scheduled on (if any) first of all.
 */
export async function decisionsToLink(
	actor: Actor,
	slug: string,
	bodyId: string,
	scheduledItemId: string | null
): Promise<Choice[]> {
	const ctx = await partnershipContext(actor, slug);
	const decisions = await db().decision.findMany({
		where: { partnershipId: ctx.partnership.id, bodyId },
		orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
		take: 200,
		include: { meeting: { select: { title: true } } }
	});
	const items = new Map(
		(
			await db().agendaItem.findMany({
				where: { id: { in: decisions.map((d) => d.agendaItemId) } },
				select: { id: true, title: true }
			})
		).map((i) => [i.id, i.title])
	);
	const choices = decisions.map((d) => ({
		value: d.id,
		label: `${items.get(d.agendaItemId) || 'Untitled item'} (${d.meeting.title})`,
		first: d.agendaItemId === scheduledItemId
	}));
	return [...choices.filter((c) => c.first), ...choices.filter((c) => !c.first)].map(
		({ value, label }) => ({ value, label })
	);
}

/** Actions of the decisions already linked to a priority, to record one against it. */
export async function actionsToLink(decisionIds: string[]): Promise<Choice[]> {
	if (!decisionIds.length) return [];
	const actions = await db().action.findMany({
		where: { decisionId: { in: decisionIds } },
		orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
		select: { id: true, text: true }
	});
	return actions.map((a) => ({ value: a.id, label: a.text }));
}

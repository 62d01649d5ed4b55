// Traceability: how forums' priorities travel up through theme groups and the board to decisions,
// actions and plan outcomes, read from the priorities' append-only events. The flow graph (nodes and
// links), the same data as one row per priority (for the table view and CSV), stalled priorities,
// decisions no priority fed into, time from raised to decided, the priorities behind a decision and one
// priority's timeline. Reads only: a handful of queries per view, each selecting the columns it needs.
import { z } from 'zod';
import { Prisma } from '../../../generated/prisma/client.ts';
import type { Actor } from '../access/index.ts';
import { bulkRead } from '../platform/index.ts';
import { now } from '../platform/index.ts';
import { db } from '../platform/index.ts';
import { NotFound } from '../platform/index.ts';
import { toCsv, type CsvFile } from '../decisions/index.ts';
import { meetingContext, partnershipContext } from '../access/index.ts';
import { isoDate, parse, reference, searchText, wholeNumber } from '../platform/index.ts';
import {
	INFLUENCE_LEVELS,
	PRIORITY_EVENT_TYPES,
	PRIORITY_STATUSES,
	type InfluenceLevel,
	type PriorityEventType,
	type PriorityStatus
} from '../../vocabulary.ts';

const DATE_MESSAGE = 'Enter a date, for example 2026-07-01';
const DAY_MS = 86_400_000;

const influence = z.enum(Object.keys(INFLUENCE_LEVELS) as [InfluenceLevel]);
const priorityStatus = z.enum(Object.keys(PRIORITY_STATUSES) as [PriorityStatus]);
const eventType = z.enum(Object.keys(PRIORITY_EVENT_TYPES) as [PriorityEventType]);

/** Which part of the record to trace: a period (on the priorities' event dates), a forum, theme, partner. */
export const TraceQuery = z.object({
	from: isoDate(DATE_MESSAGE).optional(),
	to: isoDate(DATE_MESSAGE).optional(),
	/** The raising body. */
	forum: reference('Choose a forum').optional(),
	theme: searchText('the theme', 200),
	/** The lead organisation of the priority or the owner of one of its actions. */
	partner: reference('Choose a partner organisation').optional()
});
export type TraceQuery = z.infer<typeof TraceQuery>;

export const TRACE_NODE_TYPES = [
	'forum',
	'priority',
	'body',
	'agendaItem',
	'decision',
	'action',
	'outcome'
] as const;
export const TRACE_LINK_TYPES = [
	'raised',
	'submitted',
	'passed_on',
	'accepted',
	'declined',
	'scheduled',
	'decided_on',
	'decided',
	'action',
	'outcome'
] as const;

export const TraceNode = z.object({
	/** `<type>:<record id>`, so a body that raises and receives priorities appears in both columns. */
	id: z.string(),
	type: z.enum(TRACE_NODE_TYPES),
	label: z.string()
});
export const TraceLink = z.object({
	source: z.string(),
	target: z.string(),
	type: z.enum(TRACE_LINK_TYPES),
	/** For `decided`: the influence the forum had, declared and achieved. */
	influenceDeclared: influence.nullable().optional(),
	influenceAchieved: influence.nullable().optional()
});
export const TraceGraph = z.object({ nodes: z.array(TraceNode), links: z.array(TraceLink) });
export type TraceNode = z.infer<typeof TraceNode>;
export type TraceLink = z.infer<typeof TraceLink>;
export type TraceGraph = z.infer<typeof TraceGraph>;

/** One row per priority: the table view of the flow, and its CSV. */
export const TraceRow = z.object({
	id: z.string(),
	title: z.string(),
	theme: z.string(),
	forum: z.object({ id: z.string(), name: z.string() }),
	status: priorityStatus,
	/** The body holding it now. */
	heldBy: z.object({ id: z.string(), name: z.string() }),
	raisedAt: z.iso.datetime().nullable(),
	lastEventAt: z.iso.datetime(),
	decisions: z.array(
		z.object({
			id: z.string(),
			label: z.string(),
			influenceDeclared: influence.nullable(),
			influenceAchieved: influence.nullable()
		})
	),
	actions: z.array(z.object({ id: z.string(), text: z.string(), status: z.string() })),
	outcomes: z.array(z.object({ id: z.string(), code: z.string(), title: z.string() }))
});
export type TraceRow = z.infer<typeof TraceRow>;

export interface TraceData extends TraceGraph {
	rows: TraceRow[];
}

const startOf = (date: string) => new Date(`${date}T00:00:00Z`);
const endOf = (date: string) => new Date(startOf(date).getTime() + DAY_MS);
const short = (text: string, max = 80) => {
	const line = text.replace(/\s+/g, ' ').trim();
	return line.length > max ? `${line.slice(0, max - 1)}…` : line;
};

/**
 * The flow and its table. A priority is in it when it matches the forum, theme and partner, and (with a
 * period) has at least one event in the period; only events in the period make links.
 */
export async function traceData(actor: Actor, slug: string, query: unknown): Promise<TraceData> {
	const ctx = await partnershipContext(actor, slug);
	const q = parse(TraceQuery, query);
	const partnershipId = ctx.partnership.id;
	const at =
		q.from || q.to
			? { gte: q.from ? startOf(q.from) : undefined, lt: q.to ? endOf(q.to) : undefined }
			: undefined;
	const [priorities, rawEvents, bodies] = await Promise.all([
		bulkRead<
			{
				id: string;
				title: string;
				theme: string;
				status: PriorityStatus;
				raisedByBodyId: string;
				currentBodyId: string;
				leadOrganisationId: string | null;
				lastEventAt: Date | string;
			}[]
		>`
			SELECT p.id, p.title, p.theme, p.status, p.raisedByBodyId, p.currentBodyId,
				p.leadOrganisationId, p.lastEventAt
			FROM Priority p
			WHERE p.partnershipId = ${partnershipId}
				${q.forum ? Prisma.sql`AND p.raisedByBodyId = ${q.forum}` : Prisma.empty}
				${q.theme ? Prisma.sql`AND p.theme = ${q.theme}` : Prisma.empty}
			ORDER BY p.lastEventAt DESC, p.id`,
		// Raw, and one `ref` column for the record each type of event names: ten thousand rows come back
		// several times faster than through the query engine's mapping of every column.
		bulkRead<
			{
				priorityId: string;
				type: PriorityEventType;
				ref: string | null;
				influenceDeclared: InfluenceLevel | null;
				influenceAchieved: InfluenceLevel | null;
				at: Date | string;
			}[]
		>`
			SELECT e.priorityId, e.type,
				CASE e.type
					WHEN 'SUBMITTED' THEN e.toBodyId WHEN 'PASSED_ON' THEN e.toBodyId
					WHEN 'ACCEPTED' THEN e.byBodyId WHEN 'DECLINED' THEN e.byBodyId
					WHEN 'SCHEDULED' THEN e.agendaItemId WHEN 'DECIDED' THEN e.decisionId
				END AS ref,
				e.influenceDeclared, e.influenceAchieved, e.at
			FROM PriorityEvent e JOIN Priority p ON p.id = e.priorityId
			WHERE p.partnershipId = ${partnershipId}
				${q.forum ? Prisma.sql`AND p.raisedByBodyId = ${q.forum}` : Prisma.empty}
				${q.theme ? Prisma.sql`AND p.theme = ${q.theme}` : Prisma.empty}`,
		db().body.findMany({ where: { partnershipId }, select: { id: true, name: true } })
	]);
	const from = at?.gte?.getTime() ?? -Infinity;
	const to = at?.lt?.getTime() ?? Infinity;
	type Event = Omit<(typeof rawEvents)[number], 'at'> & { at: Date };
	const eventsOf = new Map<string, Event[]>();
	for (const raw of rawEvents) {
		const event = { ...raw, at: new Date(raw.at) };
		if (event.at.getTime() < from || event.at.getTime() >= to) continue;
		const list = eventsOf.get(event.priorityId);
		if (list) list.push(event);
		else eventsOf.set(event.priorityId, [event]);
	}
	// No ORDER BY in the query: sorting ten thousand events there cost more than the rest of the read.
	// A priority's few events are put in time order here (a stable sort keeps the stored order on ties).
	for (const list of eventsOf.values()) list.sort((a, b) => a.at.getTime() - b.at.getTime());
	let kept = at ? priorities.filter((p) => eventsOf.has(p.id)) : priorities;

	// Decisions linked by a DECIDED event, and their actions: the partner filter needs the owners.
	const { decisions, actions, items, priorityOutcomes, actionOutcomes } =
		await linkedRecords(partnershipId);
	const decisionById = new Map(decisions.map((d) => [d.id, d]));
	const actionsOf = new Map<string, typeof actions>();
	for (const a of actions) {
		const list = actionsOf.get(a.decisionId);
		if (list) list.push(a);
		else actionsOf.set(a.decisionId, [a]);
	}
	const decisionsOf = (priorityId: string) =>
		(eventsOf.get(priorityId) ?? []).filter(
			(e) => e.type === 'DECIDED' && e.ref !== null && decisionById.has(e.ref)
		);
	if (q.partner) {
		const partner = q.partner;
		kept = kept.filter(
			(p) =>
				p.leadOrganisationId === partner ||
				decisionsOf(p.id).some((e) =>
					(actionsOf.get(e.ref!) ?? []).some((a) => a.ownerOrganisationId === partner)
				)
		);
	}

	const bodyName = new Map(bodies.map((b) => [b.id, b.name]));
	const itemTitle = new Map(items.map((i) => [i.id, i.title]));
	const decisionLabel = (id: string) => {
		const d = decisionById.get(id)!;
		return short(d.wording || itemTitle.get(d.agendaItemId) || 'Decision');
	};

	const nodes = new Map<string, TraceNode>();
	const links = new Map<string, TraceLink>();
	const node = (type: TraceNode['type'], id: string, label: string) => {
		const key = `${type}:${id}`;
		if (!nodes.has(key)) nodes.set(key, { id: key, type, label });
		return key;
	};
	const link = (source: string, target: string, type: TraceLink['type'], extra = {}) => {
		const key = `${source}>${target}>${type}`;
		if (!links.has(key)) links.set(key, { source, target, type, ...extra });
	};
	const bodyNode = (id: string) => node('body', id, bodyName.get(id) ?? 'Body');
	const outcomesOfPriority = new Map<string, TraceRow['outcomes']>();
	for (const { ownerId, ...outcome } of priorityOutcomes) {
		const list = outcomesOfPriority.get(ownerId) ?? [];
		list.push(outcome);
		outcomesOfPriority.set(ownerId, list);
	}
	const outcomesOfAction = new Map<string, TraceRow['outcomes']>();
	for (const { ownerId, ...outcome } of actionOutcomes) {
		const list = outcomesOfAction.get(ownerId) ?? [];
		list.push(outcome);
		outcomesOfAction.set(ownerId, list);
	}
	const outcomeNode = (o: { id: string; code: string; title: string }) =>
		node('outcome', o.id, `${o.code} ${o.title}`);

	const rows: TraceRow[] = [];
	for (const p of kept) {
		const forum = node('forum', p.raisedByBodyId, bodyName.get(p.raisedByBodyId) ?? 'Forum');
		const me = node('priority', p.id, p.title);
		const own = eventsOf.get(p.id) ?? [];
		link(forum, me, 'raised');
		// Who held it at each event: replayed from the whole timeline (without a period, own is all of it).
		let holder = p.raisedByBodyId;
		let raisedAt: Date | null = null;
		for (const e of own) {
			switch (e.type) {
				case 'RAISED':
					raisedAt = e.at;
					break;
				case 'SUBMITTED':
				case 'PASSED_ON':
					if (e.ref) {
						holder = e.ref;
						link(me, bodyNode(holder), e.type === 'SUBMITTED' ? 'submitted' : 'passed_on');
					}
					break;
				case 'ACCEPTED':
					link(me, bodyNode(e.ref ?? holder), 'accepted');
					break;
				case 'DECLINED':
					link(me, bodyNode(e.ref ?? holder), 'declined');
					holder = p.raisedByBodyId;
					break;
				case 'SCHEDULED':
					if (e.ref && itemTitle.has(e.ref))
						link(me, node('agendaItem', e.ref, itemTitle.get(e.ref)!), 'scheduled');
					break;
			}
		}
		const decided = decisionsOf(p.id);
		const rowActions: TraceRow['actions'] = [];
		const rowOutcomes = new Map((outcomesOfPriority.get(p.id) ?? []).map((o) => [o.id, o]));
		for (const o of rowOutcomes.values()) link(me, outcomeNode(o), 'outcome');
		for (const e of decided) {
			const d = decisionById.get(e.ref!)!;
			const dn = node('decision', d.id, decisionLabel(d.id));
			link(me, dn, 'decided', {
				influenceDeclared: e.influenceDeclared,
				influenceAchieved: e.influenceAchieved
			});
			if (itemTitle.has(d.agendaItemId))
				link(node('agendaItem', d.agendaItemId, itemTitle.get(d.agendaItemId)!), dn, 'decided_on');
			for (const a of actionsOf.get(d.id) ?? []) {
				const an = node('action', a.id, short(a.text));
				link(dn, an, 'action');
				rowActions.push({ id: a.id, text: a.text, status: a.status });
				for (const o of outcomesOfAction.get(a.id) ?? []) {
					link(an, outcomeNode(o), 'outcome');
					rowOutcomes.set(o.id, o);
				}
			}
		}
		rows.push({
			id: p.id,
			title: p.title,
			theme: p.theme,
			forum: { id: p.raisedByBodyId, name: bodyName.get(p.raisedByBodyId) ?? '' },
			status: p.status,
			heldBy: { id: p.currentBodyId, name: bodyName.get(p.currentBodyId) ?? '' },
			raisedAt: raisedAt?.toISOString() ?? null,
			lastEventAt: new Date(p.lastEventAt).toISOString(),
			decisions: decided.map((e) => ({
				id: e.ref!,
				label: decisionLabel(e.ref!),
				influenceDeclared: e.influenceDeclared,
				influenceAchieved: e.influenceAchieved
			})),
			actions: rowActions,
			outcomes: [...rowOutcomes.values()]
		});
	}
	return { nodes: [...nodes.values()], links: [...links.values()], rows };
}

/**
 * Everything the priorities of a partnership link to, in one pass each: decisions named by DECIDED events
 * (with their latest wording), their actions, the agenda items named by SCHEDULED events or carrying those
 * decisions, and the outcome tags. Subqueries rather than lists of ids, so a large partnership stays within
 * SQLite's limit on bound parameters and the work stays in the database's indexes.
 */
async function linkedRecords(partnershipId: string) {
	const linkedDecisions = Prisma.sql`
		SELECT e.decisionId FROM PriorityEvent e JOIN Priority p ON p.id = e.priorityId
		WHERE p.partnershipId = ${partnershipId} AND e.type = 'DECIDED' AND e.decisionId IS NOT NULL`;
	const [decisions, actions, items, priorityOutcomes, actionOutcomes] = await Promise.all([
		bulkRead<{ id: string; agendaItemId: string; wording: string | null }[]>`
			SELECT d.id, d.agendaItemId,
				(SELECT v.wording FROM DecisionVersion v WHERE v.decisionId = d.id
				 ORDER BY v.version DESC LIMIT 1) AS wording
			FROM Decision d
			WHERE d.partnershipId = ${partnershipId} AND d.id IN (${linkedDecisions})`,
		bulkRead<
			{
				id: string;
				text: string;
				status: string;
				decisionId: string;
				ownerOrganisationId: string;
			}[]
		>`
			SELECT a.id, a.text, a.status, a.decisionId, a.ownerOrganisationId FROM Action a
			WHERE a.partnershipId = ${partnershipId} AND a.decisionId IN (${linkedDecisions})
			ORDER BY a.createdAt, a.id`,
		// Two reads rather than one with an OR of two subqueries, which kept SQLite from using its indexes.
		[
			...bulkRead<{ id: string; title: string }[]>`
			SELECT i.id, i.title FROM AgendaItem i JOIN Meeting m ON m.id = i.meetingId
			WHERE m.partnershipId = ${partnershipId} AND i.id IN (
				SELECT e.agendaItemId FROM PriorityEvent e JOIN Priority p ON p.id = e.priorityId
				WHERE p.partnershipId = ${partnershipId} AND e.agendaItemId IS NOT NULL)`,
			...bulkRead<{ id: string; title: string }[]>`
			SELECT i.id, i.title FROM AgendaItem i JOIN Meeting m ON m.id = i.meetingId
			WHERE m.partnershipId = ${partnershipId} AND i.id IN (
				SELECT d.agendaItemId FROM Decision d
				WHERE d.partnershipId = ${partnershipId} AND d.id IN (${linkedDecisions}))`
		],
		bulkRead<{ ownerId: string; id: string; code: string; title: string }[]>`
			SELECT po.priorityId AS ownerId, o.id, o.code, o.title
			FROM PriorityOutcome po JOIN Outcome o ON o.id = po.outcomeId
			WHERE o.partnershipId = ${partnershipId} ORDER BY o.code`,
		bulkRead<{ ownerId: string; id: string; code: string; title: string }[]>`
			SELECT ao.actionId AS ownerId, o.id, o.code, o.title
			FROM ActionOutcome ao JOIN Outcome o ON o.id = ao.outcomeId
			WHERE o.partnershipId = ${partnershipId} ORDER BY o.code`
	]);
	return { decisions, actions, items, priorityOutcomes, actionOutcomes };
}

/** `GET …/trace`: the flow graph only. */
export async function traceGraph(actor: Actor, slug: string, query: unknown): Promise<TraceGraph> {
	const { nodes, links } = await traceData(actor, slug, query);
	return { nodes, links };
}

export const TRACE_CSV_HEADER = [
	'Forum',
	'Priority',
	'Theme',
	'Status',
	'Held by',
	'Raised',
	'Last event',
	'Decisions',
	'Influence declared',
	'Influence achieved',
	'Actions',
	'Outcomes'
];

/** The table view of the trace as CSV, with the same filters. */
export async function traceCsv(actor: Actor, slug: string, query: unknown): Promise<CsvFile> {
	const { rows } = await traceData(actor, slug, query);
	const label = (level: InfluenceLevel | null) => (level ? INFLUENCE_LEVELS[level] : '');
	return {
		name: `${slug}-trace.csv`,
		text: toCsv(
			TRACE_CSV_HEADER,
			rows.map((r) => [
				r.forum.name,
				r.title,
				r.theme,
				PRIORITY_STATUSES[r.status],
				r.heldBy.name,
				r.raisedAt?.slice(0, 10),
				r.lastEventAt.slice(0, 10),
				r.decisions.map((d) => d.label).join('; '),
				r.decisions.map((d) => label(d.influenceDeclared)).join('; '),
				r.decisions.map((d) => label(d.influenceAchieved)).join('; '),
				r.actions.map((a) => a.text).join('; '),
				r.outcomes.map((o) => `${o.code} ${o.title}`).join('; ')
			])
		)
	};
}

/**
 * Priorities waiting on someone: RAISED, SUBMITTED, ACCEPTED, SCHEDULED and DECIDED (the response is not
 * yet published). Not stalled: CLOSED, FEEDBACK_PUBLISHED (the forum has heard back) and DECLINED (the
 * reason went back to the forum, which decides whether to resubmit or close).
 */
export const STALLED_STATUSES = [
	'RAISED',
	'SUBMITTED',
	'ACCEPTED',
	'SCHEDULED',
	'DECIDED'
] as const satisfies readonly PriorityStatus[];

export const StalledQuery = z.object({
	days: wholeNumber('days', 1, 3650)
		.transform((v) => v ?? 60)
		.optional()
});

export const StalledPriority = z.object({
	id: z.string(),
	title: z.string(),
	status: priorityStatus,
	forum: z.object({ id: z.string(), name: z.string() }),
	heldBy: z.object({ id: z.string(), name: z.string() }),
	lastEventAt: z.iso.datetime(),
	/** Whole days since the last event. */
	daysSince: z.number()
});
export type StalledPriority = z.infer<typeof StalledPriority>;

/** Open priorities with no event for `days` days (60 unless asked), longest waiting first. */
export async function stalledPriorities(
	actor: Actor,
	slug: string,
	query: unknown = {}
): Promise<StalledPriority[]> {
	const ctx = await partnershipContext(actor, slug);
	const days = parse(StalledQuery, query).days ?? 60;
	const today = now();
	const rows = await db().priority.findMany({
		where: {
			partnershipId: ctx.partnership.id,
			status: { in: [...STALLED_STATUSES] },
			lastEventAt: { lt: new Date(today.getTime() - days * DAY_MS) }
		},
		select: {
			id: true,
			title: true,
			status: true,
			lastEventAt: true,
			raisedByBodyId: true,
			currentBodyId: true
		},
		orderBy: [{ lastEventAt: 'asc' }, { id: 'asc' }]
	});
	const names = await bodyNames(ctx.partnership.id);
	return rows.map((p) => ({
		id: p.id,
		title: p.title,
		status: p.status,
		forum: { id: p.raisedByBodyId, name: names.get(p.raisedByBodyId) ?? '' },
		heldBy: { id: p.currentBodyId, name: names.get(p.currentBodyId) ?? '' },
		lastEventAt: p.lastEventAt.toISOString(),
		daysSince: Math.floor((today.getTime() - p.lastEventAt.getTime()) / DAY_MS)
	}));
}

async function bodyNames(partnershipId: string) {
	const bodies = await db().body.findMany({
		where: { partnershipId },
		select: { id: true, name: true }
	});
	return new Map(bodies.map((b) => [b.id, b.name]));
}

export const PeriodQuery = z.object({
	from: isoDate(DATE_MESSAGE).optional(),
	to: isoDate(DATE_MESSAGE).optional()
});

export const UninformedDecision = z.object({
	id: z.string(),
	meetingId: z.string(),
	meetingTitle: z.string(),
	body: z.object({ id: z.string(), name: z.string() }),
	itemTitle: z.string(),
	decidedAt: z.iso.datetime(),
	wording: z.string()
});
export type UninformedDecision = z.infer<typeof UninformedDecision>;

/**
 * Decisions (first recorded in the period, newest first) that no priority is linked to by a DECIDED
 * event: taken without community input the record can show.
 */
export async function decisionsWithoutCommunityInput(
	actor: Actor,
	slug: string,
	query: unknown = {}
): Promise<UninformedDecision[]> {
	const ctx = await partnershipContext(actor, slug);
	const q = parse(PeriodQuery, query);
	const partnershipId = ctx.partnership.id;
	const from = q.from ? startOf(q.from).getTime() : -Infinity;
	const to = q.to ? endOf(q.to).getTime() : Infinity;
	const rows = await db().$queryRaw<
		{
			id: string;
			bodyId: string;
			bodyName: string;
			meetingId: string;
			meetingTitle: string;
			itemTitle: string;
			createdAt: Date | string;
			wording: string | null;
		}[]
	>`
		SELECT d.id, d.bodyId, b.name AS bodyName, d.meetingId, m.title AS meetingTitle,
			i.title AS itemTitle, d.createdAt,
			(SELECT v.wording FROM DecisionVersion v WHERE v.decisionId = d.id
			 ORDER BY v.version DESC LIMIT 1) AS wording
		FROM Decision d
		JOIN Meeting m ON m.id = d.meetingId
		JOIN Body b ON b.id = d.bodyId
		JOIN AgendaItem i ON i.id = d.agendaItemId
		WHERE d.partnershipId = ${partnershipId}
			AND NOT EXISTS (SELECT 1 FROM PriorityEvent e WHERE e.decisionId = d.id AND e.type = 'DECIDED')`;
	return rows
		.map((d) => ({ ...d, createdAt: new Date(d.createdAt) }))
		.filter((d) => d.createdAt.getTime() >= from && d.createdAt.getTime() < to)
		.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1))
		.map((d) => ({
			id: d.id,
			meetingId: d.meetingId,
			meetingTitle: d.meetingTitle,
			body: { id: d.bodyId, name: d.bodyName },
			itemTitle: d.itemTitle,
			decidedAt: d.createdAt.toISOString(),
			wording: d.wording ?? ''
		}));
}

export const TimeToDecision = z.object({
	priorities: z.array(
		z.object({
			id: z.string(),
			title: z.string(),
			forum: z.object({ id: z.string(), name: z.string() }),
			raisedAt: z.iso.datetime(),
			decidedAt: z.iso.datetime(),
			/** Whole days from the RAISED event to the first DECIDED event. */
			days: z.number()
		})
	),
	/** Null when no priority has been decided. */
	medianDays: z.number().nullable(),
	minDays: z.number().nullable(),
	maxDays: z.number().nullable()
});
export type TimeToDecision = z.infer<typeof TimeToDecision>;

/** For each decided priority, days from raised to (first) decided; the median and range. */
export async function timeToDecision(actor: Actor, slug: string): Promise<TimeToDecision> {
	const ctx = await partnershipContext(actor, slug);
	const partnershipId = ctx.partnership.id;
	const [events, names] = await Promise.all([
		db().priorityEvent.findMany({
			where: { type: { in: ['RAISED', 'DECIDED'] }, priority: { partnershipId } },
			select: {
				priorityId: true,
				type: true,
				at: true,
				priority: { select: { title: true, raisedByBodyId: true } }
			},
			orderBy: [{ at: 'asc' }, { id: 'asc' }]
		}),
		bodyNames(partnershipId)
	]);
	const seen = new Map<string, { raised?: Date; decided?: Date; title: string; forumId: string }>();
	for (const e of events) {
		const entry = seen.get(e.priorityId) ?? {
			title: e.priority.title,
			forumId: e.priority.raisedByBodyId
		};
		if (e.type === 'RAISED') entry.raised ??= e.at;
		else entry.decided ??= e.at;
		seen.set(e.priorityId, entry);
	}
	const priorities = [...seen]
		.filter(([, e]) => e.raised && e.decided)
		.map(([id, e]) => ({
			id,
			title: e.title,
			forum: { id: e.forumId, name: names.get(e.forumId) ?? '' },
			raisedAt: e.raised!.toISOString(),
			decidedAt: e.decided!.toISOString(),
			days: Math.floor((e.decided!.getTime() - e.raised!.getTime()) / DAY_MS)
		}))
		.sort((a, b) => a.days - b.days || a.title.localeCompare(b.title));
	const days = priorities.map((p) => p.days);
	return {
		priorities,
		medianDays: median(days),
		minDays: days.length ? days[0] : null,
		maxDays: days.length ? days[days.length - 1] : null
	};
}

function median(sorted: number[]): number | null {
	if (!sorted.length) return null;
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export const PriorityBehindDecision = z.object({
	id: z.string(),
	title: z.string(),
	forum: z.object({ id: z.string(), name: z.string() }),
	status: priorityStatus,
	influenceDeclared: influence.nullable(),
	influenceAchieved: influence.nullable(),
	linkedAt: z.iso.datetime()
});
export type PriorityBehindDecision = z.infer<typeof PriorityBehindDecision>;

/** The priorities a decision answered (by their DECIDED events), with the influence they had. */
export async function prioritiesBehindDecision(
	actor: Actor,
	decisionId: string
): Promise<PriorityBehindDecision[]> {
	const decision = await db().decision.findUnique({
		where: { id: decisionId },
		select: { meetingId: true, partnershipId: true }
	});
	if (!decision) throw new NotFound('decision');
	await meetingContext(actor, decision.meetingId).catch(() => {
		throw new NotFound('decision');
	});
	const [events, names] = await Promise.all([
		db().priorityEvent.findMany({
			where: { decisionId, type: 'DECIDED' },
			select: {
				at: true,
				influenceDeclared: true,
				influenceAchieved: true,
				priority: { select: { id: true, title: true, status: true, raisedByBodyId: true } }
			},
			orderBy: [{ at: 'asc' }, { id: 'asc' }]
		}),
		bodyNames(decision.partnershipId)
	]);
	return events.map((e) => ({
		id: e.priority.id,
		title: e.priority.title,
		forum: { id: e.priority.raisedByBodyId, name: names.get(e.priority.raisedByBodyId) ?? '' },
		status: e.priority.status,
		influenceDeclared: e.influenceDeclared,
		influenceAchieved: e.influenceAchieved,
		linkedAt: e.at.toISOString()
	}));
}

export const TimelineEvent = z.object({
	id: z.string(),
	type: eventType,
	at: z.iso.datetime(),
	recordedBy: z.object({ id: z.string(), name: z.string() }),
	byBody: z.object({ id: z.string(), name: z.string() }).nullable(),
	toBody: z.object({ id: z.string(), name: z.string() }).nullable(),
	agendaItemId: z.string().nullable(),
	decisionId: z.string().nullable(),
	actionId: z.string().nullable(),
	leadOrganisation: z.object({ id: z.string(), name: z.string() }).nullable(),
	influenceDeclared: influence.nullable(),
	influenceAchieved: influence.nullable(),
	reason: z.string()
});
export type TimelineEvent = z.infer<typeof TimelineEvent>;

/**
 * One priority's events, oldest first, with the names of who recorded them and the bodies and lead
 * partner they name (what the priority's page shows; the benchmark times it). Two queries.
 */
export async function priorityTimeline(actor: Actor, priorityId: string): Promise<TimelineEvent[]> {
	const priority = await db().priority.findUnique({
		where: { id: priorityId },
		select: {
			partnershipId: true,
			events: {
				orderBy: [{ at: 'asc' }, { id: 'asc' }],
				select: {
					id: true,
					type: true,
					at: true,
					recordedById: true,
					byBodyId: true,
					toBodyId: true,
					agendaItemId: true,
					decisionId: true,
					actionId: true,
					leadOrganisationId: true,
					influenceDeclared: true,
					influenceAchieved: true,
					reason: true
				}
			}
		}
	});
	const member = priority
		? await db().membership.findFirst({
				where: { userId: actor.userId, partnershipId: priority.partnershipId },
				select: { id: true }
			})
		: null;
	if (!priority || !member) throw new NotFound('priority');
	const { events } = priority;
	const ids = (pick: (e: (typeof events)[number]) => string | null) => [
		...new Set(events.map(pick).filter((v): v is string => !!v))
	];
	const [users, bodies, organisations] = await Promise.all([
		db().user.findMany({
			where: { id: { in: ids((e) => e.recordedById) } },
			select: { id: true, name: true }
		}),
		db().body.findMany({
			where: { id: { in: ids((e) => e.byBodyId).concat(ids((e) => e.toBodyId)) } },
			select: { id: true, name: true }
		}),
		db().organisation.findMany({
			where: { id: { in: ids((e) => e.leadOrganisationId) } },
			select: { id: true, name: true }
		})
	]);
	const name = (rows: { id: string; name: string }[]) => new Map(rows.map((r) => [r.id, r.name]));
	const [user, body, organisation] = [name(users), name(bodies), name(organisations)];
	const ref = (map: Map<string, string>, id: string | null) =>
		id ? { id, name: map.get(id) ?? '' } : null;
	return events.map((e) => ({
		id: e.id,
		type: e.type,
		at: e.at.toISOString(),
		recordedBy: { id: e.recordedById, name: user.get(e.recordedById) ?? '' },
		byBody: ref(body, e.byBodyId),
		toBody: ref(body, e.toBodyId),
		agendaItemId: e.agendaItemId,
		decisionId: e.decisionId,
		actionId: e.actionId,
		leadOrganisation: ref(organisation, e.leadOrganisationId),
		influenceDeclared: e.influenceDeclared,
		influenceAchieved: e.influenceAchieved,
		reason: e.reason
	}));
}

/** The themes the partnership's priorities carry, for the trace's filter. */
export async function priorityThemes(actor: Actor, slug: string): Promise<string[]> {
	const ctx = await partnershipContext(actor, slug);
	const rows = await db().priority.findMany({
		where: { partnershipId: ctx.partnership.id, theme: { not: '' } },
		select: { theme: true },
		distinct: ['theme'],
		orderBy: { theme: 'asc' }
	});
	return rows.map((r) => r.theme);
}

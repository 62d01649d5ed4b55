// Traceability: how forums' priorities travel up through theme groups and the board to decisions,
// actions and plan outcomes, read from the priorities' append-only events. The flow graph (nodes and
// links), the same data as one row per priority (for the table view and CSV), stalled priorities,
// decisions no priority fed into, time from raised to decided, the priorities behind a decision and one
// priority's timeline (the table as CSV is in trace-csv.ts; the records the priorities link to are read in
// trace-linked.ts; the indicators at the end of the flow, and how they moved since each decision, in
// trace-indicators.ts). Reads only: a handful of queries per view, each selecting the columns it needs.
import { Prisma } from '../../../generated/prisma/client.ts';
import type { Actor } from '../access/index.ts';
import { bulkRead } from '../platform/index.ts';
import { db } from '../platform/index.ts';
import { partnershipContext } from '../access/index.ts';
import { parse } from '../platform/index.ts';
import type { InfluenceLevel, PriorityEventType, PriorityStatus } from '../../vocabulary.ts';

import { indicatorsByOutcome, movements, type IndicatorRecord } from './trace-indicators.ts';
import { linkedRecords } from './trace-linked.ts';
import {
	TraceQuery,
	endOf,
	short,
	startOf,
	type IndicatorSince,
	type TraceData,
	type TraceGraph,
	type TraceLink,
	type TraceNode,
	type TraceRow
} from './trace-shapes.ts';

/**
 * A time as milliseconds since 1970 (a float8, which the driver reads as a number): turning ten thousand
 * timestamps into Dates in the driver cost a tenth of the whole trace.
 */
const EPOCH_MS = (column: string) => Prisma.raw(`(extract(epoch FROM ${column}) * 1000)::float8`);

/**
 * The flow and its table. A priority is in it when it matches the forum, theme and partner, and (with a
 * period) has at least one event in the period; only events in the period make links.
 */
export async function traceData(
	actor: Actor,
	slug: string,
	query: unknown,
	want: { graph: boolean; rows: boolean } = { graph: true, rows: true }
): Promise<TraceData> {
	const ctx = await partnershipContext(actor, slug);
	const q = parse(TraceQuery, query);
	const partnershipId = ctx.partnership.id;
	const at =
		q.from || q.to
			? { gte: q.from ? startOf(q.from) : undefined, lt: q.to ? endOf(q.to) : undefined }
			: undefined;
	// Which events the views replay. With a period every type counts (a priority is in the trace when any
	// of its events falls in it); without one, the types that make no link and no column stay in the
	// database (ACTION, FEEDBACK_PUBLISHED, CLOSED and the rest: a quarter of a large partnership's events).
	const types: PriorityEventType[] | null = at
		? null
		: [
				...(want.rows ? (['RAISED'] as const) : []),
				...(['SUBMITTED', 'PASSED_ON', 'ACCEPTED', 'DECLINED', 'SCHEDULED', 'DECIDED'] as const)
			];
	// The linked records depend only on the partnership: read at the same time as the priorities, so the
	// database works on them while this process reads the events.
	const [priorities, rawEvents, bodies, linked, indicatorsOf] = await Promise.all([
		bulkRead<
			{
				id: string;
				title: string;
				theme: string;
				status: PriorityStatus;
				raisedByBodyId: string;
				currentBodyId: string;
				leadOrganisationId: string | null;
				lastEventAt: number;
			}[]
		>`
			SELECT p.id, p.title, p.theme, p.status, p."raisedByBodyId", p."currentBodyId",
				p."leadOrganisationId", ${EPOCH_MS('p."lastEventAt"')} AS "lastEventAt"
			FROM "Priority" p
			WHERE p."partnershipId" = ${partnershipId}
				${q.forum ? Prisma.sql`AND p."raisedByBodyId" = ${q.forum}` : Prisma.empty}
				${q.theme ? Prisma.sql`AND p.theme = ${q.theme}` : Prisma.empty}
			ORDER BY p."lastEventAt" DESC, p.id`,
		// Raw, and one `ref` column for the record each type of event names: ten thousand rows come back
		// several times faster than through the query engine's mapping of every column.
		bulkRead<
			{
				priorityId: string;
				type: PriorityEventType;
				ref: string | null;
				influenceDeclared: InfluenceLevel | null;
				influenceAchieved: InfluenceLevel | null;
				at: number;
			}[]
		>`
			SELECT e."priorityId", e.type,
				CASE e.type
					WHEN 'SUBMITTED' THEN e."toBodyId" WHEN 'PASSED_ON' THEN e."toBodyId"
					WHEN 'ACCEPTED' THEN e."byBodyId" WHEN 'DECLINED' THEN e."byBodyId"
					WHEN 'SCHEDULED' THEN e."agendaItemId" WHEN 'DECIDED' THEN e."decisionId"
				END AS ref,
				e."influenceDeclared", e."influenceAchieved", ${EPOCH_MS('e.at')} AS at
			FROM "PriorityEvent" e JOIN "Priority" p ON p.id = e."priorityId"
			WHERE p."partnershipId" = ${partnershipId}
				${q.forum ? Prisma.sql`AND p."raisedByBodyId" = ${q.forum}` : Prisma.empty}
				${q.theme ? Prisma.sql`AND p.theme = ${q.theme}` : Prisma.empty}
				${types ? Prisma.sql`AND e.type IN (${Prisma.join(types)})` : Prisma.empty}`,
		db().body.findMany({ where: { partnershipId }, select: { id: true, name: true } }),
		linkedRecords(partnershipId),
		indicatorsByOutcome(partnershipId, ctx.partnership.slug)
	]);
	const from = at?.gte?.getTime() ?? -Infinity;
	const to = at?.lt?.getTime() ?? Infinity;
	type Event = (typeof rawEvents)[number];
	const eventsOf = new Map<string, Event[]>();
	for (const event of rawEvents) {
		if (event.at < from || event.at >= to) continue;
		const list = eventsOf.get(event.priorityId);
		if (list) list.push(event);
		else eventsOf.set(event.priorityId, [event]);
	}
	// No ORDER BY in the query: sorting ten thousand events there cost more than the rest of the read.
	// A priority's few events are put in time order here (a stable sort keeps the stored order on ties).
	for (const list of eventsOf.values()) list.sort((a, b) => a.at - b.at);
	let kept = at ? priorities.filter((p) => eventsOf.has(p.id)) : priorities;

	// Decisions linked by a DECIDED event, and their actions: the partner filter needs the owners.
	const { decisions, actions, items, priorityOutcomes, actionOutcomes } = linked;
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
	// Without the graph (the CSV wants only the rows), nodes and links are named but not kept.
	const node = (type: TraceNode['type'], id: string, label: string) => {
		const key = `${type}:${id}`;
		if (want.graph && !nodes.has(key)) nodes.set(key, { id: key, type, label });
		return key;
	};
	const link = (source: string, target: string, type: TraceLink['type'], extra = {}) => {
		if (!want.graph) return;
		const key = `${source}>${target}>${type}`;
		if (!links.has(key)) links.set(key, { source, target, type, ...extra });
	};
	const bodyNode = (id: string) => node('body', id, bodyName.get(id) ?? 'Body');
	// One object per outcome, shared by every priority and action tagged with it (thousands of tags, a
	// handful of outcomes), rather than one per tag.
	const outcomeById = new Map<string, TraceRow['outcomes'][number]>();
	const outcomesOf = (tags: typeof priorityOutcomes) => {
		const byOwner = new Map<string, TraceRow['outcomes']>();
		for (const tag of tags) {
			let outcome = outcomeById.get(tag.id);
			if (!outcome)
				outcomeById.set(tag.id, (outcome = { id: tag.id, code: tag.code, title: tag.title }));
			const list = byOwner.get(tag.ownerId);
			if (list) list.push(outcome);
			else byOwner.set(tag.ownerId, [outcome]);
		}
		return byOwner;
	};
	const outcomesOfPriority = outcomesOf(priorityOutcomes);
	const outcomesOfAction = outcomesOf(actionOutcomes);
	// An outcome's node comes with its indicators' nodes; how each moved is added per decision below.
	const since = movements();
	const indicatorNodes = new Map<string, NonNullable<TraceNode['indicator']>>();
	const outcomesDrawn = new Set<string>();
	const outcomeNode = (o: { id: string; code: string; title: string }) => {
		const key = node('outcome', o.id, `${o.code} ${o.title}`);
		if (want.graph && !outcomesDrawn.has(key)) {
			outcomesDrawn.add(key);
			for (const i of indicatorsOf.get(o.id) ?? []) {
				const { id, plan: _plan, readings: _readings, ...shown } = i;
				const view = indicatorNodes.get(id) ?? { ...shown, since: [] };
				indicatorNodes.set(id, view);
				const iKey = `indicator:${id}`;
				if (!nodes.has(iKey))
					nodes.set(iKey, { id: iKey, type: 'indicator', label: i.name, indicator: view });
				link(key, iKey, 'indicator');
			}
		}
		return key;
	};
	/**
	 * The decision reached the outcome through one of its actions: the outcome's indicators since then,
	 * worked out once per (outcome, decision) however many priorities and actions share them.
	 */
	const served = new Map<string, { indicator: IndicatorRecord; since: IndicatorSince }[]>();
	const servedBy = (outcomeId: string, decision: { id: string; decidedOn: string }) => {
		const key = `${outcomeId} ${decision.id}`;
		const known = served.get(key);
		if (known) return known;
		const list = (indicatorsOf.get(outcomeId) ?? []).map((indicator) => ({
			indicator,
			since: since(indicator, decision.id, decision.decidedOn)
		}));
		served.set(key, list);
		for (const { indicator, since: moved } of list)
			indicatorNodes.get(indicator.id)?.since.push(moved);
		return list;
	};

	const rows: TraceRow[] = [];
	for (const p of kept) {
		const forum = node('forum', p.raisedByBodyId, bodyName.get(p.raisedByBodyId) ?? 'Forum');
		const me = node('priority', p.id, p.title);
		const own = eventsOf.get(p.id) ?? [];
		link(forum, me, 'raised');
		// Who held it at each event: replayed from the whole timeline (without a period, own is all of it).
		let holder = p.raisedByBodyId;
		let raisedAt: number | null = null;
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
		// Each indicator reached through a decision, with its movement since the earliest such decision.
		const rowIndicators = new Map<string, TraceRow['indicators'][number]>();
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
					for (const { indicator, since: moved } of servedBy(o.id, d)) {
						if (!want.rows) continue;
						const known = rowIndicators.get(indicator.id);
						if (!known?.since || known.since.decidedOn > d.decidedOn)
							rowIndicators.set(indicator.id, row(indicator, moved));
					}
				}
			}
		}
		if (!want.rows) continue;
		rows.push({
			id: p.id,
			title: p.title,
			theme: p.theme,
			forum: { id: p.raisedByBodyId, name: bodyName.get(p.raisedByBodyId) ?? '' },
			status: p.status,
			heldBy: { id: p.currentBodyId, name: bodyName.get(p.currentBodyId) ?? '' },
			raisedAt: raisedAt === null ? null : new Date(raisedAt).toISOString(),
			lastEventAt: new Date(p.lastEventAt).toISOString(),
			decisions: decided.map((e) => ({
				id: e.ref!,
				label: decisionLabel(e.ref!),
				influenceDeclared: e.influenceDeclared,
				influenceAchieved: e.influenceAchieved
			})),
			actions: rowActions,
			outcomes: [...rowOutcomes.values()],
			indicators: [...rowOutcomes.values()].flatMap((o) =>
				(indicatorsOf.get(o.id) ?? []).map((i) => rowIndicators.get(i.id) ?? row(i, null))
			)
		});
	}
	// Earliest decision first, so the first entry answers "since the community's priority was decided".
	for (const view of indicatorNodes.values())
		view.since.sort((a, b) => (earlier(a, b) ? -1 : earlier(b, a) ? 1 : 0));
	return { nodes: [...nodes.values()], links: [...links.values()], rows };
}

/** By day, then decision id: plain comparisons, as ISO days and ids sort the same in any locale. */
const earlier = (a: IndicatorSince, b: IndicatorSince) =>
	a.decidedOn < b.decidedOn || (a.decidedOn === b.decidedOn && a.decisionId < b.decisionId);

/** An indicator as a row of the table shows it. */
function row(
	i: IndicatorRecord,
	since: TraceRow['indicators'][number]['since']
): TraceRow['indicators'][number] {
	const { plan: _plan, readings: _readings, ...shown } = i;
	return { ...shown, since };
}

/** `GET …/trace`: the flow graph only. */
export async function traceGraph(actor: Actor, slug: string, query: unknown): Promise<TraceGraph> {
	const { nodes, links } = await traceData(actor, slug, query, { graph: true, rows: false });
	return { nodes, links };
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

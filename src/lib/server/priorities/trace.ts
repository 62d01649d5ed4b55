// Traceability: how forums' priorities travel up through theme groups and the board to decisions,
// actions and plan outcomes, read from the priorities' append-only events. The flow graph (nodes and
// links), the same data as one row per priority (for the table view and CSV), stalled priorities,
// decisions no priority fed into, time from raised to decided, the priorities behind a decision and one
// priority's timeline (the table as CSV is in trace-csv.ts; what the trace reads, all at once, in
// trace-read.ts; the records the priorities link to in trace-linked.ts; the indicators at the end of the
// flow, and how they moved since each decision, in trace-indicators.ts). Reads only.
import type { Actor } from '../access/index.ts';
import { db } from '../platform/index.ts';
import { partnershipContext } from '../access/index.ts';
import { parse } from '../platform/index.ts';
import type { InfluenceLevel } from '../../vocabulary.ts';
import { movements, type IndicatorRecord } from './trace-indicators.ts';
import { FlowGraph } from './trace-flow.ts';
import { ACHIEVED, AT, DECLARED, readTrace, REF, TYPE } from './trace-read.ts';
import {
	TraceQuery,
	endOf,
	short,
	startOf,
	type IndicatorSince,
	type TraceData,
	type TraceGraph,
	type TraceNode,
	type TraceOverdue,
	type TraceRow
} from './trace-shapes.ts';
import {
	influenceGap,
	influenceWords,
	isOverdue,
	noPromise,
	type InfluencePromise
} from '../../influence.ts';
import { dayInUk } from '../../dates.ts';
import { now } from '../platform/index.ts';

/** The link each move between bodies draws, from the priority to the body that holds it afterwards. */
const ROUTE_LINK = {
	SUBMITTED: 'submitted',
	PASSED_ON: 'passed_on',
	PASSED_SIDEWAYS: 'passed_sideways',
	REFERRED_DOWN: 'referred_down'
} as const;

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
	const at =
		q.from || q.to
			? { gte: q.from ? startOf(q.from) : undefined, lt: q.to ? endOf(q.to) : undefined }
			: undefined;
	const { priorities, eventsOf, promises, bodies, linked, indicatorsOf } = await readTrace(
		ctx.partnership,
		{ forum: q.forum, theme: q.theme, at },
		want
	);
	let kept = at ? priorities.filter((p) => eventsOf.has(p.id)) : priorities;
	const NO_PROMISE = noPromise();
	const promiseOf = (id: string) => promises.get(id) ?? NO_PROMISE;

	// Decisions linked by a DECIDED event, and their actions: the partner filter needs the owners.
	const { decisions, actions, items, outcomesNamed } = linked;
	const decisionById = new Map(decisions.map((d) => [d.id, d]));
	const actionsOf = new Map<string, typeof actions>();
	for (const a of actions) {
		const list = actionsOf.get(a.decisionId);
		if (list) list.push(a);
		else actionsOf.set(a.decisionId, [a]);
	}
	/**
	 * A priority's DECIDED events naming a decision of the partnership, in time order, each with the promise
	 * it answered: the acceptance's, or (records made before the promise moved to the acceptance) the level
	 * declared on the DECIDED event itself, read as the promise so nothing entered then is lost.
	 */
	const decisionsOf = (priorityId: string, promised: InfluenceLevel | null) => {
		const decided: {
			decisionId: string;
			influenceDeclared: InfluenceLevel | null;
			influenceAchieved: InfluenceLevel | null;
		}[] = [];
		for (const e of eventsOf.get(priorityId) ?? []) {
			const ref = e[REF];
			if (e[TYPE] === 'DECIDED' && ref !== null && decisionById.has(ref))
				decided.push({
					decisionId: ref,
					influenceDeclared: e[DECLARED] ?? promised,
					influenceAchieved: e[ACHIEVED]
				});
		}
		return decided;
	};
	if (q.partner) {
		const partner = q.partner;
		kept = kept.filter(
			(p) =>
				p.leadOrganisationId === partner ||
				decisionsOf(p.id, promiseOf(p.id).promised).some((e) =>
					(actionsOf.get(e.decisionId) ?? []).some((a) => a.ownerOrganisationId === partner)
				)
		);
	}

	const bodyName = new Map(bodies.map((b) => [b.id, b.name]));
	const itemTitle = new Map(items.map((i) => [i.id, i.title]));
	// A decision's label is asked for by every priority it decided: worked out once.
	const labels = new Map<string, string>();
	const decisionLabel = (id: string) => {
		let label = labels.get(id);
		if (label === undefined) {
			const d = decisionById.get(id)!;
			labels.set(id, (label = short(d.wording || itemTitle.get(d.agendaItemId) || 'Decision')));
		}
		return label;
	};

	const flow = new FlowGraph(want.graph);
	const bodyLabel = (id: string) => bodyName.get(id) ?? 'Body';
	const forumLabel = (id: string) => bodyName.get(id) ?? 'Forum';
	const itemLabel = (id: string) => itemTitle.get(id)!;
	const bodyNode = (id: string) => flow.node('body', id, bodyLabel);
	const itemNode = (id: string) => flow.node('agendaItem', id, itemLabel);
	// An outcome's node comes with its indicators' nodes; how each moved is added per decision below.
	const since = movements();
	const indicatorNodes = new Map<string, NonNullable<TraceNode['indicator']>>();
	const outcomeNode = (o: { id: string; code: string; title: string }) => {
		const drawn = flow.has('outcome', o.id);
		const ref = flow.node('outcome', o.id, () => `${o.code} ${o.title}`);
		if (!flow.keeps || drawn) return ref;
		for (const i of indicatorsOf.get(o.id) ?? []) {
			const { id, plan: _plan, readings: _readings, ...shown } = i;
			const view = indicatorNodes.get(id) ?? { ...shown, since: [] };
			indicatorNodes.set(id, view);
			flow.link(
				ref,
				flow.node('indicator', id, () => i.name, { indicator: view }),
				'indicator'
			);
		}
		return ref;
	};
	/**
	 * The decision reached the outcome through one of its actions: the outcome's indicators since then,
	 * worked out once per (outcome, decision) however many priorities and actions share them.
	 */
	const served = new Map<
		string,
		Map<string, { indicator: IndicatorRecord; since: IndicatorSince }[]>
	>();
	const servedBy = (outcomeId: string, decision: { id: string; decidedOn: string }) => {
		let ofDecision = served.get(decision.id);
		if (!ofDecision) served.set(decision.id, (ofDecision = new Map()));
		const known = ofDecision.get(outcomeId);
		if (known) return known;
		const list = (indicatorsOf.get(outcomeId) ?? []).map((indicator) => ({
			indicator,
			since: since(indicator, decision.id, decision.decidedOn)
		}));
		ofDecision.set(outcomeId, list);
		for (const { indicator, since: moved } of list)
			indicatorNodes.get(indicator.id)?.since.push(moved);
		return list;
	};

	const today = dayInUk(now());
	const overdueOf = (p: InfluencePromise) => isOverdue(p, today);
	const overdue: TraceOverdue[] = [];
	const rows: TraceRow[] = [];
	for (const p of kept) {
		const promised = promiseOf(p.id);
		if (overdueOf(promised))
			overdue.push({
				id: p.id,
				title: p.title,
				forum: { id: p.raisedByBodyId, name: bodyName.get(p.raisedByBodyId) ?? '' },
				promised: promised.promised,
				hearBackBy: promised.hearBackBy!
			});
		const forum = flow.node('forum', p.raisedByBodyId, forumLabel);
		const me = flow.node('priority', p.id, () => p.title);
		const own = eventsOf.get(p.id) ?? [];
		flow.link(forum, me, 'raised');
		// Who held it at each event: replayed from the whole timeline (without a period, own is all of it).
		let holder = p.raisedByBodyId;
		let raisedAt: number | null = null;
		let acceptedAt: number | null = null;
		for (const e of own) {
			const type = e[TYPE];
			const ref = e[REF];
			switch (type) {
				case 'RAISED':
					raisedAt = e[AT];
					break;
				case 'RESPONSE_ACCEPTED':
					acceptedAt = e[AT];
					break;
				case 'MATTER_ARISING':
					acceptedAt = null;
					break;
				case 'SUBMITTED':
				case 'PASSED_ON':
				case 'PASSED_SIDEWAYS':
				case 'REFERRED_DOWN':
					if (ref) {
						holder = ref;
						flow.link(me, bodyNode(holder), ROUTE_LINK[type]);
					}
					break;
				case 'ACCEPTED':
					flow.link(me, bodyNode(ref ?? holder), 'accepted');
					break;
				case 'DECLINED':
					flow.link(me, bodyNode(ref ?? holder), 'declined');
					holder = p.raisedByBodyId;
					break;
				case 'SCHEDULED':
					if (ref && itemTitle.has(ref)) flow.link(me, itemNode(ref), 'scheduled');
					break;
			}
		}
		const promise = promiseOf(p.id);
		const decided = decisionsOf(p.id, promise.promised);
		const tagged = outcomesNamed(p.outcomeIds);
		for (const o of tagged) flow.link(me, outcomeNode(o), 'outcome');
		// For the row (not wanted by the graph alone): its outcomes, and each indicator reached through a
		// decision with its movement since the earliest such decision.
		const rowOutcomes = want.rows ? new Map(tagged.map((o) => [o.id, o])) : null;
		const rowIndicators = new Map<string, TraceRow['indicators'][number]>();
		for (const e of decided) {
			const d = decisionById.get(e.decisionId)!;
			const dn = flow.node('decision', d.id, decisionLabel);
			flow.link(me, dn, 'decided', {
				influenceDeclared: e.influenceDeclared,
				influenceAchieved: e.influenceAchieved,
				influenceGap: influenceGap(e.influenceDeclared, e.influenceAchieved)
			});
			if (itemTitle.has(d.agendaItemId)) flow.link(itemNode(d.agendaItemId), dn, 'decided_on');
			for (const a of actionsOf.get(d.id) ?? []) {
				const an = flow.node('action', a.id, () => short(a.text));
				flow.link(dn, an, 'action');
				for (const o of a.outcomes) {
					flow.link(an, outcomeNode(o), 'outcome');
					const reached = servedBy(o.id, d);
					if (!rowOutcomes) continue;
					rowOutcomes.set(o.id, o);
					for (const { indicator, since: moved } of reached) {
						const known = rowIndicators.get(indicator.id);
						if (!known?.since || known.since.decidedOn > d.decidedOn)
							rowIndicators.set(indicator.id, row(indicator, moved));
					}
				}
			}
		}
		if (!rowOutcomes) continue;
		rows.push({
			id: p.id,
			title: p.title,
			theme: p.theme!,
			forum: { id: p.raisedByBodyId, name: bodyName.get(p.raisedByBodyId) ?? '' },
			status: p.status!,
			heldBy: { id: p.currentBodyId!, name: bodyName.get(p.currentBodyId!) ?? '' },
			raisedAt: raisedAt === null ? null : new Date(raisedAt).toISOString(),
			lastEventAt: new Date(p.lastEventAt!).toISOString(),
			responseAcceptedAt: acceptedAt === null ? null : new Date(acceptedAt).toISOString(),
			decisions: decided.map((e) => ({
				id: e.decisionId,
				label: decisionLabel(e.decisionId),
				influenceDeclared: e.influenceDeclared,
				influenceAchieved: e.influenceAchieved,
				influenceGap: influenceGap(e.influenceDeclared, e.influenceAchieved),
				influenceWords: influenceWords(e.influenceDeclared, e.influenceAchieved)
			})),
			promise: {
				promised: promise.promised,
				hearBackBy: promise.hearBackBy,
				overdue: overdueOf(promise)
			},
			actions: decided.flatMap((e) =>
				(actionsOf.get(e.decisionId) ?? []).map((a) => ({
					id: a.id,
					text: a.text,
					status: a.status
				}))
			),
			outcomes: [...rowOutcomes.values()],
			indicators: [...rowOutcomes.values()].flatMap((o) =>
				(indicatorsOf.get(o.id) ?? []).map((i) => rowIndicators.get(i.id) ?? row(i, null))
			)
		});
	}
	// Earliest decision first, so the first entry answers "since the community's priority was decided".
	for (const view of indicatorNodes.values())
		view.since.sort((a, b) => (earlier(a, b) ? -1 : earlier(b, a) ? 1 : 0));
	// Longest overdue first.
	overdue.sort(
		(a, b) => a.hearBackBy.localeCompare(b.hearBackBy) || a.title.localeCompare(b.title)
	);
	return { ...flow.graph(), overdue, rows };
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
	const { nodes, links, overdue } = await traceData(actor, slug, query, {
		graph: true,
		rows: false
	});
	return { nodes, links, overdue };
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

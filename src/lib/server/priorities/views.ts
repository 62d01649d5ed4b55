// How priorities and their timelines are shown: names for the bodies, people, items, decisions and actions
// their events point at, read in a few queries for any number of rows.
import { z } from 'zod';
import type { Db, Tx } from '../platform/index.ts';
import { keyOf } from '../platform/index.ts';
import { organisationsOf, userNames } from '../meetings/index.ts';
import {
	DECISION_OUTCOMES,
	ENGAGEMENT_METHODS,
	ENGAGEMENT_STANDARDS,
	INFLUENCE_LEVELS,
	OUTCOME_KINDS,
	PRIORITY_EVENT_TYPES,
	PRIORITY_STATUSES,
	type EngagementStandard
} from '../../vocabulary.ts';

import {
	INFLUENCE_GAPS,
	influenceGap,
	influenceWords,
	isOverdue,
	promiseOf,
	type PromiseEvent
} from '../../influence.ts';

type Reader = Db | Tx;

export const OutcomeView = z.object({
	id: z.string(),
	kind: keyOf(OUTCOME_KINDS),
	code: z.string(),
	title: z.string(),
	bodyId: z.string().nullable()
});
export type OutcomeView = z.infer<typeof OutcomeView>;

export const PriorityView = z.object({
	id: z.string(),
	title: z.string(),
	said: z.string(),
	area: z.string(),
	theme: z.string(),
	engagement: z.object({
		method: keyOf(ENGAGEMENT_METHODS),
		from: z.iso.date().nullable(),
		to: z.iso.date().nullable(),
		participants: z.number().nullable(),
		groupsReached: z.string(),
		groupsNotReached: z.string(),
		standardsMet: z.array(keyOf(ENGAGEMENT_STANDARDS))
	}),
	status: keyOf(PRIORITY_STATUSES),
	raisedBy: z.object({ id: z.string(), name: z.string() }),
	heldBy: z.object({ id: z.string(), name: z.string() }),
	leadOrganisation: z.object({ id: z.string(), name: z.string() }).nullable(),
	outcomes: z.array(OutcomeView),
	createdById: z.string(),
	createdAt: z.iso.datetime(),
	lastEventAt: z.iso.datetime()
});
export type PriorityView = z.infer<typeof PriorityView>;

/** The influence promised on acceptance against the influence achieved on decision. */
export const InfluenceView = z.object({
	promised: keyOf(INFLUENCE_LEVELS).nullable(),
	/** The day the forum will hear back by, from the latest acceptance. */
	hearBackBy: z.iso.date().nullable(),
	achieved: keyOf(INFLUENCE_LEVELS).nullable(),
	gap: keyOf(INFLUENCE_GAPS).nullable(),
	/** "Promised: Involve; achieved: Consult — less than promised". */
	words: z.string(),
	/** The hear-back day has passed with no decision, decline or published response since. */
	overdue: z.boolean()
});
export type InfluenceView = z.infer<typeof InfluenceView>;

/** A priority's promise and what came of it, from its events (oldest first), as of `today` (a UK day). */
export function influenceView(events: readonly PromiseEvent[], today: string): InfluenceView {
	const p = promiseOf(events);
	return {
		promised: p.promised,
		hearBackBy: p.hearBackBy,
		achieved: p.achieved,
		gap: influenceGap(p.promised, p.achieved),
		words: influenceWords(p.promised, p.achieved),
		overdue: isOverdue(p, today)
	};
}

const Named = z.object({ id: z.string(), name: z.string() }).nullable();

export const PriorityEventView = z.object({
	id: z.string(),
	type: keyOf(PRIORITY_EVENT_TYPES),
	label: z.string(),
	recordedBy: z.object({ id: z.string(), name: z.string() }),
	byBody: Named,
	toBody: Named,
	agendaItem: z
		.object({
			id: z.string(),
			title: z.string(),
			meetingId: z.string(),
			meetingTitle: z.string(),
			meetingStartsAt: z.iso.datetime()
		})
		.nullable(),
	decision: z
		.object({
			id: z.string(),
			itemTitle: z.string(),
			wording: z.string(),
			outcome: keyOf(DECISION_OUTCOMES)
		})
		.nullable(),
	action: z.object({ id: z.string(), text: z.string() }).nullable(),
	leadOrganisation: Named,
	influenceDeclared: keyOf(INFLUENCE_LEVELS).nullable(),
	influenceAchieved: keyOf(INFLUENCE_LEVELS).nullable(),
	/** ACCEPTED: the day the forum will hear back by. */
	hearBackBy: z.iso.date().nullable(),
	reason: z.string(),
	at: z.iso.datetime()
});
export type PriorityEventView = z.infer<typeof PriorityEventView>;

export const PriorityFileView = z.object({
	id: z.string(),
	name: z.string(),
	type: z.string(),
	size: z.number(),
	addedById: z.string(),
	addedAt: z.iso.datetime()
});
export type PriorityFileView = z.infer<typeof PriorityFileView>;

type PriorityRow = NonNullable<Awaited<ReturnType<Db['priority']['findFirst']>>>;
type EventRow = NonNullable<Awaited<ReturnType<Db['priorityEvent']['findFirst']>>>;
type FileRow = NonNullable<Awaited<ReturnType<Db['priorityFile']['findFirst']>>>;

const day = (at: Date | null) => at?.toISOString().slice(0, 10) ?? null;

async function bodyNames(reader: Reader, ids: Iterable<string>) {
	const rows = await reader.body.findMany({
		where: { id: { in: [...new Set(ids)] } },
		select: { id: true, name: true }
	});
	return new Map(rows.map((r) => [r.id, r.name]));
}

export async function priorityViews(reader: Reader, rows: PriorityRow[]): Promise<PriorityView[]> {
	if (!rows.length) return [];
	const partnershipId = rows[0].partnershipId;
	const [bodies, organisations, tags] = await Promise.all([
		bodyNames(
			reader,
			rows.flatMap((r) => [r.raisedByBodyId, r.currentBodyId])
		),
		organisationsOf(
			reader,
			partnershipId,
			rows.flatMap((r) => r.leadOrganisationId ?? [])
		),
		reader.priorityOutcome.findMany({
			where: { priorityId: { in: rows.map((r) => r.id) } },
			include: { outcome: true },
			orderBy: { outcome: { code: 'asc' } }
		})
	]);
	return rows.map((row) => {
		const lead = row.leadOrganisationId ? organisations.get(row.leadOrganisationId) : undefined;
		return {
			id: row.id,
			title: row.title,
			said: row.said,
			area: row.area,
			theme: row.theme,
			engagement: {
				method: row.engagementMethod,
				from: day(row.engagementFrom),
				to: day(row.engagementTo),
				participants: row.participants,
				groupsReached: row.groupsReached,
				groupsNotReached: row.groupsNotReached,
				standardsMet: row.standardsMet as EngagementStandard[]
			},
			status: row.status,
			raisedBy: { id: row.raisedByBodyId, name: bodies.get(row.raisedByBodyId) ?? '' },
			heldBy: { id: row.currentBodyId, name: bodies.get(row.currentBodyId) ?? '' },
			leadOrganisation: lead ? { id: lead.id, name: lead.name } : null,
			outcomes: tags
				.filter((t) => t.priorityId === row.id)
				.map(({ outcome: o }) => ({
					id: o.id,
					kind: o.kind,
					code: o.code,
					title: o.title,
					bodyId: o.bodyId
				})),
			createdById: row.createdById,
			createdAt: row.createdAt.toISOString(),
			lastEventAt: row.lastEventAt.toISOString()
		};
	});
}

export async function eventViews(
	reader: Reader,
	partnershipId: string,
	rows: EventRow[]
): Promise<PriorityEventView[]> {
	const some = <T>(pick: (r: EventRow) => T | null) => rows.flatMap((r) => pick(r) ?? []);
	const [bodies, users, organisations, items, decisions, actions] = await Promise.all([
		bodyNames(reader, [...some((r) => r.byBodyId), ...some((r) => r.toBodyId)]),
		userNames(
			reader,
			rows.map((r) => r.recordedById)
		),
		organisationsOf(
			reader,
			partnershipId,
			some((r) => r.leadOrganisationId)
		),
		reader.agendaItem.findMany({
			where: { id: { in: some((r) => r.agendaItemId) } },
			select: {
				id: true,
				title: true,
				meeting: { select: { id: true, title: true, startsAt: true } }
			}
		}),
		reader.decision.findMany({
			where: { id: { in: some((r) => r.decisionId) } },
			select: {
				id: true,
				agendaItemId: true,
				versions: {
					orderBy: { version: 'desc' },
					take: 1,
					select: { wording: true, outcome: true }
				}
			}
		}),
		reader.action.findMany({
			where: { id: { in: some((r) => r.actionId) } },
			select: { id: true, text: true }
		})
	]);
	const decisionItems = await reader.agendaItem.findMany({
		where: { id: { in: decisions.map((d) => d.agendaItemId) } },
		select: { id: true, title: true }
	});
	const itemOf = new Map(items.map((i) => [i.id, i]));
	const decisionOf = new Map(decisions.map((d) => [d.id, d]));
	const itemTitle = new Map(decisionItems.map((i) => [i.id, i.title]));
	const actionOf = new Map(actions.map((a) => [a.id, a]));
	const named = (id: string | null, names: Map<string, string>) =>
		id ? { id, name: names.get(id) ?? '' } : null;
	return rows.map((row) => {
		const item = row.agendaItemId ? itemOf.get(row.agendaItemId) : undefined;
		const decision = row.decisionId ? decisionOf.get(row.decisionId) : undefined;
		const lead = row.leadOrganisationId ? organisations.get(row.leadOrganisationId) : undefined;
		return {
			id: row.id,
			type: row.type,
			label: PRIORITY_EVENT_TYPES[row.type],
			recordedBy: { id: row.recordedById, name: users.get(row.recordedById) ?? '' },
			byBody: named(row.byBodyId, bodies),
			toBody: named(row.toBodyId, bodies),
			agendaItem: item
				? {
						id: item.id,
						title: item.title,
						meetingId: item.meeting.id,
						meetingTitle: item.meeting.title,
						meetingStartsAt: item.meeting.startsAt.toISOString()
					}
				: null,
			decision: decision
				? {
						id: decision.id,
						itemTitle: itemTitle.get(decision.agendaItemId) ?? '',
						wording: decision.versions[0]?.wording ?? '',
						outcome: decision.versions[0]?.outcome ?? 'AGREED'
					}
				: null,
			action: row.actionId ? (actionOf.get(row.actionId) ?? null) : null,
			leadOrganisation: lead ? { id: lead.id, name: lead.name } : null,
			influenceDeclared: row.influenceDeclared,
			influenceAchieved: row.influenceAchieved,
			hearBackBy: day(row.hearBackBy),
			reason: row.reason,
			at: row.at.toISOString()
		};
	});
}

export function fileView(row: FileRow): PriorityFileView {
	return {
		id: row.id,
		name: row.name,
		type: row.type,
		size: row.size,
		addedById: row.addedById,
		addedAt: row.addedAt.toISOString()
	};
}

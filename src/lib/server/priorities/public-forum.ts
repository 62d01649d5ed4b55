// What the public may see of a forum's priorities without signing in: the published "we asked / you said /
// we did" responses, for the forum's public page and as JSON for councils' own websites. Like minutes/public-record.ts,
// every query is its own and asks only for what is public. A priority appears only through a published
// response (its title, nothing else of it), or on its forum's page once the day the forum was promised it
// would hear back by has passed unanswered (its title, who holds it, the promise and the day: the loop the
// forum is owed); drafts, and other priorities with no published response, never do.
// A decision is named only when the decisions register shows it (its meeting's agenda issued, its item
// not taken in private); otherwise the response stands on the officer's published words alone.
import { z } from 'zod';
import { db } from '../platform/index.ts';
import { NotFound } from '../platform/index.ts';
import { ChangedVerdict, FirstVerdict, verdictHistory } from './responses.ts';
import { PUBLISHED_MEETING } from '../minutes/index.ts';
import { restrictedTextOf, withholdRestricted } from '../access/index.ts';
import { BODY_KINDS, DECISION_OUTCOMES } from '../../vocabulary.ts';
import type { Prisma } from '../../../generated/prisma/client.ts';
import { now } from '../platform/index.ts';
import { dayInUk } from '../../dates.ts';
import { influence } from './trace-shapes.ts';
import { PublicRoute, publicRoutes } from './public-routes.ts';
import {
	INFLUENCE_GAPS,
	influenceGap,
	influenceWords,
	isOverdue,
	promiseOf,
	type InfluenceGap,
	type InfluencePromise,
	type PromiseEvent
} from '../../influence.ts';

/** Kinds of body listed among the forums even before they have a published response. */
const FORUM_KINDS = ['LOCALITY_FORUM', 'COMMUNITY_COUNCIL'] as const;

export const PublicResponse = z.object({
	id: z.string(),
	priorityId: z.string(),
	forum: z.object({ id: z.string(), name: z.string() }),
	/** The priority's title. */
	title: z.string(),
	weAsked: z.string(),
	youSaid: z.string(),
	weDid: z.string(),
	nextSteps: z.string(),
	/** The day by which the forum will hear again, if one was given. */
	hearAgainBy: z.iso.date().nullable(),
	publishedAt: z.iso.datetime(),
	/** The decision it answers as the register shows it (latest version); null if not on the register. */
	decision: z
		.object({
			id: z.string(),
			outcome: z.enum(Object.keys(DECISION_OUTCOMES) as [keyof typeof DECISION_OUTCOMES]),
			decidedAt: z.iso.datetime()
		})
		.nullable(),
	/**
	 * The influence the forum was promised when its priority was accepted, the influence the decision
	 * records it had, and the difference in words ("Promised: Involve; achieved: Consult — less than promised").
	 */
	influence: z.object({
		promised: influence.nullable(),
		achieved: influence.nullable(),
		gap: z.enum(Object.keys(INFLUENCE_GAPS) as [InfluenceGap]).nullable(),
		words: z.string()
	}),
	/** The forum's answer to the response, once given. */
	verdict: z.enum(['ACCEPTED', 'CONTESTED']).nullable(),
	/** The forum's note with its verdict; null until it gives one. */
	verdictNote: z.string().nullable(),
	/** The forum's first verdict with its date, kept when it is changed. */
	firstVerdict: FirstVerdict.nullable(),
	/** The forum's one change of verdict, with its date and reason; null unless it changed it. */
	changedVerdict: ChangedVerdict.nullable()
});
export type PublicResponse = z.infer<typeof PublicResponse>;

export const PublicForumSummary = z.object({
	id: z.string(),
	name: z.string(),
	kind: z.enum(Object.keys(BODY_KINDS) as [keyof typeof BODY_KINDS]),
	/** How many published responses it has had. */
	responses: z.number()
});
export type PublicForumSummary = z.infer<typeof PublicForumSummary>;

export const PublicForum = PublicForumSummary.omit({ responses: true }).extend({
	partnership: z.object({ slug: z.string(), name: z.string() }),
	remit: z.string(),
	/** The body it submits its priorities to. */
	reportsTo: z.string().nullable(),
	responses: z.array(PublicResponse),
	/**
	 * Its priorities whose hear-back-by day has passed with no decision, decline or published response
	 * since they were accepted, longest overdue first.
	 */
	overdue: z.array(
		z.object({
			priorityId: z.string(),
			title: z.string(),
			/** The body holding it now. */
			heldBy: z.string(),
			promised: influence.nullable(),
			hearBackBy: z.iso.date()
		})
	),
	/** Of the priorities above, those passed sideways or referred down, with the reason, oldest first. */
	routes: z.array(PublicRoute)
});
export type PublicForum = z.infer<typeof PublicForum>;

async function partnershipOf(slug: string) {
	const partnership = await db().partnership.findUnique({
		where: { slug },
		select: { id: true, slug: true, name: true }
	});
	if (!partnership) throw new NotFound('partnership');
	return partnership;
}

/** Published responses on priorities raised by the partnership's bodies (or by one), newest first. */
async function publishedResponses(partnershipId: string, bodyId?: string) {
	const rows = await db().feedback.findMany({
		where: {
			status: 'PUBLISHED',
			publishedAt: { not: null },
			priority: { partnershipId, ...(bodyId ? { raisedByBodyId: bodyId } : {}) }
		},
		select: {
			id: true,
			decisionId: true,
			weAsked: true,
			youSaid: true,
			weDid: true,
			nextSteps: true,
			hearAgainBy: true,
			publishedAt: true,
			verdict: true,
			verdictNote: true,
			verdictAt: true,
			firstVerdict: true,
			firstVerdictNote: true,
			firstVerdictAt: true,
			verdictChangeReason: true,
			priority: { select: { id: true, title: true, raisedByBodyId: true } }
		},
		orderBy: [{ publishedAt: 'desc' }, { id: 'asc' }]
	});
	const decisionIds = rows.flatMap((r) => r.decisionId ?? []);
	const [forums, decisions, restricted, promises] = await Promise.all([
		db().body.findMany({
			where: {
				partnershipId,
				id: { in: [...new Set(rows.map((r) => r.priority.raisedByBodyId))] }
			},
			select: { id: true, name: true }
		}),
		registeredDecisions(partnershipId, decisionIds),
		// A response drafted before the rule, or edited by hand, may still name a restricted paper.
		db()
			.decision.findMany({ where: { id: { in: decisionIds } }, select: { meetingId: true } })
			.then((found) => restrictedTextOf(found.map((d) => d.meetingId))),
		promisesOf({ id: { in: [...new Set(rows.map((r) => r.priority.id))] } })
	]);
	const shown = (text: string) => withholdRestricted(text, restricted);
	const forum = new Map(forums.map((f) => [f.id, f]));
	return rows.flatMap((r): PublicResponse[] => {
		const raisedBy = forum.get(r.priority.raisedByBodyId);
		if (!raisedBy || !r.publishedAt) return [];
		return [
			{
				id: r.id,
				priorityId: r.priority.id,
				forum: raisedBy,
				title: r.priority.title,
				weAsked: shown(r.weAsked),
				youSaid: shown(r.youSaid),
				weDid: shown(r.weDid),
				nextSteps: shown(r.nextSteps),
				hearAgainBy: r.hearAgainBy?.toISOString().slice(0, 10) ?? null,
				publishedAt: r.publishedAt.toISOString(),
				decision: (r.decisionId && decisions.get(r.decisionId)) || null,
				influence: influenceOf(promises.get(r.priority.id)),
				verdict: r.verdict,
				verdictNote: r.verdict ? r.verdictNote : null,
				...verdictHistory(r)
			}
		];
	});
}

/** The events that make or answer a promise: what the influence and overdue lists replay. */
const PROMISE_EVENTS = ['ACCEPTED', 'DECIDED', 'DECLINED', 'FEEDBACK_PUBLISHED', 'CLOSED'] as const;

/** Each priority's promise and what came of it, replayed from its events (one query). */
async function promisesOf(where: Prisma.PriorityWhereInput) {
	const events = await db().priorityEvent.findMany({
		where: { priority: where, type: { in: [...PROMISE_EVENTS] } },
		select: {
			priorityId: true,
			type: true,
			influenceDeclared: true,
			influenceAchieved: true,
			hearBackBy: true
		},
		orderBy: [{ priorityId: 'asc' }, { at: 'asc' }, { id: 'asc' }]
	});
	const byPriority = new Map<string, PromiseEvent[]>();
	for (const e of events) {
		const list = byPriority.get(e.priorityId) ?? [];
		list.push({ ...e, hearBackBy: e.hearBackBy?.toISOString().slice(0, 10) ?? null });
		byPriority.set(e.priorityId, list);
	}
	return new Map([...byPriority].map(([id, list]) => [id, promiseOf(list)]));
}

function influenceOf(p: InfluencePromise | undefined): PublicResponse['influence'] {
	const promised = p?.promised ?? null;
	const achieved = p?.achieved ?? null;
	return {
		promised,
		achieved,
		gap: influenceGap(promised, achieved),
		words: influenceWords(promised, achieved)
	};
}

/** A forum's priorities whose hear-back-by day has passed unanswered, longest overdue first. */
async function overduePriorities(partnershipId: string, bodyId: string) {
	const promises = await promisesOf({ partnershipId, raisedByBodyId: bodyId });
	const today = dayInUk(now());
	const late = [...promises].filter(([, p]) => isOverdue(p, today));
	if (!late.length) return [];
	const priorities = await db().priority.findMany({
		where: { id: { in: late.map(([id]) => id) } },
		select: { id: true, title: true, currentBodyId: true }
	});
	const holders = new Map(
		(
			await db().body.findMany({
				where: { id: { in: priorities.map((p) => p.currentBodyId) } },
				select: { id: true, name: true }
			})
		).map((b) => [b.id, b.name])
	);
	const promise = new Map(late);
	return priorities
		.map((p) => ({
			priorityId: p.id,
			title: p.title,
			heldBy: holders.get(p.currentBodyId) ?? '',
			promised: promise.get(p.id)!.promised,
			hearBackBy: promise.get(p.id)!.hearBackBy!
		}))
		.sort((a, b) => a.hearBackBy.localeCompare(b.hearBackBy) || a.title.localeCompare(b.title));
}

/** Of the given decisions, those the public decisions register shows, as it shows them. */
async function registeredDecisions(partnershipId: string, ids: string[]) {
	if (!ids.length) return new Map<string, NonNullable<PublicResponse['decision']>>();
	const decisions = await db().decision.findMany({
		where: { id: { in: ids }, partnershipId, meeting: PUBLISHED_MEETING },
		select: {
			id: true,
			agendaItemId: true,
			versions: {
				orderBy: { version: 'desc' },
				take: 1,
				select: { outcome: true, recordedAt: true }
			}
		}
	});
	const open = new Set(
		(
			await db().agendaItem.findMany({
				where: { id: { in: decisions.map((d) => d.agendaItemId) }, private: false },
				select: { id: true }
			})
		).map((i) => i.id)
	);
	return new Map(
		decisions
			.filter((d) => open.has(d.agendaItemId) && d.versions.length)
			.map((d) => [
				d.id,
				{
					id: d.id,
					outcome: d.versions[0].outcome,
					decidedAt: d.versions[0].recordedAt.toISOString()
				}
			])
	);
}

/**
 * The bodies listed as forums: locality forums and community councils, and any other body with a
 * published response; forums first by name.
 */
export async function listPublicForums(slug: string): Promise<PublicForumSummary[]> {
	const partnership = await partnershipOf(slug);
	const [bodies, published] = await Promise.all([
		db().body.findMany({
			where: { partnershipId: partnership.id },
			select: { id: true, name: true, kind: true },
			orderBy: [{ name: 'asc' }, { id: 'asc' }]
		}),
		db().feedback.findMany({
			where: {
				status: 'PUBLISHED',
				publishedAt: { not: null },
				priority: { partnershipId: partnership.id }
			},
			select: { priority: { select: { raisedByBodyId: true } } }
		})
	]);
	const count = new Map<string, number>();
	for (const { priority } of published)
		count.set(priority.raisedByBodyId, (count.get(priority.raisedByBodyId) ?? 0) + 1);
	return bodies
		.filter((b) => (FORUM_KINDS as readonly string[]).includes(b.kind) || count.has(b.id))
		.map((b) => ({ ...b, responses: count.get(b.id) ?? 0 }));
}

/**
 * A body's public page. Every body of the partnership has one (any body may raise priorities; its name and
 * remit are public already); another partnership's body, or no body, is not found.
 */
export async function getPublicForum(slug: string, bodyId: string): Promise<PublicForum> {
	const partnership = await partnershipOf(slug);
	const body = await db().body.findFirst({
		where: { id: bodyId, partnershipId: partnership.id },
		select: { id: true, name: true, kind: true, remit: true, parent: { select: { name: true } } }
	});
	if (!body) throw new NotFound('forum');
	const [responses, overdue] = await Promise.all([
		publishedResponses(partnership.id, body.id),
		overduePriorities(partnership.id, body.id)
	]);
	return {
		id: body.id,
		name: body.name,
		kind: body.kind,
		remit: body.remit,
		reportsTo: body.parent?.name ?? null,
		partnership: { slug: partnership.slug, name: partnership.name },
		responses,
		overdue,
		routes: await publicRoutes(partnership.id, [...responses, ...overdue])
	};
}

/** Published responses for other websites: one forum's (not found unless it is this partnership's), or all. */
export async function listPublicResponses(
	slug: string,
	bodyId?: string
): Promise<PublicResponse[]> {
	const partnership = await partnershipOf(slug);
	if (bodyId) {
		const body = await db().body.findFirst({
			where: { id: bodyId, partnershipId: partnership.id },
			select: { id: true }
		});
		if (!body) throw new NotFound('forum');
	}
	return publishedResponses(partnership.id, bodyId);
}

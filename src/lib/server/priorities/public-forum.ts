// What the public may see of a forum's priorities without signing in: the published "we asked / you said /
// we did" responses, for the forum's public page and as JSON for councils' own websites. Like minutes/public-record.ts,
// every query is its own and asks only for what is public. A priority appears only through a published
// response (its title, nothing else of it); drafts, and priorities with no published response, never do.
// A decision is named only when the decisions register shows it (its meeting's agenda issued, its item
// not taken in private); otherwise the response stands on the officer's published words alone.
import { z } from 'zod';
import { db } from '../platform/index.ts';
import { NotFound } from '../platform/index.ts';
import { ChangedVerdict, FirstVerdict, verdictHistory } from './responses.ts';
import { PUBLISHED_MEETING } from '../minutes/index.ts';
import { restrictedTextOf, withholdRestricted } from '../access/index.ts';
import { BODY_KINDS, DECISION_OUTCOMES } from '../../vocabulary.ts';

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
	responses: z.array(PublicResponse)
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
	const [forums, decisions, restricted] = await Promise.all([
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
			.then((found) => restrictedTextOf(found.map((d) => d.meetingId)))
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
				verdict: r.verdict,
				verdictNote: r.verdict ? r.verdictNote : null,
				...verdictHistory(r)
			}
		];
	});
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
	return {
		id: body.id,
		name: body.name,
		kind: body.kind,
		remit: body.remit,
		reportsTo: body.parent?.name ?? null,
		partnership: { slug: partnership.slug, name: partnership.name },
		responses: await publishedResponses(partnership.id, body.id)
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

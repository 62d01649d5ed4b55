// The public decisions register of a partnership: what anyone may see without signing in, read by its
// own queries like the rest of the public record (public-record.ts), never through the signed-in views.
import { z } from 'zod';
import { db } from '../platform/index.ts';
import { safeText } from '../platform/index.ts';
import { DECISION_METHODS, DECISION_OUTCOMES } from '../../vocabulary.ts';
import { andList } from '../../joint-names.ts';

import { PUBLISHED_MEETING, partnershipOf } from './public-record.ts';

export const PublicDecisionsQuery = z.object({
	q: safeText('the search', { multiline: false }).trim().max(200).catch(''),
	bodyId: z
		.string()
		.regex(/^[a-z0-9]{0,40}$/)
		.catch(''),
	outcome: z.enum(['', ...Object.keys(DECISION_OUTCOMES)] as [string, ...string[]]).catch(''),
	from: z.iso.date().or(z.literal('')).catch(''),
	to: z.iso.date().or(z.literal('')).catch('')
});
export type PublicDecisionsQuery = z.infer<typeof PublicDecisionsQuery>;

export const PublicDecision = z.object({
	id: z.string(),
	recordedAt: z.iso.datetime(),
	/** The meeting's body; at a joint meeting, the bodies that took the decision ("X and Y"). */
	body: z.string(),
	/** At a joint meeting, the names of the bodies that took it; empty for a single body's decision. */
	takenBy: z.array(z.string()),
	meeting: z.object({ id: z.string(), title: z.string() }),
	item: z.string(),
	version: z.number(),
	outcome: z.string(),
	method: z.string(),
	votes: z.object({ for: z.number(), against: z.number(), abstained: z.number() }).nullable(),
	wording: z.string(),
	hash: z.string(),
	/** Only the public papers cited. */
	evidence: z.array(z.string())
});
export type PublicDecision = z.infer<typeof PublicDecision>;

/** The decisions register: each decision on an item not taken in private, as it stands, newest first. */
export async function listPublicDecisions(
	slug: string,
	query: Partial<Record<keyof PublicDecisionsQuery, string>> = {}
): Promise<{ query: PublicDecisionsQuery; decisions: PublicDecision[] }> {
	const partnership = await partnershipOf(slug);
	const filter = PublicDecisionsQuery.parse(query);
	const openItems = await db().agendaItem.findMany({
		where: { meeting: { partnershipId: partnership.id, ...PUBLISHED_MEETING }, private: false },
		select: { id: true, title: true }
	});
	const itemTitle = new Map(openItems.map((i) => [i.id, i.title]));
	const decisions = await db().decision.findMany({
		where: {
			partnershipId: partnership.id,
			agendaItemId: { in: [...itemTitle.keys()] },
			...(filter.bodyId
				? { OR: [{ bodyId: filter.bodyId }, { takenBy: { some: { bodyId: filter.bodyId } } }] }
				: {})
		},
		include: {
			meeting: { select: { id: true, title: true, body: { select: { name: true } } } },
			versions: { orderBy: { version: 'desc' }, take: 1, include: { evidence: true } }
		}
	});
	// At a joint meeting, the bodies that took each decision, named instead of the host body.
	const taken = await db().decisionBody.findMany({
		where: { decisionId: { in: decisions.map((d) => d.id) } },
		orderBy: { createdAt: 'asc' }
	});
	const bodyName = new Map(
		(
			await db().body.findMany({
				where: { id: { in: taken.map((t) => t.bodyId) } },
				select: { id: true, name: true }
			})
		).map((b) => [b.id, b.name])
	);
	const takenBy = (decisionId: string) =>
		taken.filter((t) => t.decisionId === decisionId).map((t) => bodyName.get(t.bodyId) ?? '');
	const cited = decisions
		.flatMap((d) => d.versions.flatMap((v) => v.evidence))
		.map((e) => e.evidenceItemId);
	const publicPapers = new Map(
		(
			await db().evidenceItem.findMany({
				where: { id: { in: cited }, confidentiality: 'PUBLIC', withdrawn: false },
				select: { id: true, title: true }
			})
		).map((p) => [p.id, p.title])
	);
	const needle = filter.q.toLowerCase();
	const from = filter.from ? new Date(`${filter.from}T00:00:00Z`) : null;
	const to = filter.to ? new Date(`${filter.to}T23:59:59.999Z`) : null;
	return {
		query: filter,
		decisions: decisions
			.filter((d) => d.versions.length)
			.map((d): PublicDecision => {
				const v = d.versions[0];
				return {
					id: d.id,
					recordedAt: v.recordedAt.toISOString(),
					body: andList(takenBy(d.id)) || d.meeting.body.name,
					takenBy: takenBy(d.id),
					meeting: { id: d.meeting.id, title: d.meeting.title },
					item: itemTitle.get(d.agendaItemId) ?? '',
					version: v.version,
					outcome: v.outcome,
					method: DECISION_METHODS[v.method as keyof typeof DECISION_METHODS],
					votes:
						v.method === 'VOTE'
							? {
									for: v.votesFor ?? 0,
									against: v.votesAgainst ?? 0,
									abstained: v.votesAbstained ?? 0
								}
							: null,
					wording: v.wording,
					hash: v.hash,
					evidence: v.evidence.flatMap((e) => publicPapers.get(e.evidenceItemId) ?? [])
				};
			})
			.filter(
				(d) =>
					(!filter.outcome || d.outcome === filter.outcome) &&
					(!from || new Date(d.recordedAt) >= from) &&
					(!to || new Date(d.recordedAt) <= to) &&
					(!needle ||
						[d.wording, d.item, d.meeting.title, d.body].some((t) =>
							t.toLowerCase().includes(needle)
						))
			)
			.sort((a, b) => b.recordedAt.localeCompare(a.recordedAt))
	};
}

// What residents' voice shows: confirmed support counts and approved comments, with a first name and area
// only where the resident gave them, on the forum's public page and beside the priority for the board.
import { db } from '../platform/index.ts';
import { getPublicForum } from './public-forum.ts';
import type { PublicVoice } from './residents-input.ts';

/** Confirmed support counts and approved comments for some priorities: nothing personal beyond choice. */
export async function voiceOf(priorityIds: string[]): Promise<PublicVoice> {
	if (!priorityIds.length) return { support: [], comments: [] };
	const [counts, comments] = await Promise.all([
		db().residentSupport.groupBy({
			by: ['priorityId'],
			where: { priorityId: { in: priorityIds }, confirmedAt: { not: null } },
			_count: { _all: true }
		}),
		db().residentComment.findMany({
			where: { priorityId: { in: priorityIds }, status: 'APPROVED' },
			select: {
				id: true,
				feedbackId: true,
				priorityId: true,
				firstName: true,
				area: true,
				text: true,
				decidedAt: true
			},
			orderBy: [{ decidedAt: 'asc' }, { id: 'asc' }]
		})
	]);
	const byPriority = new Map(counts.map((c) => [c.priorityId, c._count._all]));
	return {
		support: priorityIds.map((priorityId) => ({
			priorityId,
			count: byPriority.get(priorityId) ?? 0
		})),
		comments: comments.map(({ decidedAt, ...c }) => ({
			...c,
			approvedAt: (decidedAt ?? new Date(0)).toISOString()
		}))
	};
}

/** The residents' voice on a forum's public page: its shown priorities' supports and approved comments. */
export async function publicVoice(slug: string, bodyId: string): Promise<PublicVoice> {
	const forum = await getPublicForum(slug, bodyId);
	const ids = [
		...new Set([
			...forum.responses.map((r) => r.priorityId),
			...forum.overdue.map((o) => o.priorityId)
		])
	];
	const voice = await voiceOf(ids);
	const shownResponses = new Set(forum.responses.map((r) => r.id));
	return { ...voice, comments: voice.comments.filter((c) => shownResponses.has(c.feedbackId)) };
}

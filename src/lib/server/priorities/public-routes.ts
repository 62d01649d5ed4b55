// The routes beyond the parent, as a forum's public page shows them: when one of its priorities was passed
// sideways to another theme group or referred down to a group, by whom, to whom, when and why. Only for the
// priorities the page already names (through a published response, or overdue), so nothing of a priority
// becomes public that was not already (public-forum.ts says what may be).
import { z } from 'zod';
import { db } from '../platform/index.ts';

export const PublicRoute = z.object({
	priorityId: z.string(),
	title: z.string(),
	type: z.enum(['PASSED_SIDEWAYS', 'REFERRED_DOWN']),
	from: z.string(),
	to: z.string(),
	/** The day it moved. */
	at: z.iso.datetime(),
	reason: z.string()
});
export type PublicRoute = z.infer<typeof PublicRoute>;

/** The sideways and downward moves of these priorities, oldest first. */
export async function publicRoutes(
	partnershipId: string,
	priorities: { priorityId: string; title: string }[]
): Promise<PublicRoute[]> {
	if (!priorities.length) return [];
	const title = new Map(priorities.map((p) => [p.priorityId, p.title]));
	const events = await db().priorityEvent.findMany({
		where: {
			priorityId: { in: [...title.keys()] },
			priority: { partnershipId },
			type: { in: ['PASSED_SIDEWAYS', 'REFERRED_DOWN'] }
		},
		select: {
			priorityId: true,
			type: true,
			byBodyId: true,
			toBodyId: true,
			at: true,
			reason: true
		},
		orderBy: [{ at: 'asc' }, { id: 'asc' }]
	});
	if (!events.length) return [];
	const bodies = new Map(
		(
			await db().body.findMany({
				where: {
					partnershipId,
					id: { in: events.flatMap((e) => [e.byBodyId ?? '', e.toBodyId ?? '']) }
				},
				select: { id: true, name: true }
			})
		).map((b) => [b.id, b.name])
	);
	return events.map((e) => ({
		priorityId: e.priorityId,
		title: title.get(e.priorityId) ?? '',
		type: e.type as PublicRoute['type'],
		from: bodies.get(e.byBodyId ?? '') ?? '',
		to: bodies.get(e.toBodyId ?? '') ?? '',
		at: e.at.toISOString(),
		reason: e.reason
	}));
}

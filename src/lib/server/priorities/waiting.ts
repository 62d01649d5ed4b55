// The priorities waiting on a person's bodies: held by a body they have a seat on (officers: any body)
// with the next step that body's to take (flow.ts), longest waiting first.
import { db } from '../platform/index.ts';
import { rightsOf, type PartnershipContext } from '../access/index.ts';
import { WAITING_ON_HOLDER } from './flow.ts';
import type { PriorityWaiting, Shortened } from '../../views/home.ts';

/** A home page names the first few; the priorities page lists them all. */
const PRIORITIES_SHOWN = 8;

export async function prioritiesWaitingOn(
	ctx: PartnershipContext
): Promise<Shortened<PriorityWaiting>> {
	// The same bodies the priority rules count as the person's: seats that take part, not advisers'.
	const rights = await rightsOf(ctx);
	const bodyIds = rights.officer ? null : [...rights.seatedOn];
	if (bodyIds && !bodyIds.length) return { items: [], more: 0 };
	const where = {
		partnershipId: ctx.partnership.id,
		status: { in: [...WAITING_ON_HOLDER] },
		...(bodyIds ? { currentBodyId: { in: bodyIds } } : {})
	};
	const [rows, total] = await Promise.all([
		db().priority.findMany({
			where,
			select: { id: true, title: true, status: true, currentBodyId: true, lastEventAt: true },
			orderBy: [{ lastEventAt: 'asc' }, { id: 'asc' }],
			take: PRIORITIES_SHOWN
		}),
		db().priority.count({ where })
	]);
	const bodies = await db().body.findMany({
		where: { id: { in: [...new Set(rows.map((p) => p.currentBodyId))] } },
		select: { id: true, name: true }
	});
	const name = new Map(bodies.map((b) => [b.id, b.name]));
	return {
		items: rows.map((p) => ({
			id: p.id,
			title: p.title,
			status: p.status,
			heldBy: { id: p.currentBodyId, name: name.get(p.currentBodyId) ?? '' },
			lastEventAt: p.lastEventAt.toISOString()
		})),
		more: total - rows.length
	};
}

// Routes beyond the parent: a priority passed sideways to another theme group, or referred down to a group
// that reports to the body holding it. Sideways goes to any theme group of the partnership, not only the
// holder's siblings: the partnership studies ask for horizontal integration so that "themes don't become the
// new silos" (research 2002, 4.10), and theme groups often report to different implementation groups.
import type { PriorityRow } from '../access/index.ts';
import { Invalid, type Tx } from '../platform/index.ts';

export interface RouteChoices {
	/** Theme groups it may be passed sideways to (empty unless a theme group holds it). */
	sideways: { id: string; name: string }[];
	/**
	 * Groups it may be referred down to: those reporting to the holder, but not the body that raised it (a
	 * priority goes back to its forum by being declined, with the reason the forum reads).
	 */
	down: { id: string; name: string }[];
}

type Reader = Pick<Tx, 'body'>;

/** Where the holder of a priority may send it other than up. */
export async function routeChoices(
	tx: Reader,
	priority: Pick<PriorityRow, 'partnershipId' | 'currentBodyId' | 'raisedByBodyId'>
): Promise<RouteChoices> {
	const holder = await tx.body.findUniqueOrThrow({
		where: { id: priority.currentBodyId },
		select: { kind: true }
	});
	const [sideways, down] = await Promise.all([
		holder.kind === 'THEME_GROUP'
			? tx.body.findMany({
					where: {
						partnershipId: priority.partnershipId,
						kind: 'THEME_GROUP',
						id: { not: priority.currentBodyId }
					},
					select: { id: true, name: true },
					orderBy: { name: 'asc' }
				})
			: [],
		tx.body.findMany({
			where: {
				partnershipId: priority.partnershipId,
				parentId: priority.currentBodyId,
				id: { not: priority.raisedByBodyId }
			},
			select: { id: true, name: true },
			orderBy: { name: 'asc' }
		})
	]);
	return { sideways, down };
}

/** The receiving body, checked against the route: 400 on `toBodyId` naming where it may go. */
export async function routeTarget(
	tx: Reader,
	priority: Pick<PriorityRow, 'partnershipId' | 'currentBodyId' | 'raisedByBodyId'>,
	type: 'PASSED_SIDEWAYS' | 'REFERRED_DOWN',
	toBodyId: string
): Promise<string> {
	const choices = await routeChoices(tx, priority);
	const allowed = type === 'PASSED_SIDEWAYS' ? choices.sideways : choices.down;
	if (allowed.some((b) => b.id === toBodyId)) return toBodyId;
	const holder = await tx.body.findUniqueOrThrow({
		where: { id: priority.currentBodyId },
		select: { name: true }
	});
	if (type === 'PASSED_SIDEWAYS')
		throw new Invalid({
			toBodyId: allowed.length
				? `Choose another theme group of this partnership`
				: `${holder.name} is not a theme group; only theme groups pass priorities sideways`
		});
	if (toBodyId === priority.raisedByBodyId)
		throw new Invalid({
			toBodyId: 'To send it back to the body that raised it, decline it with the reason'
		});
	throw new Invalid({
		toBodyId: allowed.length
			? `Choose a group that reports to ${holder.name}`
			: `No group reports to ${holder.name}`
	});
}

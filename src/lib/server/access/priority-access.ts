// Who may do what with a priority: the priority as the actor sees it (NotFound outside its partnership)
// and one rule per step of its life, used by the events command and by the view's "next steps".
import type { Actor } from './actor.ts';
import { db, type Db } from '../platform/index.ts';
import { NotFound } from '../platform/index.ts';
import type { PartnershipContext } from './actor.ts';
import { isChairSeat, isOfficer, partnershipContext, seatsOf } from './permissions.ts';
import type { PriorityEventType } from '../../vocabulary.ts';

export type PriorityRow = NonNullable<Awaited<ReturnType<Db['priority']['findFirst']>>>;

export interface PriorityRights {
	officer: boolean;
	/** Bodies the actor holds a current seat on (not as an adviser) as a member or officer. */
	seatedOn: Set<string>;
	/** Bodies the actor chairs or vice-chairs. */
	chairs: Set<string>;
}

export async function rightsOf(ctx: PartnershipContext): Promise<PriorityRights> {
	// Reviewers and observers take no part in the bodies' work, whatever seat the record gives them.
	const seats =
		ctx.membership.role === 'MEMBER' || isOfficer(ctx)
			? (await seatsOf(ctx)).filter((seat) => seat.role !== 'ADVISER')
			: [];
	return {
		officer: isOfficer(ctx),
		seatedOn: new Set(seats.map((s) => s.bodyId)),
		chairs: new Set(seats.filter((s) => isChairSeat(s.role)).map((s) => s.bodyId))
	};
}

/** A body of a partnership the actor belongs to, with the actor's context; NotFound otherwise. */
export async function bodyContext(actor: Actor, bodyId: string) {
	const body = await db().body.findUnique({
		where: { id: bodyId },
		select: {
			id: true,
			name: true,
			kind: true,
			parentId: true,
			partnership: { select: { slug: true } }
		}
	});
	if (!body) throw new NotFound('body');
	const ctx = await partnershipContext(actor, body.partnership.slug).catch(() => {
		throw new NotFound('body');
	});
	return { ctx, body: { id: body.id, name: body.name, kind: body.kind, parentId: body.parentId } };
}

export async function priorityContext(actor: Actor, priorityId: string) {
	const priority = await db().priority.findUnique({ where: { id: priorityId } });
	if (!priority) throw new NotFound('priority');
	const partnership = await db().partnership.findUniqueOrThrow({
		where: { id: priority.partnershipId },
		select: { slug: true }
	});
	const ctx = await partnershipContext(actor, partnership.slug).catch(() => {
		throw new NotFound('priority');
	});
	return { ctx, priority };
}

/** Raising: a seated member of the raising body, or an officer. */
export function mayRaise(rights: PriorityRights, bodyId: string): boolean {
	return rights.officer || rights.seatedOn.has(bodyId);
}

/**
 * Adding a supporting file: members of the body that raised the priority or of the body that holds it
 * now, and officers. The page offers the upload by this rule and the command demands it.
 */
export function mayAddPriorityFile(
	rights: PriorityRights,
	priority: Pick<PriorityRow, 'currentBodyId' | 'raisedByBodyId'>
): boolean {
	return (
		rights.officer ||
		rights.seatedOn.has(priority.raisedByBodyId) ||
		rights.seatedOn.has(priority.currentBodyId)
	);
}

/**
 * Each step's people: the holding body's members submit (the raising body's, once declined, as it holds it
 * again); its chair or vice-chair accepts, declines, passes on (up, sideways or down) and schedules; officers link decisions and
 * actions, publish and close. Officers may take every step.
 */
export function mayRecord(
	rights: PriorityRights,
	type: PriorityEventType,
	priority: Pick<PriorityRow, 'currentBodyId' | 'raisedByBodyId'>
): boolean {
	if (rights.officer) return true;
	switch (type) {
		case 'SUBMITTED':
			return rights.seatedOn.has(priority.currentBodyId);
		case 'ACCEPTED':
		case 'DECLINED':
		case 'PASSED_ON':
		case 'PASSED_SIDEWAYS':
		case 'REFERRED_DOWN':
		case 'SCHEDULED':
			return rights.chairs.has(priority.currentBodyId);
		default:
			return false;
	}
}

/**
 * The forum's verdict on a published response is the forum's: any member with a current seat on it (not
 * an adviser) enters it, as the forum agreed. A partnership officer is not the forum: they may not give
 * it on the forum's behalf unless they hold such a seat themselves.
 */
export function mayGiveVerdict(rights: PriorityRights, raisedByBodyId: string): boolean {
	return rights.seatedOn.has(raisedByBodyId);
}

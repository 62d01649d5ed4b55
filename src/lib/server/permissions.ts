// Who may do what in a partnership: one function per question, used by pages, the API and (later) the
// sync server alike. A partnership the actor does not belong to is answered with NotFound, never Forbidden,
// so its existence is not revealed.
import type { Actor } from './actor.ts';
import { db } from './db.ts';
import { Forbidden, NotFound } from './errors.ts';
import type { PartnershipRole } from '../vocabulary.ts';

export interface PartnershipContext {
	actor: Actor;
	partnership: { id: string; slug: string; name: string; area: string };
	membership: { id: string; role: PartnershipRole; organisationId: string };
}

export async function partnershipContext(actor: Actor, slug: string): Promise<PartnershipContext> {
	const membership = await db().membership.findFirst({
		where: { userId: actor.userId, partnership: { slug } },
		select: {
			id: true,
			role: true,
			organisationId: true,
			partnership: { select: { id: true, slug: true, name: true, area: true } }
		}
	});
	if (!membership) throw new NotFound('partnership');
	const { partnership, ...rest } = membership;
	return { actor, partnership, membership: rest };
}

/** Organisations, bodies, members and seats: the partnership's structure. */
export function canManageStructure(ctx: PartnershipContext): boolean {
	return ctx.membership.role === 'ADMIN';
}

/** Officers invite people too, but only an admin can make someone an admin. */
export function canInvite(ctx: PartnershipContext, role: PartnershipRole): boolean {
	if (ctx.membership.role === 'ADMIN') return true;
	return ctx.membership.role === 'SECRETARIAT' && role !== 'ADMIN';
}

export function canSeeInvitations(ctx: PartnershipContext): boolean {
	return ctx.membership.role === 'ADMIN' || ctx.membership.role === 'SECRETARIAT';
}

export function demand(allowed: boolean, message?: string): void {
	if (!allowed) throw new Forbidden(message);
}

// The partnerships a person belongs to, their own account's view of them, and a partnership's structure.
import { z } from 'zod';
import type { Actor } from '../access/index.ts';
import { db } from '../platform/index.ts';
import { partnershipContext } from '../access/index.ts';
import { UserView } from '../auth/index.ts';
import { BodyNodeSchema, type BodyNode } from '../../views/structure.ts';
export type { BodyNode, SeatHolder } from '../../views/structure.ts';
import { BODY_KINDS, PARTNERSHIP_ROLES, SEAT_ROLES, SECTORS } from '../../vocabulary.ts';

const sector = z.enum(Object.keys(SECTORS) as [keyof typeof SECTORS]);
const role = z.enum(Object.keys(PARTNERSHIP_ROLES) as [keyof typeof PARTNERSHIP_ROLES]);

export const PartnershipView = z.object({
	id: z.string(),
	slug: z.string(),
	name: z.string(),
	area: z.string(),
	role
});
export type PartnershipView = z.infer<typeof PartnershipView>;

export const MeView = z.object({
	user: UserView,
	memberships: z.array(
		z.object({
			id: z.string(),
			partnership: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
			role,
			organisation: z.object({ id: z.string(), name: z.string(), sector })
		})
	)
});
export type MeView = z.infer<typeof MeView>;

export async function listPartnerships(actor: Actor): Promise<PartnershipView[]> {
	const memberships = await db().membership.findMany({
		where: { userId: actor.userId },
		select: {
			role: true,
			partnership: { select: { id: true, slug: true, name: true, area: true } }
		},
		orderBy: { partnership: { name: 'asc' } }
	});
	return memberships.map((m) => ({ ...m.partnership, role: m.role }));
}

export async function describeMe(actor: Actor): Promise<MeView> {
	const memberships = await db().membership.findMany({
		where: { userId: actor.userId },
		select: {
			id: true,
			role: true,
			partnership: { select: { id: true, slug: true, name: true } },
			organisation: { select: { id: true, name: true, sector: true } }
		},
		orderBy: { partnership: { name: 'asc' } }
	});
	return { user: { id: actor.userId, email: actor.email, name: actor.name }, memberships };
}

export const StructureView = z.object({
	partnership: z.object({ id: z.string(), slug: z.string(), name: z.string(), area: z.string() }),
	bodies: z.array(BodyNodeSchema)
});
export type StructureView = z.infer<typeof StructureView>;

const SEAT_ORDER = Object.keys(SEAT_ROLES);
const KIND_ORDER = Object.keys(BODY_KINDS);

/** The reporting tree: top-level bodies first (the board), each with its seats and the bodies below it. */
export async function structureOf(actor: Actor, slug: string): Promise<StructureView> {
	const ctx = await partnershipContext(actor, slug);
	const bodies = await db().body.findMany({
		where: { partnershipId: ctx.partnership.id },
		select: {
			id: true,
			name: true,
			kind: true,
			remit: true,
			quorum: true,
			parentId: true,
			leadOrganisation: { select: { id: true, name: true, sector: true } },
			seats: {
				where: { endedAt: null },
				select: {
					id: true,
					role: true,
					membership: {
						select: {
							id: true,
							title: true,
							capacity: true,
							delegatedAuthority: true,
							user: { select: { name: true } },
							organisation: { select: { id: true, name: true, sector: true } }
						}
					}
				}
			}
		}
	});
	const nodes = new Map<string, BodyNode & { parentId: string | null }>();
	for (const b of bodies) {
		nodes.set(b.id, {
			id: b.id,
			name: b.name,
			kind: b.kind,
			remit: b.remit,
			quorum: b.quorum,
			parentId: b.parentId,
			lead: b.leadOrganisation,
			seats: b.seats
				.map((s) => ({
					seatId: s.id,
					role: s.role,
					membershipId: s.membership.id,
					name: s.membership.user.name,
					title: s.membership.title,
					organisation: s.membership.organisation,
					capacity: s.membership.capacity,
					delegatedAuthority: s.membership.delegatedAuthority
				}))
				.sort(
					(a, b) =>
						SEAT_ORDER.indexOf(a.role) - SEAT_ORDER.indexOf(b.role) || a.name.localeCompare(b.name)
				),
			children: []
		});
	}
	const roots: BodyNode[] = [];
	for (const node of nodes.values()) {
		const parent = node.parentId ? nodes.get(node.parentId) : undefined;
		(parent ? parent.children : roots).push(node);
	}
	const strip = (list: BodyNode[]): BodyNode[] =>
		list
			.sort(
				(a, b) =>
					KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.name.localeCompare(b.name)
			)
			.map(({ parentId: _, ...n }: BodyNode & { parentId?: string | null }) => ({
				...n,
				children: strip(n.children)
			}));
	return { partnership: ctx.partnership, bodies: strip(roots) };
}

// Members of a partnership (their role, organisation, capacity, standing and authority) and their seats on bodies.
import { z } from 'zod';
import type { Actor } from '../access/index.ts';
import { audit } from '../platform/index.ts';
import { bodyIn } from './bodies.ts';
import { db, transaction, type Tx } from '../platform/index.ts';
import { Conflict, NotFound } from '../platform/index.ts';
import { assertOrganisationIn } from './organisations.ts';
import { canManageStructure, demand, partnershipContext } from '../access/index.ts';
import { publishRevocation } from '../access/index.ts';
import { choice, Flag, optionalText, parse, reference } from '../platform/index.ts';
import {
	CAPACITIES,
	CAPACITY_MEANING,
	PARTNERSHIP_ROLES,
	SEAT_ROLES,
	SECTORS,
	STANDINGS
} from '../../vocabulary.ts';

/** What describes a member's place in the partnership; invitations carry the same fields. */
export const membershipFields = {
	role: choice(PARTNERSHIP_ROLES, 'Choose the person’s role in the partnership'),
	organisationId: reference('Choose the organisation the person comes from'),
	title: optionalText('the job title', 120),
	capacity: choice(
		CAPACITIES,
		'Choose whether they represent their organisation or bring their sector’s perspective'
	).describe(CAPACITY_MEANING),
	standing: choice(
		STANDINGS,
		'Choose their standing: elected member, officer of a partner, community representative or other'
	),
	delegatedAuthority: Flag,
	authorityNote: optionalText('the note on their authority', 1000)
};
export const UpdateMemberInput = z.object(membershipFields).partial();

export const AddSeatInput = z.object({
	membershipId: reference('Choose a member'),
	role: choice(SEAT_ROLES, 'Choose the seat: chair, vice-chair, member, substitute or adviser')
});

const SeatView = z.object({
	id: z.string(),
	bodyId: z.string(),
	bodyName: z.string(),
	role: z.enum(Object.keys(SEAT_ROLES) as [keyof typeof SEAT_ROLES])
});
export const MemberView = z.object({
	id: z.string(),
	userId: z.string(),
	name: z.string(),
	email: z.string(),
	role: z.enum(Object.keys(PARTNERSHIP_ROLES) as [keyof typeof PARTNERSHIP_ROLES]),
	title: z.string(),
	organisation: z.object({
		id: z.string(),
		name: z.string(),
		sector: z.enum(Object.keys(SECTORS) as [keyof typeof SECTORS])
	}),
	capacity: z.enum(Object.keys(CAPACITIES) as [keyof typeof CAPACITIES]).describe(CAPACITY_MEANING),
	standing: z.enum(Object.keys(STANDINGS) as [keyof typeof STANDINGS]),
	delegatedAuthority: z.boolean(),
	authorityNote: z.string(),
	seats: z.array(SeatView)
});
export type MemberView = z.infer<typeof MemberView>;
export type SeatView = z.infer<typeof SeatView>;

const memberSelect = {
	id: true,
	role: true,
	title: true,
	capacity: true,
	standing: true,
	delegatedAuthority: true,
	authorityNote: true,
	user: { select: { id: true, name: true, email: true } },
	organisation: { select: { id: true, name: true, sector: true } },
	seats: {
		where: { endedAt: null },
		select: { id: true, role: true, body: { select: { id: true, name: true } } }
	}
} as const;

type MemberRow = Awaited<ReturnType<typeof findMembers>>[number];
function findMembers(tx: Tx, where: { partnershipId: string; id?: string }) {
	return tx.membership.findMany({
		where,
		select: memberSelect,
		orderBy: { user: { name: 'asc' } }
	});
}

function view(m: MemberRow): MemberView {
	return {
		id: m.id,
		userId: m.user.id,
		name: m.user.name,
		email: m.user.email,
		role: m.role,
		title: m.title,
		organisation: m.organisation,
		capacity: m.capacity,
		standing: m.standing,
		delegatedAuthority: m.delegatedAuthority,
		authorityNote: m.authorityNote,
		seats: m.seats.map((s) => ({
			id: s.id,
			bodyId: s.body.id,
			bodyName: s.body.name,
			role: s.role
		}))
	};
}

export async function listMembers(actor: Actor, slug: string): Promise<MemberView[]> {
	const ctx = await partnershipContext(actor, slug);
	return (await findMembers(db(), { partnershipId: ctx.partnership.id })).map(view);
}

export async function getMember(
	actor: Actor,
	slug: string,
	membershipId: string
): Promise<MemberView> {
	const ctx = await partnershipContext(actor, slug);
	const [member] = await findMembers(db(), { partnershipId: ctx.partnership.id, id: membershipId });
	if (!member) throw new NotFound('member');
	return view(member);
}

export async function updateMember(
	actor: Actor,
	slug: string,
	membershipId: string,
	input: unknown
): Promise<MemberView> {
	const ctx = await partnershipContext(actor, slug);
	demand(canManageStructure(ctx));
	const data = parse(UpdateMemberInput, input);
	const updated = await transaction(async (tx) => {
		const existing = await tx.membership.findFirst({
			where: { id: membershipId, partnershipId: ctx.partnership.id }
		});
		if (!existing) throw new NotFound('member');
		if (data.organisationId)
			await assertOrganisationIn(tx, ctx.partnership.id, data.organisationId, 'organisationId');
		if (existing.role === 'ADMIN' && data.role && data.role !== 'ADMIN') {
			const admins = await tx.membership.count({
				where: { partnershipId: ctx.partnership.id, role: 'ADMIN' }
			});
			if (admins <= 1)
				throw new Conflict(
					'The partnership needs at least one admin. Make someone else admin first.'
				);
		}
		await tx.membership.update({ where: { id: membershipId }, data });
		await audit(tx, actor.userId, {
			action: 'updated',
			entity: 'Membership',
			entityId: membershipId,
			partnershipId: ctx.partnership.id,
			detail: data
		});
		const [member] = await findMembers(tx, { partnershipId: ctx.partnership.id, id: membershipId });
		return { member: view(member), userId: existing.userId };
	});
	// A new role or organisation can take away writing, or a restricted paper: open connections re-check.
	publishRevocation({ kind: 'rights-changed', userId: updated.userId });
	return updated.member;
}

/**
 * Takes someone out of the partnership. Only a membership with nothing on record can go: the roll, the
 * minutes and the reviews name members by their membership, so someone who has taken part is made an
 * observer instead (409 says so).
 */
export async function removeMember(
	actor: Actor,
	slug: string,
	membershipId: string
): Promise<void> {
	const ctx = await partnershipContext(actor, slug);
	demand(canManageStructure(ctx));
	const userId = await transaction(async (tx) => {
		const existing = await tx.membership.findFirst({
			where: { id: membershipId, partnershipId: ctx.partnership.id }
		});
		if (!existing) throw new NotFound('member');
		if (existing.role === 'ADMIN') {
			const admins = await tx.membership.count({
				where: { partnershipId: ctx.partnership.id, role: 'ADMIN' }
			});
			if (admins <= 1)
				throw new Conflict(
					'The partnership needs at least one admin. Make someone else admin first.'
				);
		}
		if (await hasRecord(tx, membershipId))
			throw new Conflict(
				'This member is named in the record (seats, meetings, challenges or reviews). Make them an observer instead.'
			);
		await tx.membership.delete({ where: { id: membershipId } });
		await audit(tx, actor.userId, {
			action: 'removed',
			entity: 'Membership',
			entityId: membershipId,
			partnershipId: ctx.partnership.id,
			detail: { userId: existing.userId, role: existing.role }
		});
		return existing.userId;
	});
	publishRevocation({ kind: 'rights-changed', userId });
}

async function hasRecord(tx: Tx, membershipId: string): Promise<boolean> {
	const counts = await Promise.all([
		tx.bodySeat.count({ where: { membershipId } }),
		tx.attendance.count({ where: { OR: [{ membershipId }, { substituteForId: membershipId }] } }),
		tx.declaration.count({ where: { membershipId } }),
		tx.contribution.count({ where: { membershipId } }),
		tx.challenge.count({
			where: {
				OR: [{ raisedByMembershipId: membershipId }, { directedToMembershipId: membershipId }]
			}
		}),
		tx.challengeResponse.count({ where: { respondedByMembershipId: membershipId } }),
		tx.decisionDissent.count({ where: { membershipId } }),
		tx.decisionCommitment.count({ where: { membershipId } }),
		tx.action.count({ where: { ownerMembershipId: membershipId } }),
		tx.code.count({ where: { coderMembershipId: membershipId } }),
		tx.reviewNote.count({ where: { authorMembershipId: membershipId } }),
		tx.surveyReceipt.count({ where: { membershipId } })
	]);
	return counts.some((n) => n > 0);
}

export async function addSeat(
	actor: Actor,
	slug: string,
	bodyId: string,
	input: unknown
): Promise<SeatView> {
	const ctx = await partnershipContext(actor, slug);
	demand(canManageStructure(ctx));
	const data = parse(AddSeatInput, input);
	return transaction(async (tx) => {
		const body = await bodyIn(tx, ctx.partnership.id, bodyId);
		const member = await tx.membership.findFirst({
			where: { id: data.membershipId, partnershipId: ctx.partnership.id },
			select: { id: true }
		});
		if (!member) throw new NotFound('member');
		const current = await tx.bodySeat.findMany({
			where: { bodyId, endedAt: null },
			select: { membershipId: true, role: true }
		});
		if (current.some((s) => s.membershipId === data.membershipId))
			throw new Conflict('This member already has a seat on this body. End that seat first.');
		if (data.role === 'CHAIR' && current.some((s) => s.role === 'CHAIR'))
			throw new Conflict('This body already has a chair. End the current chair’s seat first.');
		const seat = await tx.bodySeat.create({ data: { bodyId, ...data }, select: { id: true } });
		await audit(tx, actor.userId, {
			action: 'created',
			entity: 'BodySeat',
			entityId: seat.id,
			partnershipId: ctx.partnership.id,
			detail: { bodyId, ...data }
		});
		return { id: seat.id, bodyId, bodyName: body.name, role: data.role };
	});
}

/** Ends a seat: it stays on record, so past meetings still show who sat where. */
export async function endSeat(actor: Actor, slug: string, seatId: string): Promise<void> {
	const ctx = await partnershipContext(actor, slug);
	demand(canManageStructure(ctx));
	const userId = await transaction(async (tx) => {
		const seat = await tx.bodySeat.findFirst({
			where: { id: seatId, endedAt: null, body: { partnershipId: ctx.partnership.id } },
			select: { membership: { select: { userId: true } } }
		});
		if (!seat) throw new NotFound('seat');
		await tx.bodySeat.update({ where: { id: seatId }, data: { endedAt: new Date() } });
		await audit(tx, actor.userId, {
			action: 'ended',
			entity: 'BodySeat',
			entityId: seatId,
			partnershipId: ctx.partnership.id
		});
		return seat.membership.userId;
	});
	// Without the seat, the person no longer edits the body's meetings: their open documents turn read-only.
	publishRevocation({ kind: 'rights-changed', userId });
}

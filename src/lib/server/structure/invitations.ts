// Joining a partnership by invitation: an admin or officer creates a one-time link that expires; the person
// who opens it creates their account (or, if they have one, adds the partnership to it). There is no open sign-up.
import { z } from 'zod';
import type { Actor } from '../access/index.ts';
import { audit, queueAccountMail, siteOrigin } from '../platform/index.ts';
import { hashPassword, Password } from '../auth/index.ts';
import { hashSecretHex, randomSecret } from '../auth/index.ts';
import { createSession } from '../auth/index.ts';
import { db, transaction, type Tx } from '../platform/index.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../platform/index.ts';
import { membershipFields } from './members.ts';
import { assertOrganisationIn } from './organisations.ts';
import { canInvite, canSeeInvitations, demand, partnershipContext } from '../access/index.ts';
import { Flag, parse, requiredText } from '../platform/index.ts';
import { PARTNERSHIP_ROLES } from '../../vocabulary.ts';

export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export const CreateInvitationInput = z.object({
	email: z
		.email({ error: 'Enter an email address in the right form, like name@example.org' })
		.trim()
		.toLowerCase()
		.max(254),
	name: requiredText('the person’s name', 120),
	...membershipFields,
	capacity: membershipFields.capacity.optional(),
	standing: membershipFields.standing.optional(),
	delegatedAuthority: Flag.optional()
});

export const AcceptInvitationInput = z.object({
	name: requiredText('your name', 120).optional(),
	password: Password.optional()
});

export const InvitationView = z.object({
	id: z.string(),
	email: z.string(),
	name: z.string(),
	role: z.enum(Object.keys(PARTNERSHIP_ROLES) as [keyof typeof PARTNERSHIP_ROLES]),
	organisationName: z.string(),
	expiresAt: z.iso.datetime(),
	invitedBy: z.string()
});
export type InvitationView = z.infer<typeof InvitationView>;

export interface InvitationDetails {
	partnershipName: string;
	partnershipSlug: string;
	email: string;
	name: string;
	role: keyof typeof PARTNERSHIP_ROLES;
	organisationName: string;
	/** Whether the invited email already has an account (then they sign in instead of choosing a password). */
	hasAccount: boolean;
}

export async function createInvitation(
	actor: Actor,
	slug: string,
	input: unknown
): Promise<{ invitation: InvitationView; token: string; path: string }> {
	const ctx = await partnershipContext(actor, slug);
	demand(canSeeInvitations(ctx));
	const data = parse(CreateInvitationInput, input);
	demand(canInvite(ctx, data.role), 'Only a partnership admin can invite another admin.');
	const token = randomSecret();
	return transaction(async (tx) => {
		await assertOrganisationIn(tx, ctx.partnership.id, data.organisationId, 'organisationId');
		const alreadyMember = await tx.membership.count({
			where: { partnershipId: ctx.partnership.id, user: { email: data.email } }
		});
		if (alreadyMember)
			throw new Invalid({ email: 'This person is already a member of the partnership' });
		// A newer invitation replaces any still open for the same person.
		await tx.invitation.updateMany({
			where: {
				partnershipId: ctx.partnership.id,
				email: data.email,
				acceptedAt: null,
				revokedAt: null
			},
			data: { revokedAt: new Date() }
		});
		const created = await tx.invitation.create({
			data: {
				...data,
				partnershipId: ctx.partnership.id,
				tokenHash: hashSecretHex(token),
				invitedById: actor.userId,
				expiresAt: new Date(Date.now() + INVITATION_LIFETIME_MS)
			}
		});
		await audit(tx, actor.userId, {
			action: 'created',
			entity: 'Invitation',
			entityId: created.id,
			partnershipId: ctx.partnership.id,
			detail: { email: data.email, role: data.role, organisationId: data.organisationId }
		});
		const [invitation] = await pending(tx, ctx.partnership.id, created.id);
		// The link is a secret: its email's text is shown to no one else (not in the outbox).
		await queueAccountMail(tx, {
			kind: 'invitation',
			to: data.email,
			userId: null,
			partnershipId: ctx.partnership.id,
			subject: `You are invited to join ${ctx.partnership.name}`,
			text:
				`${actor.name} has invited you to join ${ctx.partnership.name} in its partnership workspace.\n\n` +
				`Accept the invitation: ${siteOrigin()}/invitations/${token}\n\n` +
				'The link works once and expires; if you were not expecting it, ignore this email.\n',
			private: true
		});
		return { invitation, token, path: `/invitations/${token}` };
	});
}

export async function listInvitations(actor: Actor, slug: string): Promise<InvitationView[]> {
	const ctx = await partnershipContext(actor, slug);
	demand(canSeeInvitations(ctx));
	return pending(db(), ctx.partnership.id);
}

export async function revokeInvitation(
	actor: Actor,
	slug: string,
	invitationId: string
): Promise<void> {
	const ctx = await partnershipContext(actor, slug);
	demand(canSeeInvitations(ctx));
	await transaction(async (tx) => {
		const { count } = await tx.invitation.updateMany({
			where: {
				id: invitationId,
				partnershipId: ctx.partnership.id,
				acceptedAt: null,
				revokedAt: null
			},
			data: { revokedAt: new Date() }
		});
		if (!count) throw new NotFound('invitation');
		await audit(tx, actor.userId, {
			action: 'revoked',
			entity: 'Invitation',
			entityId: invitationId,
			partnershipId: ctx.partnership.id
		});
	});
}

/** What the invitation page shows before the person accepts. */
export async function describeInvitation(token: string): Promise<InvitationDetails> {
	const invitation = await usable(db(), token);
	const hasAccount = (await db().user.count({ where: { email: invitation.email } })) > 0;
	return {
		partnershipName: invitation.partnership.name,
		partnershipSlug: invitation.partnership.slug,
		email: invitation.email,
		name: invitation.name,
		role: invitation.role,
		organisationName: invitation.organisation.name,
		hasAccount
	};
}

/**
 * Accepts an invitation. Someone new gives a name and password and gets an account and a session; someone
 * with an account must be signed in as the invited email, and the partnership is added to their account.
 */
export async function acceptInvitation(
	actor: Actor | null,
	token: string,
	input: unknown
): Promise<{ partnershipSlug: string; session?: { token: string; expiresAt: Date } }> {
	const data = parse(AcceptInvitationInput, input);
	const passwordHash = actor || !data.password ? null : await hashPassword(data.password);
	return transaction(async (tx) => {
		const invitation = await usable(tx, token);
		const existing = await tx.user.findUnique({ where: { email: invitation.email } });
		let userId: string;
		let session: { token: string; expiresAt: Date } | undefined;
		if (existing) {
			if (!actor)
				throw new Forbidden(
					'You already have an account: sign in first, then open this link again.'
				);
			if (actor.userId !== existing.id)
				throw new Forbidden(
					`This invitation is for ${invitation.email}. Sign in as that person to accept it.`
				);
			userId = existing.id;
		} else {
			if (actor)
				throw new Forbidden(
					`This invitation is for ${invitation.email}. Sign out first to accept it.`
				);
			const fields: Record<string, string> = {};
			if (!data.name) fields.name = 'Enter your name';
			if (!passwordHash) fields.password = 'Choose a password of at least 12 characters';
			if (Object.keys(fields).length) throw new Invalid(fields);
			const user = await tx.user.create({
				data: { email: invitation.email, name: data.name!, passwordHash: passwordHash! }
			});
			await audit(tx, user.id, { action: 'created', entity: 'User', entityId: user.id });
			userId = user.id;
			session = await createSession(tx, userId);
		}
		// Claiming the invitation in the same statement that checks it makes a second use impossible.
		const { count } = await tx.invitation.updateMany({
			where: { id: invitation.id, acceptedAt: null },
			data: { acceptedAt: new Date(), acceptedById: userId }
		});
		if (!count) throw new Conflict('This invitation has already been used.');
		const membership = await tx.membership.create({
			data: {
				userId,
				partnershipId: invitation.partnershipId,
				organisationId: invitation.organisationId,
				role: invitation.role,
				title: invitation.title,
				capacity: invitation.capacity,
				standing: invitation.standing,
				delegatedAuthority: invitation.delegatedAuthority,
				authorityNote: invitation.authorityNote
			}
		});
		await audit(tx, userId, {
			action: 'accepted',
			entity: 'Invitation',
			entityId: invitation.id,
			partnershipId: invitation.partnershipId,
			detail: { membershipId: membership.id }
		});
		return { partnershipSlug: invitation.partnership.slug, session };
	});
}

async function usable(tx: Tx, token: string) {
	const invitation = await tx.invitation.findUnique({
		where: { tokenHash: hashSecretHex(token) },
		include: {
			partnership: { select: { slug: true, name: true } },
			organisation: { select: { name: true } }
		}
	});
	if (!invitation || invitation.revokedAt) throw new NotFound('invitation');
	if (invitation.acceptedAt) throw new Conflict('This invitation has already been used.');
	if (invitation.expiresAt.getTime() <= Date.now())
		throw new Conflict('This invitation has expired. Ask the partnership’s officer for a new one.');
	return invitation;
}

async function pending(tx: Tx, partnershipId: string, id?: string): Promise<InvitationView[]> {
	const rows = await tx.invitation.findMany({
		where: { partnershipId, id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
		include: { organisation: { select: { name: true } } },
		orderBy: { createdAt: 'desc' }
	});
	const inviters = await tx.user.findMany({
		where: { id: { in: rows.map((r) => r.invitedById) } },
		select: { id: true, name: true }
	});
	const nameOf = new Map(inviters.map((u) => [u.id, u.name]));
	return rows.map((r) => ({
		id: r.id,
		email: r.email,
		name: r.name,
		role: r.role,
		organisationName: r.organisation.name,
		expiresAt: r.expiresAt.toISOString(),
		invitedBy: nameOf.get(r.invitedById) ?? ''
	}));
}

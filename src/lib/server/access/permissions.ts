// Who may do what in a partnership: one function per question, used by pages, the API and (later) the
// sync server alike. A partnership the actor does not belong to is answered with NotFound, never Forbidden,
// so its existence is not revealed.
import type { Actor, PartnershipContext } from './actor.ts';
import { db, type Tx } from '../platform/index.ts';
import { Forbidden, NotFound } from '../platform/index.ts';
import type { PartnershipRole } from '../../vocabulary.ts';
import { maySeePaper } from './restricted-material.ts';
import { remembered } from './request-access.ts';

/** The actor's place in the partnership at `slug`; NotFound if they have none. */
export function partnershipContext(actor: Actor, slug: string): Promise<PartnershipContext> {
	return remembered(actor, `partnership:${slug}`, () => findPartnershipContext(actor, slug));
}

async function findPartnershipContext(actor: Actor, slug: string): Promise<PartnershipContext> {
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

/** The partnership's officers: its admins and its secretariat. */
export function isOfficerRole(role: string): boolean {
	return role === 'ADMIN' || role === 'SECRETARIAT';
}

export function isOfficer(ctx: Pick<PartnershipContext, 'membership'>): boolean {
	return isOfficerRole(ctx.membership.role);
}

/** Organisations, bodies, members and seats: the partnership's structure. */
export function canManageStructure(ctx: PartnershipContext): boolean {
	return ctx.membership.role === 'ADMIN';
}

/** Officers invite people too, but only an admin can make someone an admin. */
export function canInvite(ctx: PartnershipContext, role: PartnershipRole): boolean {
	if (ctx.membership.role === 'ADMIN') return true;
	return isOfficer(ctx) && role !== 'ADMIN';
}

export function canSeeInvitations(ctx: PartnershipContext): boolean {
	return isOfficer(ctx);
}

/**
 * Reviewing: reviewers and officers manage a meeting's review and see it before it is published;
 * members and observers see published reviews only.
 */
export function mayManageReview(ctx: Pick<PartnershipContext, 'membership'>): boolean {
	return ctx.membership.role === 'REVIEWER' || isOfficer(ctx);
}

/**
 * Who moves an action on: the secretariat and admins, the chair or vice-chair of the body it belongs to
 * (`runsBody`), and members of the organisation that owns it. One rule for the pages and the API.
 */
export function mayUpdateAction(
	who: { role: string; organisationId: string },
	runsBody: boolean,
	action: { ownerOrganisationId: string }
): boolean {
	if (isOfficerRole(who.role)) return true;
	return who.role === 'MEMBER' && (runsBody || who.organisationId === action.ownerOrganisationId);
}

/**
 * Who records an indicator's readings: the secretariat and admins, and members of its source partner, who
 * measure it. One rule for the pages and the API.
 */
export function mayRecordReadings(
	who: { role: string; organisationId: string },
	indicator: { sourceOrganisationId: string }
): boolean {
	if (isOfficerRole(who.role)) return true;
	return who.role === 'MEMBER' && who.organisationId === indicator.sourceOrganisationId;
}

/**
 * Who records what a partner did (its resources committed to an action, its ratification of a decision,
 * its review of a risk it owns): officers for any partner, a member for their own organisation.
 */
export function mayActForPartner(
	who: { role: string; organisationId: string },
	organisationId: string
): boolean {
	if (isOfficerRole(who.role)) return true;
	return who.role === 'MEMBER' && who.organisationId === organisationId;
}

/**
 * Who writes a body's scheme of delegation, and records that a parent body ratified a decision taken
 * outside its child's scheme: the partnership's officers, who keep the governance papers.
 */
export function mayWriteDelegationScheme(ctx: Pick<PartnershipContext, 'membership'>): boolean {
	return isOfficer(ctx);
}

/** A current seat the actor holds on a body of the partnership. */
export interface Seat {
	bodyId: string;
	role: string;
}

/** A body's chair and vice-chair run its meetings and take its steps on priorities. */
export function isChairSeat(role: string | null): boolean {
	return role === 'CHAIR' || role === 'VICE_CHAIR';
}

/** The actor's current seats in the partnership, on every body. */
export function seatsOf(ctx: PartnershipContext): Promise<Seat[]> {
	return remembered(ctx.actor, `seats:${ctx.membership.id}`, () =>
		db().bodySeat.findMany({
			where: { membershipId: ctx.membership.id, endedAt: null },
			select: { bodyId: true, role: true }
		})
	);
}

/**
 * The bodies holding a meeting: its host body first, then any holding it jointly. A member seated on any of
 * them is a member of the meeting (attendance, editing, taking part, the agenda's notices): the one rule.
 */
export async function meetingBodyIds(
	reader: Pick<Tx, 'meetingBody'>,
	meeting: { id: string; bodyId: string }
): Promise<string[]> {
	const joint = await reader.meetingBody.findMany({
		where: { meetingId: meeting.id },
		select: { bodyId: true },
		orderBy: { createdAt: 'asc' }
	});
	return [meeting.bodyId, ...joint.map((row) => row.bodyId).filter((id) => id !== meeting.bodyId)];
}

export function demand(allowed: boolean, message?: string): void {
	if (!allowed) throw new Forbidden(message);
}

export type MeetingAccess = 'write' | 'read';

export interface MeetingContext extends PartnershipContext {
	meeting: {
		id: string;
		bodyId: string;
		/** The host body and every body holding the meeting jointly with it. */
		bodyIds: string[];
		status: string;
		agendaIssuedAt: Date | null;
	};
	access: MeetingAccess;
}

/**
 * What the actor may do with a meeting's shared documents: the secretariat, admins and members seated on
 * the meeting's body edit; everyone else in the partnership reads. Outside the partnership the meeting does
 * not exist (NotFound).
 */
export function meetingContext(actor: Actor, meetingId: string): Promise<MeetingContext> {
	return remembered(actor, `meeting:${meetingId}`, () => findMeetingContext(actor, meetingId));
}

async function findMeetingContext(actor: Actor, meetingId: string): Promise<MeetingContext> {
	const meeting = await db().meeting.findUnique({
		where: { id: meetingId },
		select: {
			id: true,
			bodyId: true,
			status: true,
			agendaIssuedAt: true,
			partnership: { select: { slug: true } }
		}
	});
	if (!meeting) throw new NotFound('meeting');
	const ctx = await partnershipContext(actor, meeting.partnership.slug).catch(() => {
		throw new NotFound('meeting');
	});
	const { partnership: _, ...row } = meeting;
	const rest = { ...row, bodyIds: await meetingBodyIds(db(), row) };
	return { ...ctx, meeting: rest, access: (await canEditMeeting(ctx, rest)) ? 'write' : 'read' };
}

export async function canEditMeeting(
	ctx: PartnershipContext,
	meeting: { bodyId: string; bodyIds?: string[] }
): Promise<boolean> {
	if (isOfficer(ctx)) return true;
	if (ctx.membership.role !== 'MEMBER') return false;
	const bodies = meeting.bodyIds ?? [meeting.bodyId];
	return (await seatsOf(ctx)).some((seat) => bodies.includes(seat.bodyId));
}

/** Scheduling meetings and issuing agendas is the secretariat's job. */
export function canScheduleMeetings(ctx: PartnershipContext): boolean {
	return isOfficer(ctx);
}

/**
 * Whether the actor may see a paper at all: the one rule in access/restricted-material.ts (a restricted paper only
 * by the organisations named on it).
 */
export function canSeeEvidence(
	ctx: Pick<PartnershipContext, 'membership'>,
	item: { confidentiality: string; allowedOrganisationIds: unknown }
): boolean {
	return maySeePaper(ctx, item);
}

/** What the actor may do at a meeting while it runs; every meeting command asks this. */
export interface MeetingRights {
	/** Chairing: start and close, the current item, calling speakers, recording decisions and actions. */
	run: boolean;
	/** The secretariat's recorder: attendance, declarations, speakers and challenges on others' behalf. */
	recordForOthers: boolean;
	/**
	 * Taking part in person: a seat on the body, or standing in for a seat holder at this meeting; so their
	 * own apologies, declarations, turns, challenges.
	 */
	takePart: boolean;
	/** The actor's seat on the meeting's body, if any. */
	seatRole: string | null;
}

export function meetingRights(ctx: MeetingContext): Promise<MeetingRights> {
	return remembered(ctx.actor, `meeting-rights:${ctx.meeting.id}`, () => findMeetingRights(ctx));
}

async function findMeetingRights(ctx: MeetingContext): Promise<MeetingRights> {
	const [seats, standingIn] = await Promise.all([
		seatsOf(ctx),
		db().attendance.count({
			where: {
				meetingId: ctx.meeting.id,
				membershipId: ctx.membership.id,
				status: 'SUBSTITUTE_FOR'
			}
		})
	]);
	const roles = seats
		.filter((seat) => ctx.meeting.bodyIds.includes(seat.bodyId))
		.map((seat) => seat.role);
	const seatRole =
		['CHAIR', 'VICE_CHAIR', 'MEMBER', 'SUBSTITUTE', 'ADVISER'].find((r) => roles.includes(r)) ??
		null;
	const officer = isOfficer(ctx);
	const member = ctx.membership.role === 'MEMBER' || officer;
	const chair = member && isChairSeat(seatRole);
	return {
		run: officer || chair,
		recordForOthers: officer,
		takePart: member && (seatRole !== null || standingIn > 0),
		seatRole
	};
}

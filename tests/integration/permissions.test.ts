import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartnershipRole } from '../../src/lib/vocabulary.ts';
import { Client } from '../support/client.ts';
import { makePartnership, makeUser, ROLES, type Fixture } from '../support/factories.ts';
import { signedIn } from '../support/people.ts';
import { makeItem, markPresent, storeWording } from '../support/record.ts';
import { meetingIn, storeMinutesText } from '../support/minutes.ts';
import { auditCounter } from '../support/records.ts';
import {
	makeIndicator,
	makeOutcome,
	makeOutsideScheme,
	makeRatifiable,
	makeRisk
} from '../support/outcomes.ts';
import { startServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let alpha: Fixture;
let beta: Fixture;
const as = {} as Record<PartnershipRole, Client>;
beforeAll(async () => {
	server = await startServer();
	alpha = await makePartnership(server.db, 'alpha');
	beta = await makePartnership(server.db, 'beta');
	for (const role of ROLES) as[role] = await signedIn(server.url, alpha.members[role].email);
});
afterAll(() => server?.stop());

type Call = [method: string, path: string, body?: unknown, headers?: Record<string, string>];
interface Route {
	name: string;
	/** Who may use it; everyone else in the partnership gets 403. */
	allowed: readonly PartnershipRole[];
	status: 200 | 201 | 204;
	/** Whether it changes records (and so writes one audit event). */
	writes: boolean;
	/** Whether its path names a record, so another partnership's record can be put under one's own slug. */
	byId: boolean;
	/** The request on `fx`'s records under `slug`, arranging first any record it acts on. */
	call: (fx: Fixture, slug: string, role: PartnershipRole) => Promise<Call> | Call;
}

const EVERYONE = ROLES;
const ADMINS = ['ADMIN'] as const;
const OFFICERS = ['ADMIN', 'SECRETARIAT'] as const;
const p = (slug: string) => `/api/v1/partnerships/${slug}`;
const read = { allowed: EVERYONE, status: 200, writes: false, byId: false } as const;
const structure = { allowed: ADMINS, writes: true } as const;
const invitations = { allowed: OFFICERS, writes: true } as const;

async function arrangeSeat(fx: Fixture): Promise<string> {
	const seat = await server.db.bodySeat.create({
		data: {
			bodyId: fx.bodies.theme.id,
			membershipId: fx.members.REVIEWER.membershipId,
			role: 'MEMBER'
		}
	});
	return seat.id;
}

async function arrangeInvitation(fx: Fixture): Promise<string> {
	const invitation = await server.db.invitation.create({
		data: {
			partnershipId: fx.partnership.id,
			email: `arranged-${randomUUID()}@example.org`,
			role: 'MEMBER',
			organisationId: fx.organisations.tsi.id,
			tokenHash: randomUUID(),
			invitedById: fx.members.ADMIN.userId,
			expiresAt: new Date(Date.now() + 86_400_000)
		}
	});
	return invitation.id;
}

async function arrangeMeeting(fx: Fixture): Promise<string> {
	const meeting = await server.db.meeting.create({
		data: {
			partnershipId: fx.partnership.id,
			bodyId: fx.bodies.board.id,
			title: 'Arranged meeting',
			startsAt: new Date('2026-06-04T09:30:00Z'),
			createdById: fx.members.SECRETARIAT.userId
		}
	});
	return meeting.id;
}

/**
 * A board meeting under way with one item, the chair (the fixture's MEMBER) present and the item's
 * wording in the decision log.
 */
async function arrangeLive(fx: Fixture): Promise<{ meetingId: string; itemId: string }> {
	const meeting = await server.db.meeting.create({
		data: {
			partnershipId: fx.partnership.id,
			bodyId: fx.bodies.board.id,
			title: 'Live meeting',
			startsAt: new Date('2026-06-04T09:30:00Z'),
			status: 'IN_PROGRESS',
			createdById: fx.members.SECRETARIAT.userId
		}
	});
	const item = await makeItem(server.db, meeting.id);
	await markPresent(
		server.db,
		meeting.id,
		[fx.members.MEMBER.membershipId],
		fx.members.ADMIN.userId
	);
	await storeWording(server.db, meeting.id, { [item.id]: 'The board agrees.' });
	return { meetingId: meeting.id, itemId: item.id };
}

async function arrangeChallenge(fx: Fixture): Promise<string> {
	const { meetingId, itemId } = await arrangeLive(fx);
	const challenge = await server.db.challenge.create({
		data: {
			meetingId,
			agendaItemId: itemId,
			raisedByMembershipId: fx.members.MEMBER.membershipId,
			target: 'DECISION',
			kind: 'RISK',
			text: 'Arranged',
			recordedById: fx.members.MEMBER.userId
		}
	});
	return challenge.id;
}

async function arrangeDecision(fx: Fixture): Promise<string> {
	const { meetingId, itemId } = await arrangeLive(fx);
	const decision = await server.db.decision.create({
		data: {
			partnershipId: fx.partnership.id,
			bodyId: fx.bodies.board.id,
			meetingId,
			agendaItemId: itemId,
			versions: {
				create: {
					version: 1,
					wording: 'The board agrees.',
					outcome: 'AGREED',
					method: 'CONSENSUS',
					quorate: false,
					hash: 'arranged',
					recordedById: fx.members.MEMBER.userId
				}
			}
		}
	});
	return decision.id;
}

/** A decision with a commitment the council gave without delegated authority: subject to its ratification. */
async function arrangeRatifiable(fx: Fixture): Promise<string> {
	const decisionId = await arrangeDecision(fx);
	await makeRatifiable(server.db, fx, decisionId);
	return decisionId;
}

async function arrangeAction(fx: Fixture): Promise<string> {
	const decisionId = await arrangeDecision(fx);
	const decision = await server.db.decision.findUniqueOrThrow({ where: { id: decisionId } });
	const action = await server.db.action.create({
		data: {
			partnershipId: fx.partnership.id,
			bodyId: decision.bodyId,
			meetingId: decision.meetingId,
			decisionId,
			text: 'Arranged',
			ownerOrganisationId: fx.organisations.health.id,
			createdById: fx.members.MEMBER.userId
		}
	});
	return action.id;
}

const arrangeOutcome = async (fx: Fixture) => (await makeOutcome(server.db, fx)).id;
const arrangeIndicator = async (fx: Fixture) => (await makeIndicator(server.db, fx)).id;
const arrangeRisk = async (fx: Fixture) => (await makeRisk(server.db, fx)).id;

/** A priority raised by the forum, standing at `status` and held by `bodyId` (the board by default). */
async function arrangePriority(
	fx: Fixture,
	status: 'SUBMITTED' | 'DECIDED' | 'RAISED' = 'SUBMITTED',
	bodyId = fx.bodies.board.id
): Promise<string> {
	const at = new Date('2026-03-01T10:00:00Z');
	const priority = await server.db.priority.create({
		data: {
			partnershipId: fx.partnership.id,
			raisedByBodyId: fx.bodies.forum.id,
			currentBodyId: bodyId,
			title: 'Arranged priority',
			said: 'Arranged',
			engagementMethod: 'WORKSHOP',
			status,
			lastEventAt: at,
			createdById: fx.members.SECRETARIAT.userId,
			createdAt: at,
			events: {
				create: {
					type: 'RAISED',
					byBodyId: fx.bodies.forum.id,
					recordedById: fx.members.SECRETARIAT.userId,
					at
				}
			}
		}
	});
	return priority.id;
}

async function arrangeFeedback(fx: Fixture, status: 'DRAFT' | 'PUBLISHED'): Promise<string> {
	const priorityId = await arrangePriority(fx, 'DECIDED');
	const at = new Date('2026-06-04T12:00:00Z');
	const feedback = await server.db.feedback.create({
		data: {
			priorityId,
			weAsked: 'Arranged',
			youSaid: 'Arranged',
			weDid: 'Arranged',
			status,
			publishedAt: status === 'PUBLISHED' ? at : null,
			createdAt: at,
			updatedAt: at
		}
	});
	return feedback.id;
}

/** A resident's confirmed comment on a published response of `fx`, waiting for the officers. */
async function arrangeResidentComment(fx: Fixture): Promise<string> {
	const feedbackId = await arrangeFeedback(fx, 'PUBLISHED');
	const { priorityId } = await server.db.feedback.findUniqueOrThrow({ where: { id: feedbackId } });
	const comment = await server.db.residentComment.create({
		data: {
			partnershipId: fx.partnership.id,
			feedbackId,
			priorityId,
			email: `resident-${randomUUID()}@example.org`,
			text: 'Arranged comment',
			tokenHash: randomUUID(),
			expiresAt: new Date(Date.now() + 86_400_000),
			confirmedAt: new Date(),
			status: 'AWAITING_MODERATION',
			network: '192.0.2.0/24'
		}
	});
	return comment.id;
}

async function arrangePriorityFile(fx: Fixture): Promise<string> {
	const priorityId = await arrangePriority(fx);
	const bytes = Buffer.from('Arranged survey results\n');
	const sha256 = createHash('sha256').update(bytes).digest('hex');
	await server.db.fileContent.createMany({
		data: [{ sha256, size: bytes.length, bytes }],
		skipDuplicates: true
	});
	const file = await server.db.priorityFile.create({
		data: {
			priorityId,
			name: 'survey.txt',
			type: 'text/plain; charset=utf-8',
			size: bytes.length,
			sha256,
			addedById: fx.members.SECRETARIAT.userId,
			addedAt: new Date()
		}
	});
	return `/api/v1/priorities/${priorityId}/files/${file.id}`;
}

function csvUpload(): FormData {
	const form = new FormData();
	form.append('file', new File([new TextEncoder().encode('a,b\n1,2\n')], 'survey.csv'));
	return form;
}

let itemCount = 0;

/**
 * A board meeting at a stage, with one agenda item (current once in progress) and `role`'s member (the
 * seated MEMBER when none is named) recorded present.
 */
async function arrangeFloor(
	fx: Fixture,
	status: 'AGENDA_ISSUED' | 'IN_PROGRESS',
	role: PartnershipRole = 'MEMBER'
) {
	const id = await arrangeMeeting(fx);
	const item = await server.db.agendaItem.create({
		data: {
			id: `item${String(++itemCount).padStart(20, '0')}`,
			meetingId: id,
			order: 1,
			title: 'Arranged item',
			purpose: 'DECISION'
		}
	});
	const running = status === 'IN_PROGRESS';
	await server.db.meeting.update({
		where: { id },
		data: {
			status,
			agendaIssuedAt: new Date(),
			startedAt: running ? new Date() : null,
			currentItemId: running ? item.id : null,
			currentItemAt: running ? new Date() : null
		}
	});
	const membershipId = fx.members[role].membershipId;
	await server.db.attendance.create({
		data: { meetingId: id, membershipId, status: 'PRESENT', recordedById: fx.members.ADMIN.userId }
	});
	return { id, itemId: item.id, membershipId };
}

/** The seated member waiting to speak (or, `started`, speaking) at a meeting in progress. */
async function arrangeTurn(fx: Fixture, started: boolean): Promise<string> {
	const floor = await arrangeFloor(fx, 'IN_PROGRESS');
	const turn = await server.db.contribution.create({
		data: {
			meetingId: floor.id,
			agendaItemId: floor.itemId,
			membershipId: floor.membershipId,
			type: 'CONTRIBUTION',
			requestedById: fx.members.MEMBER.userId,
			startedAt: started ? new Date() : null
		}
	});
	return turn.id;
}

/** An email that failed after every retry, for an admin to send again. */
async function arrangeFailedMail(fx: Fixture): Promise<string> {
	const mail = await server.db.outboundMail.create({
		data: {
			partnershipId: fx.partnership.id,
			to: fx.members.OBSERVER.email,
			subject: 'Arranged failed email',
			text: 'Arranged',
			kind: 'action_assigned',
			status: 'FAILED',
			attempts: 8,
			lastError: '550 Mailbox unavailable'
		}
	});
	return mail.id;
}

async function arrangeNotification(fx: Fixture, role: PartnershipRole): Promise<string> {
	const notification = await server.db.notification.create({
		data: {
			userId: fx.members[role].userId,
			partnershipId: fx.partnership.id,
			message: 'Arranged notification'
		}
	});
	return notification.id;
}

/**
 * A closed board meeting with one turn the chair spoke, for the review's coding; `published` publishes
 * its review (by an officer) so codes are open to the partnership.
 */
async function arrangeReview(fx: Fixture, published = false) {
	const id = await arrangeMeeting(fx);
	const item = await makeItem(server.db, id);
	await server.db.meeting.update({
		where: { id },
		data: { status: 'CLOSED', agendaIssuedAt: new Date(), startedAt: new Date() }
	});
	const turn = await server.db.contribution.create({
		data: {
			meetingId: id,
			agendaItemId: item.id,
			membershipId: fx.members.MEMBER.membershipId,
			type: 'CONTRIBUTION',
			requestedById: fx.members.MEMBER.userId,
			startedAt: new Date(),
			endedAt: new Date()
		}
	});
	await server.db.code.create({
		data: {
			partnershipId: fx.partnership.id,
			meetingId: id,
			contributionId: turn.id,
			coderMembershipId: fx.members.REVIEWER.membershipId,
			category: 'justification',
			value: 1,
			note: 'Arranged'
		}
	});
	if (published)
		await server.db.reviewPublication.create({
			data: {
				meetingId: id,
				partnershipId: fx.partnership.id,
				publishedById: fx.members.ADMIN.userId
			}
		});
	return { id, turnId: turn.id };
}

/** A closed board meeting with one item, the chair present and one timed turn: ready for review. */
async function arrangeClosed(fx: Fixture): Promise<string> {
	const { id, itemId, membershipId } = await arrangeFloor(fx, 'IN_PROGRESS');
	await server.db.meeting.update({
		where: { id },
		data: { status: 'CLOSED', closedAt: new Date(), currentItemId: null, currentItemAt: null }
	});
	await server.db.contribution.create({
		data: {
			meetingId: id,
			agendaItemId: itemId,
			membershipId,
			type: 'CONTRIBUTION',
			requestedById: fx.members.MEMBER.userId,
			startedAt: new Date(Date.now() - 60_000),
			endedAt: new Date()
		}
	});
	return id;
}

/** Those who read a review before it is published: reviewers and officers. */
const REVIEWERS = ['ADMIN', 'SECRETARIAT', 'REVIEWER'] as const;

/** Those who edit a board meeting: officers, and the member seated on the board. */
const BOARD_WRITERS = ['ADMIN', 'SECRETARIAT', 'MEMBER'] as const;

/** Those who run a board meeting: officers, and the member who chairs the board. */
const BOARD_RUNNERS = BOARD_WRITERS;
/** Those who take part in a board meeting for themselves or record for others. */
const BOARD_FLOOR = BOARD_WRITERS;
const floorRead = { ...read, byId: true } as const;

const ROUTES: Route[] = [
	{ ...read, name: 'list organisations', call: (_, s) => ['GET', `${p(s)}/organisations`] },
	{
		...structure,
		name: 'create organisation',
		status: 201,
		byId: false,
		call: (_, s, role) => ['POST', `${p(s)}/organisations`, { name: `By ${role}`, sector: 'OTHER' }]
	},
	{
		...structure,
		name: 'update organisation',
		status: 200,
		byId: true,
		call: (fx, s) => [
			'PATCH',
			`${p(s)}/organisations/${fx.organisations.community.id}`,
			{ statutory: true }
		]
	},
	{ ...read, name: 'list bodies', call: (_, s) => ['GET', `${p(s)}/bodies`] },
	{
		...structure,
		name: 'create body',
		status: 201,
		byId: false,
		call: (_, s, role) => ['POST', `${p(s)}/bodies`, { name: `Group by ${role}`, kind: 'OTHER' }]
	},
	{
		...structure,
		name: 'update body',
		status: 200,
		byId: true,
		call: (fx, s, role) => [
			'PATCH',
			`${p(s)}/bodies/${fx.bodies.forum.id}`,
			{ remit: `By ${role}` }
		]
	},
	{
		...structure,
		name: 'add seat',
		status: 201,
		byId: true,
		call: (fx, s) => [
			'POST',
			`${p(s)}/bodies/${fx.bodies.forum.id}/seats`,
			{ membershipId: fx.members.OBSERVER.membershipId, role: 'MEMBER' }
		]
	},
	{
		...structure,
		name: 'end seat',
		status: 204,
		byId: true,
		call: async (fx, s) => ['DELETE', `${p(s)}/seats/${await arrangeSeat(fx)}`]
	},
	{ ...read, name: 'list members', call: (_, s) => ['GET', `${p(s)}/members`] },
	{
		...read,
		name: 'get member',
		byId: true,
		call: (fx, s) => ['GET', `${p(s)}/members/${fx.members.MEMBER.membershipId}`]
	},
	{
		...structure,
		name: 'update member',
		status: 200,
		byId: true,
		call: (fx, s, role) => [
			'PATCH',
			`${p(s)}/members/${fx.members.OBSERVER.membershipId}`,
			{ title: `Retitled by ${role}` }
		]
	},
	{
		allowed: ADMINS,
		name: 'read the outbox',
		status: 200,
		writes: false,
		byId: false,
		call: (_, s) => ['GET', `${p(s)}/outbox`]
	},
	{
		allowed: ADMINS,
		name: 'send a failed email again',
		status: 200,
		writes: true,
		byId: true,
		call: async (fx, s) => ['POST', `${p(s)}/outbox/${await arrangeFailedMail(fx)}/retry`]
	},
	{
		allowed: OFFICERS,
		name: 'list invitations',
		status: 200,
		writes: false,
		byId: false,
		call: (_, s) => ['GET', `${p(s)}/invitations`]
	},
	{
		...invitations,
		name: 'create invitation',
		status: 201,
		byId: false,
		call: (fx, s, role) => [
			'POST',
			`${p(s)}/invitations`,
			{
				email: `invited-by-${role.toLowerCase()}@example.org`,
				name: 'Invited',
				role: 'MEMBER',
				organisationId: fx.organisations.tsi.id
			}
		]
	},
	{
		...invitations,
		name: 'revoke invitation',
		status: 204,
		byId: true,
		call: async (fx, s) => ['DELETE', `${p(s)}/invitations/${await arrangeInvitation(fx)}`]
	},
	{ ...read, name: 'structure', call: (_, s) => ['GET', `${p(s)}/structure`] },
	{
		...read,
		name: 'list meetings',
		byId: true,
		call: (fx) => ['GET', `/api/v1/bodies/${fx.bodies.board.id}/meetings`]
	},
	{
		allowed: OFFICERS,
		name: 'schedule meeting',
		status: 201,
		writes: true,
		byId: true,
		call: (fx, _, role) => [
			'POST',
			`/api/v1/bodies/${fx.bodies.board.id}/meetings`,
			{ title: `Scheduled by ${role}`, startsAt: '2026-10-01T10:00' }
		]
	},
	{
		...read,
		name: 'get meeting',
		byId: true,
		call: async (fx) => ['GET', `/api/v1/meetings/${await arrangeMeeting(fx)}`]
	},
	{
		allowed: OFFICERS,
		name: 'issue agenda',
		status: 200,
		writes: true,
		byId: true,
		call: async (fx) => [
			'POST',
			`/api/v1/meetings/${await arrangeMeeting(fx)}/issue`,
			{ issueEmpty: true }
		]
	},
	{
		allowed: OFFICERS,
		name: 'reschedule meeting',
		status: 200,
		writes: true,
		byId: true,
		call: async (fx) => [
			'POST',
			`/api/v1/meetings/${await arrangeMeeting(fx)}/reschedule`,
			{ startsAt: '2026-10-08T10:00', place: 'Town hall' }
		]
	},
	{
		allowed: OFFICERS,
		name: 'cancel meeting',
		status: 200,
		writes: true,
		byId: true,
		call: async (fx) => [
			'POST',
			`/api/v1/meetings/${await arrangeMeeting(fx)}/cancel`,
			{ reason: 'Not quorate' }
		]
	},
	{
		allowed: OFFICERS,
		name: 'change joint body',
		status: 200,
		writes: true,
		byId: true,
		call: async (fx) => [
			'POST',
			`/api/v1/meetings/${await arrangeMeeting(fx)}/joint-bodies`,
			{ bodyId: fx.bodies.theme.id, change: 'ADD' }
		]
	},
	{
		...read,
		name: 'list evidence',
		byId: true,
		call: async (fx) => ['GET', `/api/v1/meetings/${await arrangeMeeting(fx)}/evidence`]
	},
	{
		allowed: BOARD_WRITERS,
		name: 'add restricted evidence',
		status: 201,
		writes: true,
		byId: true,
		call: async (fx) => [
			'POST',
			`/api/v1/meetings/${await arrangeMeeting(fx)}/evidence`,
			{ title: 'Restricted', kind: 'RISK', allowedOrganisationIds: [fx.organisations.health.id] }
		]
	},
	{
		...read,
		name: 'list challenges',
		byId: true,
		call: async (fx) => ['GET', `/api/v1/meetings/${(await arrangeLive(fx)).meetingId}/challenges`]
	},
	{
		...read,
		name: 'list challenges on a paper',
		byId: true,
		call: async (fx) => {
			const { meetingId } = await arrangeLive(fx);
			const paper = await server.db.evidenceItem.create({
				data: { id: randomUUID().replaceAll('-', ''), meetingId, title: 'Arranged paper' }
			});
			return ['GET', `/api/v1/meetings/${meetingId}/evidence/${paper.id}/challenges`];
		}
	},
	{
		// The chair raises their own; officers record for the chair.
		allowed: BOARD_WRITERS,
		name: 'raise challenge',
		status: 201,
		writes: true,
		byId: true,
		call: async (fx) => {
			const { meetingId, itemId } = await arrangeLive(fx);
			return [
				'POST',
				`/api/v1/meetings/${meetingId}/challenges`,
				{
					agendaItemId: itemId,
					raisedByMembershipId: fx.members.MEMBER.membershipId,
					kind: 'RISK',
					text: 'What if it fails?'
				}
			];
		}
	},
	{
		allowed: BOARD_WRITERS,
		name: 'respond to challenge',
		status: 201,
		writes: true,
		byId: true,
		call: async (fx) => [
			'POST',
			`/api/v1/challenges/${await arrangeChallenge(fx)}/response`,
			{
				respondedByMembershipId: fx.members.MEMBER.membershipId,
				text: 'Answered',
				status: 'ANSWERED'
			}
		]
	},
	{
		allowed: BOARD_WRITERS,
		name: 'record decision',
		status: 201,
		writes: true,
		byId: true,
		call: async (fx) => {
			const { meetingId, itemId } = await arrangeLive(fx);
			return [
				'POST',
				`/api/v1/meetings/${meetingId}/decisions`,
				{ agendaItemId: itemId, outcome: 'AGREED', method: 'CONSENSUS', proceedWithoutQuorum: true }
			];
		}
	},
	{
		allowed: BOARD_WRITERS,
		name: 'amend decision',
		status: 201,
		writes: true,
		byId: true,
		call: async (fx) => [
			'POST',
			`/api/v1/decisions/${await arrangeDecision(fx)}/versions`,
			{ outcome: 'NOTED', method: 'CONSENSUS', proceedWithoutQuorum: true }
		]
	},
	{
		...read,
		name: 'get decision',
		byId: true,
		call: async (fx) => ['GET', `/api/v1/decisions/${await arrangeDecision(fx)}`]
	},
	{
		...read,
		name: 'get decision version',
		byId: true,
		call: async (fx) => ['GET', `/api/v1/decisions/${await arrangeDecision(fx)}/versions/1`]
	},
	{ ...read, name: 'search decisions', call: (_, s) => ['GET', `${p(s)}/decisions?q=board`] },
	{
		allowed: BOARD_WRITERS,
		name: 'add action',
		status: 201,
		writes: true,
		byId: true,
		call: async (fx) => [
			'POST',
			`/api/v1/decisions/${await arrangeDecision(fx)}/actions`,
			{ text: 'Report back', ownerOrganisationId: fx.organisations.health.id }
		]
	},
	{
		// Officers for any partner; a member for their own organisation (the council, every fixture member's).
		allowed: ['ADMIN', 'SECRETARIAT', 'MEMBER'],
		name: 'record a ratification',
		status: 201,
		writes: true,
		byId: true,
		call: async (fx) => [
			'POST',
			`/api/v1/decisions/${await arrangeRatifiable(fx)}/ratifications`,
			{
				organisationId: fx.organisations.council.id,
				ratifiedOn: '2026-03-31',
				ratifiedBy: 'Council policy committee'
			}
		]
	},
	{
		// The parent body's ratification of a decision outside its child's scheme: officers only.
		allowed: OFFICERS,
		name: 'record a parent body’s ratification',
		status: 201,
		writes: true,
		byId: true,
		call: async (fx) => [
			'POST',
			`/api/v1/decisions/${await makeOutsideScheme(server.db, fx)}/ratifications`,
			{ bodyId: fx.bodies.board.id, ratifiedOn: '2026-06-04', ratifiedBy: 'Partnership board' }
		]
	},
	{
		...read,
		name: 'read a body’s scheme of delegation',
		byId: true,
		call: (fx) => ['GET', `/api/v1/bodies/${fx.bodies.theme.id}/delegation`]
	},
	{
		allowed: OFFICERS,
		name: 'write a body’s scheme of delegation',
		status: 201,
		writes: true,
		byId: true,
		call: (fx, _, role) => [
			'POST',
			`/api/v1/bodies/${fx.bodies.theme.id}/delegation`,
			{ mayDecide: `Written by ${role}`, financialLimitPounds: 10000, reservedMatters: ['Budgets'] }
		]
	},
	{
		...read,
		name: 'read an action with its progress',
		byId: true,
		call: async (fx) => ['GET', `/api/v1/actions/${await arrangeAction(fx)}`]
	},
	{
		// As for moving it on: the chair and officers; the owning organisation's members (action-progress.test.ts).
		allowed: BOARD_WRITERS,
		name: 'report progress on an action',
		status: 201,
		writes: true,
		byId: true,
		call: async (fx) => [
			'POST',
			`/api/v1/actions/${await arrangeAction(fx)}/updates`,
			{ on: '2026-03-31', note: 'Venues booked', percent: 40 }
		]
	},
	{
		// Officers for any partner; a member for their own organisation (the council, every fixture member's).
		allowed: ['ADMIN', 'SECRETARIAT', 'MEMBER'],
		name: 'commit resources to an action',
		status: 201,
		writes: true,
		byId: true,
		call: async (fx) => [
			'POST',
			`/api/v1/actions/${await arrangeAction(fx)}/resources`,
			{ organisationId: fx.organisations.council.id, money: 5000, staffDays: 10 }
		]
	},
	{
		// The chair and officers; a member of the owning organisation too (tested in actions.test.ts).
		allowed: BOARD_WRITERS,
		name: 'update action',
		status: 200,
		writes: true,
		byId: true,
		call: async (fx) => ['PATCH', `/api/v1/actions/${await arrangeAction(fx)}`, { status: 'DONE' }]
	},
	{ ...read, name: 'list actions', call: (_, s) => ['GET', `${p(s)}/actions?status=OPEN`] },
	{
		...read,
		name: 'matters arising',
		byId: true,
		call: async (fx) => [
			'GET',
			`/api/v1/meetings/${(await arrangeLive(fx)).meetingId}/matters-arising`
		]
	},
	{
		// The chair (MEMBER in the fixture chairs the board) or an officer.
		allowed: BOARD_WRITERS,
		name: 'close meeting',
		status: 200,
		writes: true,
		byId: true,
		call: async (fx) => [
			'POST',
			`/api/v1/meetings/${(await meetingIn(server.db, fx, 'IN_PROGRESS')).id}/close`,
			{}
		]
	},
	{
		...read,
		name: 'get minutes',
		byId: true,
		call: async (fx) => [
			'GET',
			`/api/v1/meetings/${(await meetingIn(server.db, fx, 'CLOSED')).id}/minutes`
		]
	},
	{
		allowed: BOARD_WRITERS,
		name: 'approve minutes',
		status: 200,
		writes: true,
		byId: true,
		call: async (fx) => {
			const closed = await meetingIn(server.db, fx, 'CLOSED', '2026-03-05');
			await storeMinutesText(server.db, closed.id, 'Minutes as written.');
			const next = await meetingIn(server.db, fx, 'IN_PROGRESS', '2026-06-04');
			return ['POST', `/api/v1/meetings/${closed.id}/minutes/approve`, { atMeetingId: next.id }];
		}
	},
	{
		...read,
		name: 'get survey',
		byId: true,
		call: async (fx) => [
			'GET',
			`/api/v1/meetings/${(await meetingIn(server.db, fx, 'CLOSED')).id}/survey`
		]
	},
	{
		// Only members of the partnership answer, even when an officer, reviewer or observer was there.
		allowed: ['MEMBER'],
		name: 'answer survey',
		status: 201,
		writes: true,
		byId: true,
		call: async (fx, _, role) => {
			const closed = await meetingIn(server.db, fx, 'CLOSED');
			// Closed just now, so its survey is still open.
			await server.db.meeting.update({ where: { id: closed.id }, data: { closedAt: new Date() } });
			await markPresent(
				server.db,
				closed.id,
				[fx.members[role].membershipId],
				fx.members.ADMIN.userId
			);
			return ['POST', `/api/v1/meetings/${closed.id}/survey`, { answers: { scrutiny: 4 } }];
		}
	},
	{
		...read,
		name: 'decisions CSV',
		call: (_, s) => ['GET', `${p(s)}/decisions.csv`]
	},
	{
		...read,
		name: 'actions CSV',
		call: (_, s) => ['GET', `${p(s)}/actions.csv`]
	},
	{ ...read, name: 'trace', call: (_, s) => ['GET', `${p(s)}/trace`] },
	{ ...read, name: 'trace CSV', call: (_, s) => ['GET', `${p(s)}/trace.csv`] },
	{ ...read, name: 'stalled priorities', call: (_, s) => ['GET', `${p(s)}/priorities/stalled`] },
	{
		...read,
		name: 'decisions without community input',
		call: (_, s) => ['GET', `${p(s)}/decisions/without-community-input`]
	},
	{
		...read,
		name: 'time to decision',
		call: (_, s) => ['GET', `${p(s)}/priorities/time-to-decision`]
	},
	// A closed meeting's review: reviewers and officers; members and observers only once it is
	// published (403 before; 409 for any role while the meeting has not closed, tested in review.test.ts).
	{
		allowed: REVIEWERS,
		name: 'read a closed meeting’s review',
		status: 200,
		writes: false,
		byId: true,
		call: async (fx) => ['GET', `/api/v1/meetings/${await arrangeClosed(fx)}/review`]
	},
	{
		...floorRead,
		name: 'a body’s review trends (published meetings only for members and observers)',
		call: async (fx) => {
			await arrangeClosed(fx);
			return ['GET', `/api/v1/bodies/${fx.bodies.board.id}/review-trends`];
		}
	},
	{
		...read,
		name: 'the partnership’s review summary',
		call: (_, s) => ['GET', `${p(s)}/review-summary?from=2026-01-01&to=2026-12-31`]
	},
	{
		allowed: REVIEWERS,
		name: 'download a closed meeting’s review figures',
		status: 200,
		writes: false,
		byId: true,
		call: async (fx) => [
			'GET',
			`/api/v1/meetings/${await arrangeClosed(fx)}/review/measures.csv?section=scrutiny`
		]
	},
	{
		allowed: BOARD_RUNNERS,
		name: 'start meeting',
		status: 200,
		writes: true,
		byId: true,
		call: async (fx) => [
			'POST',
			`/api/v1/meetings/${(await arrangeFloor(fx, 'AGENDA_ISSUED')).id}/start`,
			{}
		]
	},
	{
		allowed: BOARD_RUNNERS,
		name: 'set current item',
		status: 200,
		writes: true,
		byId: true,
		call: async (fx) => {
			const floor = await arrangeFloor(fx, 'IN_PROGRESS');
			return ['POST', `/api/v1/meetings/${floor.id}/current-item`, { agendaItemId: floor.itemId }];
		}
	},
	{
		...floorRead,
		name: 'get attendance',
		call: async (fx) => [
			'GET',
			`/api/v1/meetings/${(await arrangeFloor(fx, 'AGENDA_ISSUED')).id}/attendance`
		]
	},
	{
		allowed: BOARD_FLOOR,
		name: 'record own attendance',
		status: 200,
		writes: true,
		byId: true,
		call: async (fx) => [
			'POST',
			`/api/v1/meetings/${(await arrangeFloor(fx, 'AGENDA_ISSUED')).id}/attendance`,
			{ status: 'APOLOGIES' }
		]
	},
	{
		allowed: OFFICERS,
		name: 'record someone else’s attendance',
		status: 200,
		writes: true,
		byId: true,
		call: async (fx) => [
			'POST',
			`/api/v1/meetings/${(await arrangeFloor(fx, 'AGENDA_ISSUED')).id}/attendance`,
			{ membershipId: fx.members.OBSERVER.membershipId, status: 'PRESENT' }
		]
	},
	{
		...floorRead,
		name: 'list declarations',
		call: async (fx) => [
			'GET',
			`/api/v1/meetings/${(await arrangeFloor(fx, 'AGENDA_ISSUED')).id}/declarations`
		]
	},
	{
		allowed: BOARD_FLOOR,
		name: 'declare interest',
		status: 201,
		writes: true,
		byId: true,
		call: async (fx) => {
			const floor = await arrangeFloor(fx, 'AGENDA_ISSUED');
			return [
				'POST',
				`/api/v1/meetings/${floor.id}/declarations`,
				{ agendaItemId: floor.itemId, nature: 'Trustee of an applicant', action: 'REMAINED' }
			];
		}
	},
	{
		...floorRead,
		name: 'get speakers',
		call: async (fx) => [
			'GET',
			`/api/v1/meetings/${(await arrangeFloor(fx, 'IN_PROGRESS')).id}/contributions`
		]
	},
	{
		allowed: BOARD_FLOOR,
		name: 'ask to speak',
		status: 201,
		writes: true,
		byId: true,
		call: async (fx, _, role) => [
			'POST',
			`/api/v1/meetings/${(await arrangeFloor(fx, 'IN_PROGRESS', role)).id}/contributions`,
			{ type: 'QUESTION' }
		]
	},
	{
		allowed: BOARD_RUNNERS,
		name: 'call a speaker',
		status: 200,
		writes: true,
		byId: true,
		call: async (fx) => ['POST', `/api/v1/contributions/${await arrangeTurn(fx, false)}/start`, {}]
	},
	{
		allowed: BOARD_FLOOR,
		name: 'end a turn (the speaker’s own, or as chair or officer)',
		status: 200,
		writes: true,
		byId: true,
		call: async (fx) => ['POST', `/api/v1/contributions/${await arrangeTurn(fx, true)}/stop`, {}]
	},
	{
		allowed: BOARD_FLOOR,
		name: 'cancel a request to speak (one’s own, or as chair or officer)',
		status: 200,
		writes: true,
		byId: true,
		call: async (fx) => ['POST', `/api/v1/contributions/${await arrangeTurn(fx, false)}/cancel`]
	},
	{
		allowed: ['REVIEWER'],
		name: 'code a contribution of a closed meeting',
		status: 201,
		writes: true,
		byId: true,
		call: async (fx) => [
			'POST',
			`/api/v1/contributions/${(await arrangeReview(fx)).turnId}/codes`,
			{ codes: [{ category: 'storytelling', value: 1, note: 'Told of a family’s winter' }] }
		]
	},
	{
		// Before publication each reviewer reads their own codes; nobody else reads any.
		allowed: ['REVIEWER'],
		name: 'list a meeting’s codes before publication',
		status: 200,
		writes: false,
		byId: true,
		call: async (fx) => ['GET', `/api/v1/meetings/${(await arrangeReview(fx)).id}/codes`]
	},
	{
		allowed: ['REVIEWER'],
		name: 'codes as CSV before publication',
		status: 200,
		// The first export of a review gives its pseudonyms, audited.
		writes: true,
		byId: true,
		call: async (fx) => ['GET', `/api/v1/meetings/${(await arrangeReview(fx)).id}/codes.csv`]
	},
	// Issue 17: individual codes are for the coding team and officers, published or not.
	{
		allowed: REVIEWERS,
		name: 'list a meeting’s codes once published',
		status: 200,
		writes: false,
		byId: true,
		call: async (fx) => ['GET', `/api/v1/meetings/${(await arrangeReview(fx, true)).id}/codes`]
	},
	{
		allowed: REVIEWERS,
		name: 'codes as CSV once published',
		status: 200,
		writes: true,
		byId: true,
		call: async (fx) => ['GET', `/api/v1/meetings/${(await arrangeReview(fx, true)).id}/codes.csv`]
	},
	{
		allowed: OFFICERS,
		name: 'the key to a review export’s pseudonyms',
		status: 200,
		writes: false,
		byId: true,
		call: async (fx) => [
			'GET',
			`/api/v1/meetings/${(await arrangeReview(fx, true)).id}/review/pseudonyms`
		]
	},
	{
		allowed: REVIEWERS,
		name: 'publish a meeting’s review',
		status: 201,
		writes: true,
		byId: true,
		call: async (fx) => [
			'POST',
			`/api/v1/meetings/${(await arrangeReview(fx)).id}/review/publication`,
			{ publishUncoded: true }
		]
	},
	{
		allowed: OFFICERS,
		name: 'reopen a published review',
		status: 201,
		writes: true,
		byId: true,
		call: async (fx) => [
			'POST',
			`/api/v1/meetings/${(await arrangeReview(fx, true)).id}/review/reopening`,
			{ reason: 'Arranged reopening' }
		]
	},
	{
		allowed: REVIEWERS,
		name: 'add a note to a meeting’s review',
		status: 201,
		writes: true,
		byId: true,
		call: async (fx) => [
			'POST',
			`/api/v1/meetings/${(await arrangeReview(fx)).id}/review/notes`,
			{ text: 'Arranged note' }
		]
	},
	{
		...floorRead,
		name: 'list a body’s priorities',
		call: (fx) => ['GET', `/api/v1/bodies/${fx.bodies.forum.id}/priorities`]
	},
	{
		...floorRead,
		name: 'list the matters referred to a body',
		call: (fx) => ['GET', `/api/v1/bodies/${fx.bodies.theme.id}/referrals`]
	},
	{
		// Officers, and members seated on the forum (tested in priorities.test.ts).
		allowed: OFFICERS,
		name: 'raise a priority',
		status: 201,
		writes: true,
		byId: true,
		call: (fx) => [
			'POST',
			`/api/v1/bodies/${fx.bodies.forum.id}/priorities`,
			{ title: 'Raised', said: 'Said', engagement: { method: 'WORKSHOP' } }
		]
	},
	{
		...floorRead,
		name: 'residents’ voice on a priority',
		call: async (fx) => ['GET', `/api/v1/priorities/${await arrangePriority(fx)}/residents`]
	},
	{
		allowed: OFFICERS,
		name: 'list residents’ comments waiting for moderation',
		status: 200,
		writes: false,
		byId: false,
		call: (_, s) => ['GET', `${p(s)}/resident-comments`]
	},
	{
		allowed: OFFICERS,
		name: 'moderate a resident’s comment',
		status: 200,
		writes: true,
		byId: true,
		call: async (fx) => [
			'POST',
			`/api/v1/resident-comments/${await arrangeResidentComment(fx)}/moderation`,
			{ decision: 'REJECT', reason: 'OFF_TOPIC' }
		]
	},
	{
		...floorRead,
		name: 'get a priority',
		call: async (fx) => ['GET', `/api/v1/priorities/${await arrangePriority(fx)}`]
	},
	{
		// At the board, whose chair is the fixture's MEMBER.
		allowed: BOARD_WRITERS,
		name: 'accept a priority at the board',
		status: 201,
		writes: true,
		byId: true,
		call: async (fx) => [
			'POST',
			`/api/v1/priorities/${await arrangePriority(fx)}/events`,
			{
				type: 'ACCEPTED',
				leadOrganisationId: fx.organisations.health.id,
				influenceDeclared: 'CONSULT',
				hearBackBy: '2199-01-01'
			}
		]
	},
	{
		// Routes beyond the parent are the holder's chair's (and officers'): down to the theme group.
		allowed: BOARD_WRITERS,
		name: 'refer a priority down from the board',
		status: 201,
		writes: true,
		byId: true,
		call: async (fx) => [
			'POST',
			`/api/v1/priorities/${await arrangePriority(fx)}/events`,
			{
				type: 'REFERRED_DOWN',
				toBodyId: fx.bodies.theme.id,
				reason: 'The theme group’s to take on'
			}
		]
	},
	{
		// Officers, and members of the raising or holding body: the board's chair, as it holds it.
		allowed: BOARD_WRITERS,
		name: 'add a priority’s file',
		status: 201,
		writes: true,
		byId: true,
		call: async (fx) => [
			'POST',
			`/api/v1/priorities/${await arrangePriority(fx)}/files`,
			csvUpload(),
			{ origin: server.url }
		]
	},
	{
		...floorRead,
		name: 'download a priority’s file',
		call: async (fx) => ['GET', await arrangePriorityFile(fx)]
	},
	{
		allowed: OFFICERS,
		name: 'edit a drafted response',
		status: 200,
		writes: true,
		byId: true,
		call: async (fx) => [
			'PATCH',
			`/api/v1/feedback/${await arrangeFeedback(fx, 'DRAFT')}`,
			{ weDid: 'Edited' }
		]
	},
	{
		allowed: OFFICERS,
		name: 'publish a response',
		status: 200,
		writes: true,
		byId: true,
		call: async (fx) => ['POST', `/api/v1/feedback/${await arrangeFeedback(fx, 'DRAFT')}/publish`]
	},
	{
		// The forum's verdict: only members seated on the raising forum, and none of these roles holds a
		// seat on it, so every one is refused, officers included (the forum's members: feedback.test.ts).
		allowed: [],
		name: 'answer a published response',
		status: 200,
		writes: true,
		byId: true,
		call: async (fx) => [
			'POST',
			`/api/v1/feedback/${await arrangeFeedback(fx, 'PUBLISHED')}/verdict`,
			{ verdict: 'ACCEPTED' }
		]
	},
	{ ...read, name: 'list plan outcomes', call: (_, s) => ['GET', `${p(s)}/outcomes`] },
	{
		// Officers for any partner; a member for their own organisation (the council, every fixture member's).
		allowed: ['ADMIN', 'SECRETARIAT', 'MEMBER'],
		name: 'write a partner’s annual statement',
		status: 201,
		writes: true,
		byId: true,
		call: (fx, s) => [
			'POST',
			`${p(s)}/organisations/${fx.organisations.council.id}/statements`,
			{ year: 2026, text: 'The community plan shapes our corporate plan.' }
		]
	},
	{
		...read,
		name: 'read the annual outcome report',
		byId: false,
		call: (_, s) => ['GET', `${p(s)}/annual-report?year=2025`]
	},
	{
		...read,
		name: 'read a partner’s account',
		byId: true,
		call: (fx, s) => ['GET', `${p(s)}/organisations/${fx.organisations.health.id}/account`]
	},
	{
		allowed: OFFICERS,
		name: 'add a plan outcome',
		status: 201,
		writes: true,
		byId: false,
		call: (_, s) => [
			'POST',
			`${p(s)}/outcomes`,
			{ kind: 'LOIP', code: randomUUID().slice(0, 8), title: 'Arranged outcome' }
		]
	},
	{
		allowed: OFFICERS,
		name: 'tag an action with plan outcomes',
		status: 200,
		writes: true,
		byId: true,
		call: async (fx) => [
			'PUT',
			`/api/v1/actions/${await arrangeAction(fx)}/outcomes`,
			{ outcomeIds: [] }
		]
	},
	{
		...read,
		name: 'read a plan outcome with its indicators',
		byId: true,
		call: async (fx) => ['GET', `/api/v1/outcomes/${await arrangeOutcome(fx)}`]
	},
	{
		allowed: OFFICERS,
		name: 'define an indicator',
		status: 201,
		writes: true,
		byId: true,
		call: async (fx) => [
			'POST',
			`/api/v1/outcomes/${await arrangeOutcome(fx)}/indicators`,
			{
				name: 'Adults in work',
				unit: '%',
				sourceOrganisationId: fx.organisations.council.id,
				geography: 'Whole area',
				direction: 'UP',
				baselineValue: 70,
				baselineOn: '2025-04-01',
				targetValue: 75,
				targetOn: '2030-03-31'
			}
		]
	},
	{
		// The source partner's members (every fixture member is from the council, which measures it).
		allowed: ['ADMIN', 'SECRETARIAT', 'MEMBER'],
		name: 'record a reading',
		status: 201,
		writes: true,
		byId: true,
		call: async (fx) => [
			'POST',
			`/api/v1/indicators/${await arrangeIndicator(fx)}/readings`,
			{ value: 12.5, on: '2026-03-31', source: 'Annual survey' }
		]
	},
	{
		allowed: ['ADMIN', 'SECRETARIAT', 'MEMBER'],
		name: 'import readings from a CSV',
		status: 200,
		writes: true,
		byId: true,
		call: async (fx) => [
			'POST',
			`/api/v1/indicators/${await arrangeIndicator(fx)}/readings/import`,
			{ csv: 'date,value,source\n2026-03-31,12.5,Annual survey\n', confirm: true }
		]
	},
	{ ...read, name: 'read the risk register', call: (_, s) => ['GET', `${p(s)}/risks`] },
	{
		allowed: OFFICERS,
		name: 'define a risk',
		status: 201,
		writes: true,
		byId: false,
		call: (fx, s) => [
			'POST',
			`${p(s)}/risks`,
			{
				title: `Arranged risk ${randomUUID().slice(0, 8)}`,
				description: 'Partners’ savings squeeze the pooled fund.',
				ownerOrganisationId: fx.organisations.council.id,
				likelihood: 3,
				impact: 4,
				controls: 'Contributions agreed a year ahead.'
			}
		]
	},
	{
		...read,
		name: 'read a risk with its reviews',
		byId: true,
		call: async (fx) => ['GET', `/api/v1/risks/${await arrangeRisk(fx)}`]
	},
	{
		allowed: OFFICERS,
		name: 'edit a risk’s wording and links',
		status: 200,
		writes: true,
		byId: true,
		call: async (fx) => [
			'PATCH',
			`/api/v1/risks/${await arrangeRisk(fx)}`,
			{ title: `Edited risk ${randomUUID().slice(0, 8)}`, outcomeIds: [] }
		]
	},
	{
		...read,
		name: 'filter the risk register',
		call: (fx, s) => ['GET', `${p(s)}/risks?owner=${fx.organisations.council.id}&band=HIGH`]
	},
	{
		// Officers, and the owner partner's members (every fixture member is from the council, which owns it).
		allowed: ['ADMIN', 'SECRETARIAT', 'MEMBER'],
		name: 'record a risk review',
		status: 201,
		writes: true,
		byId: true,
		call: async (fx) => [
			'POST',
			`/api/v1/risks/${await arrangeRisk(fx)}/reviews`,
			{ likelihood: 2, impact: 3, controls: 'Revised controls', nextReviewOn: '2199-01-01' }
		]
	},
	{
		allowed: EVERYONE,
		name: 'mark own notification read',
		status: 200,
		writes: true,
		byId: true,
		call: async (fx, _, role) => [
			'POST',
			`/api/v1/me/notifications/${await arrangeNotification(fx, role)}/read`
		]
	}
];

const send = (client: Client, [method, path, body, headers]: Call) =>
	client.request(method, path, body, headers);

// Each cell is named by its route, so a failure reads "a partnership OBSERVER › create body → 403".
const named = (routes: Route[]) => routes.map((route) => [route.name, route] as const);

describe.each(ROLES)('a partnership %s', (role) => {
	const cells = ROUTES.map((route) => {
		const ok = route.allowed.includes(role);
		return [route.name, ok ? route.status : 403, route, ok && route.writes] as const;
	});

	it.each(cells)('%s → %i', async (_, expected, route, audited) => {
		const written = await auditCounter(server.db, { partnershipId: alpha.partnership.id });
		const res = await send(as[role], await route.call(alpha, 'alpha', role));
		expect(res.status, res.text).toBe(expected);
		if (expected === 403) expect(res.json.error.code).toBe('forbidden');
		expect(await written()).toBe(audited ? 1 : 0);
	});

	it.each(named(ROUTES))('%s of a partnership they are not in → 404', async (_, route) => {
		const written = await auditCounter(server.db, { partnershipId: beta.partnership.id });
		const res = await send(as[role], await route.call(beta, 'beta', role));
		expect(res.status, res.text).toBe(404);
		expect(res.json.error.code).toBe('not_found');
		expect(await written()).toBe(0);
	});
});

describe('another partnership’s record ids under one’s own slug', () => {
	const byId = named(ROUTES.filter((route) => route.byId));
	it.each(byId)('%s answers 404, even to an admin', async (_, route) => {
		const written = await auditCounter(server.db);
		const res = await send(as.ADMIN, await route.call(beta, 'alpha', 'ADMIN'));
		expect(res.status, res.text).toBe(404);
		expect(res.json.error.code).toBe('not_found');
		expect(await written()).toBe(0);
	});

	it('a seat on one’s own body for another partnership’s member answers 404', async () => {
		const res = await as.ADMIN.post(`${p('alpha')}/bodies/${alpha.bodies.forum.id}/seats`, {
			membershipId: beta.members.MEMBER.membershipId,
			role: 'MEMBER'
		});
		expect(res.status).toBe(404);
	});
});

describe('one person in two partnerships', () => {
	it('has the rights of their role in each: an admin of one who observes the other cannot change it', async () => {
		const user = await makeUser(server.db, 'both@example.org');
		const join = (fx: Fixture, role: PartnershipRole) =>
			server.db.membership.create({
				data: {
					userId: user.id,
					partnershipId: fx.partnership.id,
					organisationId: fx.organisations.council.id,
					role
				}
			});
		await join(alpha, 'ADMIN');
		await join(beta, 'OBSERVER');
		const both = await signedIn(server.url, 'both@example.org');
		const written = await auditCounter(server.db);
		const org = (name: string) => ({ name, sector: 'OTHER' });
		expect((await both.post(`${p('beta')}/organisations`, org('Sneaky'))).status).toBe(403);
		expect(await written()).toBe(0);
		expect((await both.get(`${p('beta')}/structure`)).status).toBe(200);
		expect((await both.post(`${p('alpha')}/organisations`, org('Welcome'))).status).toBe(201);
	});
});

describe('without signing in', () => {
	const ACCOUNT: Call[] = [
		['GET', '/api/v1/me'],
		['POST', '/api/v1/me/password', { currentPassword: 'x', newPassword: 'y'.repeat(12) }],
		['GET', '/api/v1/me/tokens'],
		['GET', '/api/v1/me/notifications'],
		['POST', `/api/v1/me/notifications/${'a'.repeat(24)}/read`, {}],
		['POST', '/api/v1/me/tokens', { name: 'x' }],
		['DELETE', `/api/v1/me/tokens/${'a'.repeat(24)}`],
		['GET', '/api/v1/me/mail-preferences'],
		['PUT', '/api/v1/me/mail-preferences', { survey_open: 'OFF' }],
		['GET', '/api/v1/me/calendar-feed'],
		['POST', '/api/v1/me/calendar-feed', {}],
		['GET', '/api/v1/partnerships'],
		['POST', '/api/v1/auth/logout', {}]
	];
	const anonymous = () => new Client(server.url);

	it.each(named(ROUTES))('%s answers 401', async (_, route) => {
		const written = await auditCounter(server.db);
		const res = await send(anonymous(), await route.call(alpha, 'alpha', 'ADMIN'));
		expect(res.status).toBe(401);
		expect(res.json.error.code).toBe('unauthenticated');
		expect(await written()).toBe(0);
	});

	it.each(ACCOUNT)('%s %s answers 401', async (...call) => {
		const res = await send(anonymous(), call);
		expect(res.status).toBe(401);
		expect(res.json.error.code).toBe('unauthenticated');
	});

	// The public record's data for other websites: open to anyone, and it changes nothing.
	const PUBLIC: [string, () => string][] = [
		['every forum’s published responses', () => '/api/v1/public/partnerships/alpha/responses'],
		[
			'a forum’s published responses',
			() => `/api/v1/public/partnerships/alpha/forums/${alpha.bodies.forum.id}/responses`
		],
		[
			'residents’ support and approved comments on a forum’s page',
			() => `/api/v1/public/partnerships/alpha/forums/${alpha.bodies.forum.id}/voice`
		]
	];
	it.each(PUBLIC)('%s answer 200 and write nothing', async (_, path) => {
		const written = await auditCounter(server.db);
		const res = await send(anonymous(), ['GET', path()]);
		expect(res.status).toBe(200);
		expect(res.headers.get('access-control-allow-origin')).toBe('*');
		expect(await written()).toBe(0);
	});

	// Residents with no account support and comment; each request is audited, and nothing counts until
	// the emailed link is confirmed (residents.test.ts).
	it('a resident may ask to support a priority and to comment on a response (201, audited)', async () => {
		const feedbackId = await arrangeFeedback(alpha, 'PUBLISHED');
		const { priorityId } = await server.db.feedback.findUniqueOrThrow({
			where: { id: feedbackId }
		});
		const forum = `/api/v1/public/partnerships/alpha/forums/${alpha.bodies.forum.id}`;
		const written = await auditCounter(server.db, { partnershipId: alpha.partnership.id });
		const support = await anonymous().post(`${forum}/priorities/${priorityId}/support`, {
			email: 'permissions-resident@example.org'
		});
		expect(support.status, support.text).toBe(201);
		const comment = await anonymous().post(`${forum}/responses/${feedbackId}/comments`, {
			email: 'permissions-resident@example.org',
			text: 'A comment'
		});
		expect(comment.status, comment.text).toBe(201);
		expect(await written()).toBe(2);
	});
});

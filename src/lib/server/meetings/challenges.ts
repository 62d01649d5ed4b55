// Challenges and their responses, as commands: who challenged what, of whom, in their words; responses
// answer them (the latest is the current answer). Only ever added; the database refuses changes. The log
// as people read it is in challenge-log.ts.
import { challengeView, readChallenges, type ChallengeView } from './challenge-log.ts';
import { z } from 'zod';
import type { Actor } from '../access/index.ts';
import { audit } from '../platform/index.ts';
import { now } from '../platform/index.ts';
import { db, transaction, type Db, type Tx } from '../platform/index.ts';
import { Conflict, Invalid, NotFound } from '../platform/index.ts';
import { publishMeetingChange } from './meeting-events.ts';
import {
	actingFor,
	agendaItemOf,
	demandInProgress,
	fail,
	ITEM_MESSAGE,
	organisationsOf,
	peopleOf
} from './floor.ts';
import { canSeeEvidence, demand, meetingContext, meetingRights } from '../access/index.ts';
import { readRoll } from './roll-and-quorum.ts';
import {
	choice,
	optionalId,
	optionalText,
	parse,
	reference,
	requiredText
} from '../platform/index.ts';
import {
	CHALLENGE_KINDS,
	CHALLENGE_TARGETS,
	DECISION_EFFECTS,
	RESPONSE_STATUSES,
	type ChallengeTarget
} from '../../vocabulary.ts';

type Reader = Db | Tx;

export const RaiseChallengeInput = z.object({
	agendaItemId: reference(ITEM_MESSAGE),
	raisedByMembershipId: optionalId('Choose who raised the challenge'),
	directedToOrganisationId: optionalId('Choose the organisation the challenge is put to'),
	directedToMembershipId: optionalId('Choose the person the challenge is put to'),
	target: choice(CHALLENGE_TARGETS, 'Choose what is challenged').nullish(),
	kind: choice(CHALLENGE_KINDS, 'Choose what kind of challenge this is'),
	text: requiredText('the challenge in the words used', 4000),
	evidenceItemId: optionalId('Choose a paper of this meeting'),
	quote: optionalText('the quoted passage', 2000)
});

export const RespondToChallengeInput = z.object({
	respondedByMembershipId: optionalId('Choose who responded'),
	text: requiredText('the response', 4000),
	status: choice(RESPONSE_STATUSES, 'Choose how far the challenge was answered'),
	effect: choice(DECISION_EFFECTS, 'Choose the effect on the decision')
		.nullish()
		.transform((v) => v ?? 'NONE')
});

export async function raiseChallenge(
	actor: Actor,
	meetingId: string,
	input: unknown
): Promise<ChallengeView> {
	const ctx = await meetingContext(actor, meetingId);
	const rights = await meetingRights(ctx);
	demand(
		rights.takePart || rights.recordForOthers,
		'Only members of this body and the secretariat can raise challenges.'
	);
	const data = parse(RaiseChallengeInput, input);
	const raisedBy = actingFor({ ctx }, data.raisedByMembershipId, rights.recordForOthers);
	demandInProgress(ctx, 'Challenges');
	const created = await transaction(async (tx) => {
		await agendaItemOf(tx, meetingId, data.agendaItemId);
		const meeting = await tx.meeting.findUniqueOrThrow({ where: { id: meetingId } });
		const roll = await readRoll(tx, meeting);
		const fields: Record<string, string> = {};
		if (!roll.some((entry) => entry.membershipId === raisedBy && entry.here))
			fields.raisedByMembershipId =
				raisedBy === ctx.membership.id
					? 'You are not recorded as present at this meeting'
					: 'Choose someone recorded as present at this meeting';
		let directedToOrganisationId = data.directedToOrganisationId ?? null;
		if (data.directedToMembershipId) {
			const person = (await peopleOf(tx, ctx.partnership.id, [data.directedToMembershipId])).get(
				data.directedToMembershipId
			);
			if (!person) fields.directedToMembershipId = 'Choose a member of this partnership';
			else directedToOrganisationId ??= person.organisationId;
		}
		if (
			data.directedToOrganisationId &&
			!(await organisationsOf(tx, ctx.partnership.id, [data.directedToOrganisationId])).size
		)
			fields.directedToOrganisationId = 'Choose one of this partnership’s organisations';
		let target: ChallengeTarget = data.target ?? 'DECISION';
		if (data.evidenceItemId) {
			target = 'EVIDENCE';
			const paper = await tx.evidenceItem.findFirst({
				where: { id: data.evidenceItemId, meetingId, withdrawn: false }
			});
			if (!paper || !canSeeEvidence(ctx, paper))
				fields.evidenceItemId = 'Choose a paper in this meeting’s pack';
		} else if (target === 'EVIDENCE') {
			fields.evidenceItemId = 'Choose the paper challenged';
		}
		if (data.quote && !data.evidenceItemId)
			fields.quote = 'A quoted passage needs the paper it is quoted from';
		fail(fields);
		const row = await tx.challenge.create({
			data: {
				meetingId,
				agendaItemId: data.agendaItemId,
				raisedByMembershipId: raisedBy,
				directedToOrganisationId,
				directedToMembershipId: data.directedToMembershipId ?? null,
				target,
				evidenceItemId: data.evidenceItemId ?? null,
				quote: data.quote ?? '',
				kind: data.kind,
				text: data.text,
				recordedById: actor.userId,
				createdAt: now()
			}
		});
		await audit(tx, actor.userId, {
			action: 'raised',
			entity: 'Challenge',
			entityId: row.id,
			partnershipId: ctx.partnership.id,
			detail: { meetingId, ...data, raisedByMembershipId: raisedBy, target }
		});
		return challengeView(tx, ctx, row.id);
	});
	publishMeetingChange(meetingId, 'challenge');
	return created;
}

export async function respondToChallenge(
	actor: Actor,
	challengeId: string,
	input: unknown
): Promise<ChallengeView> {
	const challenge = await db().challenge.findUnique({
		where: { id: challengeId },
		select: { meetingId: true }
	});
	if (!challenge) throw new NotFound('challenge');
	const ctx = await meetingContext(actor, challenge.meetingId).catch(() => {
		throw new NotFound('challenge');
	});
	const rights = await meetingRights(ctx);
	demand(
		rights.takePart || rights.recordForOthers,
		'Only members of this body and the secretariat can record responses.'
	);
	const data = parse(RespondToChallengeInput, input);
	const respondedBy = actingFor({ ctx }, data.respondedByMembershipId, rights.recordForOthers);
	// A response may also come in writing after the meeting, until its minutes are approved.
	if (ctx.meeting.status !== 'IN_PROGRESS' && ctx.meeting.status !== 'CLOSED')
		throw new Conflict(
			'Responses are recorded while the meeting runs or before its minutes are approved.'
		);
	const updated = await transaction(async (tx) => {
		if (!(await peopleOf(tx, ctx.partnership.id, [respondedBy])).size)
			throw new Invalid({ respondedByMembershipId: 'Choose a member of this partnership' });
		const row = await tx.challengeResponse.create({
			data: {
				challengeId,
				respondedByMembershipId: respondedBy,
				text: data.text,
				status: data.status,
				effect: data.effect,
				recordedById: actor.userId,
				createdAt: now()
			}
		});
		await audit(tx, actor.userId, {
			action: 'responded',
			entity: 'ChallengeResponse',
			entityId: row.id,
			partnershipId: ctx.partnership.id,
			detail: { challengeId, ...data, respondedByMembershipId: respondedBy }
		});
		return challengeView(tx, ctx, challengeId);
	});
	publishMeetingChange(challenge.meetingId, 'challenge');
	return updated;
}

/** A meeting's challenges in the order raised, optionally those on one item only. */

// Recording decisions: the chair records the outcome of the wording in the decision log, and the server
// freezes that wording, with how it was decided and by whom, into a hashed version. Versions are never
// changed or deleted; an amendment (amend.ts) is the next version, chained to the last by its hash.
import { z } from 'zod';
import type { Actor } from '../access/index.ts';
import { audit } from '../platform/index.ts';
import { now } from '../platform/index.ts';
import { db, transaction, type Tx } from '../platform/index.ts';
import { decisionHash, type VersionContent } from './hash.ts';
import { checkReferral, ReferToInput, storeReferral } from './referrals.ts';
import {
	checkAgainstScheme,
	DelegationInput,
	storeDelegationCheck,
	type DelegationCheckContent
} from './delegation-check.ts';
import {
	versionInclude,
	versionViews,
	type DecisionVersionView,
	type VersionRow
} from './views.ts';
import { Conflict, Invalid } from '../platform/index.ts';
import { withDocument } from '../meetings/index.ts';
import { publishMeetingChange } from '../meetings/index.ts';
import {
	agendaItemOf,
	demandInProgress,
	fail,
	ITEM_MESSAGE,
	organisationsOf,
	peopleOf
} from '../meetings/index.ts';
import {
	canSeeEvidence,
	demand,
	meetingContext,
	meetingRights,
	type MeetingContext
} from '../access/index.ts';
import { eligibleFor, quorumOf, readRoll, type RollEntry } from '../meetings/index.ts';
import {
	amendingBodies,
	settleTakenBy,
	storeTakenBy,
	TakenByInput,
	type TakenBy
} from './joint.ts';
import {
	choice,
	Flag,
	optionalId,
	optionalText,
	parse,
	reference,
	requiredText
} from '../platform/index.ts';
import { decisionDrafts } from '../../collab/decisions.ts';
import { meetingDocuments } from '../../collab/documents.ts';
import { DECISION_METHODS, DECISION_OUTCOMES } from '../../vocabulary.ts';

export { DecisionVersionView } from './views.ts';

const count = (label: string) =>
	z
		.number({ error: `Enter the number ${label}` })
		.int(`Enter the number ${label} as a whole number`)
		.min(0, `Enter the number ${label}`)
		.max(1000, `The number ${label} must be 1000 or fewer`);

export const DecisionContentInput = z.object({
	outcome: choice(DECISION_OUTCOMES, 'Choose the outcome'),
	method: choice(DECISION_METHODS, 'Choose how the decision was taken'),
	votes: z
		.object(
			{ for: count('for'), against: count('against'), abstained: count('abstaining') },
			{ error: 'Enter the votes for, against and abstaining' }
		)
		.nullish(),
	dissent: z
		.array(
			z.object({
				membershipId: reference('Choose who dissented'),
				reason: optionalText('the reason', 2000).transform((v) => v ?? '')
			}),
			{ error: 'List who dissented' }
		)
		.max(100, 'At most 100 dissenters')
		.default([]),
	evidenceItemIds: z
		.array(reference('Choose papers of this meeting’s pack'), { error: 'List the papers cited' })
		.max(100, 'Cite at most 100 papers')
		.default([])
		.transform((ids) => [...new Set(ids)]),
	alternatives: optionalText('the alternatives considered', 4000).transform((v) => v ?? ''),
	commitments: z
		.array(
			z.object({
				organisationId: reference('Choose the organisation committing'),
				membershipId: optionalId('Choose who committed for the organisation'),
				text: requiredText('what the organisation commits to', 2000)
			}),
			{ error: 'List the commitments' }
		)
		.max(50, 'At most 50 commitments')
		.default([]),
	/** The money it commits and the reserved matters it touches, against the body's scheme of delegation. */
	delegation: DelegationInput.optional(),
	/** The chair has been warned that the meeting is not quorate and goes ahead. */
	proceedWithoutQuorum: Flag.optional()
});
export const RecordDecisionInput = DecisionContentInput.extend({
	agendaItemId: reference(ITEM_MESSAGE),
	/** A matter the decision refers to a named body, which sees it in its own list. */
	referTo: ReferToInput.optional(),
	/** At a joint meeting, the holding bodies that took it (default: every one that is quorate). */
	takenBy: TakenByInput.optional()
});
type Content = z.output<typeof DecisionContentInput>;

export const RUN_MESSAGE = 'Only the chair, the vice-chair and the secretariat record decisions.';

/** An item's draft wording as the server's copy of the decision log has it now ('' if none). */
export async function readDraftWording(meetingId: string, agendaItemId: string): Promise<string> {
	const text = await withDocument(meetingDocuments(meetingId).decisions, (doc) =>
		decisionDrafts(doc).get(agendaItemId)?.toString()
	);
	return (text ?? '').trim();
}

/** The draft wording to freeze, or Invalid on `wording` when there is none. */
export async function draftWording(meetingId: string, agendaItemId: string): Promise<string> {
	const wording = await readDraftWording(meetingId, agendaItemId);
	if (!wording)
		throw new Invalid({
			wording: 'The decision log has no wording for this item; write it before recording'
		});
	if (wording.length > 20_000)
		throw new Invalid({ wording: 'The wording must be 20,000 characters or fewer' });
	return wording;
}

/** Checks the content against the roll; gives what to store, or throws Invalid / Conflict. */
export async function settle(
	tx: Tx,
	ctx: MeetingContext,
	agendaItemId: string,
	data: Content,
	/** At a joint meeting, the bodies taking it, already checked against their own quorums. */
	joint?: TakenBy | null
): Promise<{
	quorate: boolean;
	participants: string[];
	commitments: VersionContent['commitments'];
	delegation: DelegationCheckContent;
}> {
	const meeting = await tx.meeting.findUniqueOrThrow({
		where: { id: ctx.meeting.id },
		include: { body: { select: { quorum: true } } }
	});
	const roll = await readRoll(tx, meeting);
	const eligible = await eligibleFor(tx, meeting, agendaItemId, roll);
	const taking = new Set(eligible.map((e) => e.membershipId));
	const fields: Record<string, string> = {};
	if (data.method === 'VOTE') {
		const v = data.votes;
		if (!v) fields.votes = 'Enter the votes for, against and abstaining';
		else if (v.for + v.against + v.abstained !== eligible.length)
			fields.votes = `The votes add up to ${v.for + v.against + v.abstained}, but ${eligible.length} ${eligible.length === 1 ? 'member is' : 'members are'} present and eligible to vote`;
	} else if (data.votes) {
		fields.votes = 'A decision by consensus has no vote counts';
	}
	const seen = new Set<string>();
	data.dissent.forEach((d, i) => {
		if (!taking.has(d.membershipId))
			fields[`dissent.${i}.membershipId`] =
				'Only members present and taking part in this decision can be recorded as dissenting';
		else if (seen.has(d.membershipId))
			fields[`dissent.${i}.membershipId`] = 'This member is listed twice';
		seen.add(d.membershipId);
	});
	if (data.evidenceItemIds.length) {
		const papers = await tx.evidenceItem.findMany({
			where: { id: { in: data.evidenceItemIds }, meetingId: ctx.meeting.id, withdrawn: false }
		});
		if (papers.filter((p) => canSeeEvidence(ctx, p)).length !== data.evidenceItemIds.length)
			fields.evidenceItemIds = 'Cite only papers in this meeting’s pack';
	}
	const organisations = await organisationsOf(
		tx,
		ctx.partnership.id,
		data.commitments.map((c) => c.organisationId)
	);
	const people = await peopleOf(
		tx,
		ctx.partnership.id,
		data.commitments.flatMap((c) => c.membershipId ?? [])
	);
	const commitments = data.commitments.map((c, i) => {
		if (!organisations.has(c.organisationId))
			fields[`commitments.${i}.organisationId`] = 'Choose one of this partnership’s organisations';
		const person = c.membershipId ? people.get(c.membershipId) : undefined;
		if (c.membershipId && person?.organisationId !== c.organisationId)
			fields[`commitments.${i}.membershipId`] =
				'Choose a representative of the organisation committing';
		return {
			organisationId: c.organisationId,
			membershipId: c.membershipId ?? null,
			text: c.text,
			withAuthority: authorityOf(roll, eligible, c)
		};
	});
	const delegation = await checkAgainstScheme(tx, meeting.bodyId, data.delegation, fields);
	fail(fields);
	const quorum = quorumOf(roll, meeting.body.quorum);
	if (joint || ctx.meeting.bodyIds.length > 1) {
		const bodies = joint?.bodies ?? (await amendingBodies(tx, meeting, roll, agendaItemId, data));
		return {
			quorate: bodies.every((b) => b.met),
			participants: [...taking].sort(),
			commitments,
			delegation
		};
	}
	if (!quorum.met && !data.proceedWithoutQuorum)
		throw new Conflict(
			`The meeting is not quorate: ${quorum.present} voting ${quorum.present === 1 ? 'member is' : 'members are'} present and the quorum is ${quorum.rule}. Confirm to record the decision without a quorum.`,
			undefined,
			'not_quorate'
		);
	return { quorate: quorum.met, participants: [...taking].sort(), commitments, delegation };
}

/** A representative commits with authority if delegated it; unnamed, any of the organisation's members taking part. */
function authorityOf(
	roll: RollEntry[],
	eligible: RollEntry[],
	c: { organisationId: string; membershipId?: string | null }
): boolean {
	if (c.membershipId)
		return roll.find((e) => e.membershipId === c.membershipId)?.delegatedAuthority ?? false;
	return eligible.some((e) => e.organisationId === c.organisationId && e.delegatedAuthority);
}

/** Stores one version with its hash; nothing here is ever written again. */
export async function freeze(
	tx: Tx,
	actor: Actor,
	decisionId: string,
	version: number,
	previousHash: string | null,
	wording: string,
	data: Content,
	settled: Awaited<ReturnType<typeof settle>>
): Promise<string> {
	const recordedAt = now();
	const content: VersionContent = {
		decisionId,
		version,
		wording,
		outcome: data.outcome,
		method: data.method,
		votes: data.method === 'VOTE' ? data.votes! : null,
		dissent: data.dissent.map((d) => ({ membershipId: d.membershipId, reason: d.reason })),
		evidenceItemIds: data.evidenceItemIds,
		alternatives: data.alternatives,
		commitments: settled.commitments,
		quorate: settled.quorate,
		participants: settled.participants,
		recordedById: actor.userId,
		recordedAt: recordedAt.toISOString(),
		previousHash
	};
	const row = await tx.decisionVersion.create({
		data: {
			decisionId,
			version,
			wording,
			outcome: data.outcome,
			method: data.method,
			votesFor: content.votes?.for ?? null,
			votesAgainst: content.votes?.against ?? null,
			votesAbstained: content.votes?.abstained ?? null,
			alternatives: data.alternatives,
			quorate: settled.quorate,
			participants: settled.participants,
			hash: decisionHash(content),
			previousHash,
			recordedById: actor.userId,
			recordedAt,
			dissent: { create: content.dissent },
			evidence: { create: content.evidenceItemIds.map((evidenceItemId) => ({ evidenceItemId })) },
			commitments: { create: settled.commitments }
		}
	});
	// Beside the version, not in it: the hash covers what was decided, not how it sits with the scheme.
	await storeDelegationCheck(tx, decisionId, version, settled.delegation, recordedAt);
	return row.id;
}

export async function versionView(tx: Tx, ctx: MeetingContext, versionId: string) {
	const row = await tx.decisionVersion.findUniqueOrThrow({
		where: { id: versionId },
		include: { ...versionInclude, decision: true }
	});
	const [view] = await versionViews(tx, ctx, row.decision, [row as VersionRow]);
	return view;
}

export async function recordDecision(
	actor: Actor,
	meetingId: string,
	input: unknown
): Promise<DecisionVersionView> {
	const ctx = await meetingContext(actor, meetingId);
	demand((await meetingRights(ctx)).run, RUN_MESSAGE);
	const data = parse(RecordDecisionInput, input);
	demandInProgress(ctx, 'Decisions');
	await agendaItemOf(db(), meetingId, data.agendaItemId);
	const already = () =>
		new Conflict('A decision is already recorded for this item; amend it to record a new version.');
	if (await db().decision.count({ where: { agendaItemId: data.agendaItemId } })) throw already();
	// Read before the transaction: the sync server stores updates through its own connection.
	const wording = await draftWording(meetingId, data.agendaItemId);
	const view = await transaction(async (tx) => {
		const referral: Record<string, string> = {};
		await checkReferral(tx, ctx.partnership.id, ctx.meeting.bodyId, data.referTo, referral);
		fail(referral);
		const takenBy = await settleTakenBy(tx, ctx, data.takenBy, data.proceedWithoutQuorum);
		const settled = await settle(tx, ctx, data.agendaItemId, data, takenBy);
		if (await tx.decision.count({ where: { agendaItemId: data.agendaItemId } })) throw already();
		const decision = await tx.decision.create({
			data: {
				partnershipId: ctx.partnership.id,
				bodyId: ctx.meeting.bodyId,
				meetingId,
				agendaItemId: data.agendaItemId,
				createdAt: now()
			}
		});
		const versionId = await freeze(tx, actor, decision.id, 1, null, wording, data, settled);
		const referralId = await storeReferral(tx, actor.userId, decision, data.referTo, now());
		await storeTakenBy(tx, decision.id, takenBy, now());
		const view = await versionView(tx, ctx, versionId);
		await audit(tx, actor.userId, {
			action: 'recorded',
			entity: 'Decision',
			entityId: decision.id,
			partnershipId: ctx.partnership.id,
			detail: { meetingId, version: 1, hash: view.hash, ...data, referralId }
		});
		return view;
	});
	publishMeetingChange(meetingId, 'decision');
	return view;
}

/** The decision and its meeting's context, for someone in its partnership. */

// Checking a decision's content against the meeting's roll before it is frozen: the votes add up to those
// present and eligible, dissenters take part, papers cited are in the pack, commitments are by the
// partnership's organisations, the delegation is checked against the scheme, and the meeting (or, at a joint
// meeting, each body taking it) is quorate or the chair confirms going ahead.
import type { VersionContent } from './hash.ts';
import { checkAgainstScheme, type DelegationCheckContent } from './delegation-check.ts';
import { amendingBodies, type TakenBy } from './joint.ts';
import type { Content } from './decision-input.ts';
import { Conflict, type Tx } from '../platform/index.ts';
import { canSeeEvidence, type MeetingContext } from '../access/index.ts';
import {
	eligibleFor,
	fail,
	organisationsOf,
	peopleOf,
	quorumOf,
	readRoll,
	type RollEntry
} from '../meetings/index.ts';

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

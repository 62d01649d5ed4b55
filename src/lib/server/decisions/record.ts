// Recording decisions: the chair records the outcome of the wording in the decision log, and the server
// freezes that wording, with how it was decided and by whom, into a hashed version. Versions are never
// changed or deleted; an amendment (amend.ts) is the next version, chained to the last by its hash.
// The input schemas are in decision-input.ts, the checks against the roll in settle.ts, the wording read
// from the decision log in wording.ts.
import type { Actor } from '../access/index.ts';
import { audit, Conflict, db, now, parse, transaction, type Tx } from '../platform/index.ts';
import { decisionHash, type VersionContent } from './hash.ts';
import { checkReferral, storeReferral } from './referrals.ts';
import { storeDelegationCheck } from './delegation-check.ts';
import {
	versionInclude,
	versionViews,
	type DecisionVersionView,
	type VersionRow
} from './views.ts';
import { agendaItemOf, demandInProgress, fail, publishMeetingChange } from '../meetings/index.ts';
import { demand, meetingContext, meetingRights, type MeetingContext } from '../access/index.ts';
import { settleTakenBy, storeTakenBy } from './joint.ts';
import { RecordDecisionInput, RUN_MESSAGE, type Content } from './decision-input.ts';
import { settle } from './settle.ts';
import { draftWording } from './wording.ts';

export { DecisionVersionView } from './views.ts';

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

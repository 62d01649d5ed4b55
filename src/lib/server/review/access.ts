// Who may do what with a meeting's review (DESIGN §6). One place for the rules, asked by the review's
// measures, the coding, the notes, publication and the pages:
// - the review opens once the meeting has closed (409 before);
// - reviewers and officers read it at any time; members and observers once it is published (403 before);
// - only reviewers code; each sees their own codes until the review is published, then everyone's;
//   officers see no codes until publication, so a coder's judgements are their own until then;
// - individual codes (per contribution and coder, and the values behind a disagreement) are for the
//   coding team and the officers only (issue 17): members and observers never see them, not even once
//   the review is published; they read the aggregate measures (the DQI summary, agreement) instead;
// - the research export (codes.csv) names people and organisations by pseudonyms, and only officers
//   read the key to them;
// - reviewers and officers write notes and publish;
// - once published the review is frozen: no codes or notes (409 'review_published') until an officer
//   reopens it, and again once it is republished. Members keep reading it while it is reopened.
// Nobody alters the meeting's record from here: the review reads it.
import type { Actor } from '../access/index.ts';
import { db, type Db, type Tx } from '../platform/index.ts';
import { Conflict, Forbidden } from '../platform/index.ts';
import { requireStatus } from '../meetings/index.ts';
import {
	isOfficer,
	mayManageReview,
	meetingContext,
	type MeetingContext
} from '../access/index.ts';
import type { MeetingStatus } from '../../vocabulary.ts';

export const REVIEWABLE: readonly MeetingStatus[] = ['CLOSED', 'MINUTES_APPROVED'];

export interface ReviewContext extends MeetingContext {
	published: { at: Date; byId: string } | null;
	/** Reopened by an officer since it was last published. */
	reopened: boolean;
	/** Reopenings and republications, oldest first. */
	steps: ReopeningStep[];
	/** Reviewers: coding contributions. */
	canCode: boolean;
	/** Reviewers and officers: notes and publishing. */
	canManage: boolean;
	/**
	 * Whose individual codes the actor sees: their own (a reviewer before publication), everyone's (the
	 * coding team and officers once published), or none (officers before publication, members always).
	 */
	codeScope: 'own' | 'all' | 'none';
	/**
	 * Whose codes the aggregate DQI figures count: the same as codeScope, except that members and
	 * observers read the figures of a published review ('all') though none of the codes behind them.
	 */
	measureScope: 'own' | 'all' | 'none';
	/** Officers: the key to the export's pseudonyms. */
	canReadPseudonymKey: boolean;
}

export interface ReopeningStep {
	step: 'REOPENED' | 'REPUBLISHED';
	at: Date;
	byId: string;
	reason: string;
}

export async function reopeningSteps(reader: Db | Tx, meetingId: string): Promise<ReopeningStep[]> {
	return reader.reviewReopening.findMany({
		where: { meetingId },
		select: { step: true, at: true, byId: true, reason: true },
		orderBy: [{ at: 'asc' }, { id: 'asc' }]
	});
}

export const FROZEN =
	'This review has been published, so its codes and notes are frozen. ' +
	'An officer (admin or secretariat) must reopen it before anything is added.';

/**
 * Refuses (409 'review_published') a change to a published review that no officer has reopened. Asked
 * again inside the command's transaction, so a republication in between is not missed.
 */
export async function requireUnfrozen(reader: Db | Tx, meetingId: string): Promise<void> {
	const [publication, steps] = await Promise.all([
		reader.reviewPublication.findUnique({ where: { meetingId }, select: { meetingId: true } }),
		reopeningSteps(reader, meetingId)
	]);
	if (publication && steps.at(-1)?.step !== 'REOPENED')
		throw new Conflict(FROZEN, ['reopen'], 'review_published');
}

export async function reviewContext(actor: Actor, meetingId: string): Promise<ReviewContext> {
	const ctx = await meetingContext(actor, meetingId);
	requireStatus(
		ctx.meeting as { status: MeetingStatus },
		REVIEWABLE,
		'A meeting is reviewed once it has closed'
	);
	const [publication, steps] = await Promise.all([
		db().reviewPublication.findUnique({ where: { meetingId } }),
		reopeningSteps(db(), meetingId)
	]);
	const reviewer = ctx.membership.role === 'REVIEWER';
	const canManage = mayManageReview(ctx);
	if (!canManage && !publication)
		throw new Forbidden('The review of this meeting has not been published yet.');
	return {
		...ctx,
		published: publication
			? { at: publication.publishedAt, byId: publication.publishedById }
			: null,
		reopened: publication !== null && steps.at(-1)?.step === 'REOPENED',
		steps,
		canCode: reviewer,
		canManage,
		codeScope: publication ? (canManage ? 'all' : 'none') : reviewer ? 'own' : 'none',
		measureScope: publication ? 'all' : reviewer ? 'own' : 'none',
		canReadPseudonymKey: isOfficer(ctx)
	};
}

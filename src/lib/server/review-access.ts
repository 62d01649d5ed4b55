// Who may do what with a meeting's review (DESIGN §6). One place for the rules, asked by the review's
// measures, the coding, the notes, publication and the pages:
// - the review opens once the meeting has closed (409 before);
// - reviewers and officers read it at any time; members and observers once it is published (403 before);
// - only reviewers code; each sees their own codes until the review is published, then everyone's;
//   officers see no codes until publication, so a coder's judgements are their own until then;
// - reviewers and officers write notes and publish.
// Nobody alters the meeting's record from here: the review reads it.
import type { Actor } from './actor.ts';
import { db } from './db.ts';
import { Forbidden } from './errors.ts';
import { requireStatus } from './meeting-record.ts';
import { meetingContext, type MeetingContext } from './permissions.ts';
import type { MeetingStatus } from '../vocabulary.ts';

export const REVIEWABLE: readonly MeetingStatus[] = ['CLOSED', 'MINUTES_APPROVED'];

export interface ReviewContext extends MeetingContext {
	published: { at: Date; byId: string } | null;
	/** Reviewers: coding contributions. */
	canCode: boolean;
	/** Reviewers and officers: notes and publishing. */
	canManage: boolean;
	/** Whose codes the actor sees: their own (a reviewer before publication), everyone's, or none. */
	codeScope: 'own' | 'all' | 'none';
}

export async function reviewContext(actor: Actor, meetingId: string): Promise<ReviewContext> {
	const ctx = await meetingContext(actor, meetingId);
	requireStatus(
		ctx.meeting as { status: MeetingStatus },
		REVIEWABLE,
		'A meeting is reviewed once it has closed'
	);
	const publication = await db().reviewPublication.findUnique({ where: { meetingId } });
	const role = ctx.membership.role;
	const reviewer = role === 'REVIEWER';
	const canManage = reviewer || role === 'ADMIN' || role === 'SECRETARIAT';
	if (!canManage && !publication)
		throw new Forbidden('The review of this meeting has not been published yet.');
	return {
		...ctx,
		published: publication
			? { at: publication.publishedAt, byId: publication.publishedById }
			: null,
		canCode: reviewer,
		canManage,
		codeScope: publication ? 'all' : reviewer ? 'own' : 'none'
	};
}

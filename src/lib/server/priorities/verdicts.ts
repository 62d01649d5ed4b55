// The forum's verdict on a published response: accepted or contested, by a member seated on the forum
// (never an officer on its behalf), changed at most once with a reason. A contested response, and a change,
// go back to the officers: one notification each, and to the deciding body's next agenda as a matter arising.
import { z } from 'zod';
import type { Actor } from '../access/index.ts';
import { mailAlongside } from '../notify/index.ts';
import { audit } from '../platform/index.ts';
import { now } from '../platform/index.ts';
import { transaction, type Db, type Tx } from '../platform/index.ts';
import { Conflict, Invalid } from '../platform/index.ts';
import { demand } from '../access/index.ts';
import { mayGiveVerdict, type PriorityRow } from '../access/index.ts';
import { optionalText, parse } from '../platform/index.ts';

type Reader = Db | Tx;
import { feedbackContext, feedbackView, type FeedbackView } from './responses.ts';
import {
	placeMattersArising,
	recordMatterArising,
	withdrawWaitingMatters
} from '../meetings/index.ts';
import { sharedText } from './forum-loop.ts';
import { appendEvent } from './timeline.ts';

export const VerdictInput = z
	.object({
		verdict: z.enum(['ACCEPTED', 'CONTESTED'], {
			error: 'Choose whether the forum accepts or contests the response'
		}),
		note: optionalText('the note', 2000),
		/** Required to change a verdict already given (allowed once). */
		reason: optionalText('the reason for the change', 2000)
	})
	.refine((v) => v.verdict !== 'CONTESTED' || (v.note ?? '').length > 0, {
		path: ['note'],
		message: 'Say why the forum contests the response'
	});

/**
 * The forum's answer to a published response, given by a member seated on the forum. A first verdict
 * that contests the response notifies each of the partnership's secretariat officers in the app. The
 * forum may change its verdict once more, with a reason (400 without), which notifies them once;
 * after that the verdict is final (409 'verdict_final').
 */
export async function giveVerdict(
	actor: Actor,
	feedbackId: string,
	input: unknown
): Promise<FeedbackView> {
	const { ctx, feedback, priority, rights } = await feedbackContext(actor, feedbackId);
	demand(
		mayGiveVerdict(rights, priority.raisedByBodyId),
		'The verdict is the forum’s: only a member seated on the forum that raised the priority gives it, ' +
			'not an officer on its behalf.'
	);
	const data = parse(VerdictInput, input);
	if (feedback.status !== 'PUBLISHED')
		throw new Conflict('The forum answers a response once it has been published.');
	const change = feedback.verdict !== null;
	if (change && feedback.verdictChangeReason)
		throw new Conflict(
			'The forum has already changed its verdict once; it is final.',
			undefined,
			'verdict_final'
		);
	if (change && !data.reason)
		throw new Invalid({ reason: 'Say why the forum changes its verdict' });
	const done = await transaction(async (tx) => {
		const at = now();
		const verdict = {
			verdict: data.verdict,
			verdictNote: data.note ?? '',
			verdictAt: at,
			verdictById: actor.userId,
			updatedAt: at
		};
		// Only over the verdict this command was checked against, so two answers at once cannot both land.
		const { count } = await tx.feedback.updateMany({
			where: { id: feedbackId, verdictAt: feedback.verdictAt, verdictChangeReason: '' },
			data: change
				? { ...verdict, verdictChangeReason: data.reason }
				: {
						...verdict,
						firstVerdict: data.verdict,
						firstVerdictNote: verdict.verdictNote,
						firstVerdictAt: at,
						firstVerdictById: actor.userId
					}
		});
		if (count !== 1)
			throw new Conflict('The forum’s verdict was given meanwhile; reload the page to see it.');
		const row = await tx.feedback.findUniqueOrThrow({ where: { id: feedbackId } });
		// A contested response goes back to the body that decided, as a matter arising on its next agenda.
		const arising =
			data.verdict === 'CONTESTED' && feedback.verdict !== 'CONTESTED'
				? await matterArising(tx, actor.userId, priority.id, row, data.note ?? '', at)
				: null;
		// Accepted after all: a matter arising still waiting for a meeting no longer waits.
		const withdrawn =
			data.verdict === 'ACCEPTED' && feedback.verdict === 'CONTESTED'
				? await withdrawWaitingMatters(tx, actor.userId, feedbackId, at)
				: 0;
		// Accepting the response (first, or after contesting it) is a step on the priority's timeline,
		// which tells the forum.
		const accepted =
			data.verdict === 'ACCEPTED' && feedback.verdict !== 'ACCEPTED'
				? await acceptedStep(tx, actor.userId, priority.id, feedbackId, data.note ?? '', at)
				: null;
		const notified = change
			? await notifyOfficers(tx, ctx.partnership, priority, at, (forum) =>
					changedMessage(forum, priority.title, feedback.verdict!, data.verdict, data.reason!)
				)
			: data.verdict === 'CONTESTED'
				? await notifyOfficers(
						tx,
						ctx.partnership,
						priority,
						at,
						(forum) => `${forum} contested the response to “${priority.title}”`
					)
				: 0;
		await audit(tx, actor.userId, {
			action: change ? 'verdict_changed' : 'verdict_given',
			entity: 'Feedback',
			entityId: feedbackId,
			partnershipId: ctx.partnership.id,
			detail: {
				priorityId: priority.id,
				verdict: data.verdict,
				note: data.note,
				...(change ? { from: feedback.verdict, reason: data.reason } : {}),
				notified,
				matterArisingId: arising?.id,
				...(accepted ? { eventId: accepted.id } : {}),
				...(withdrawn ? { mattersArisingWithdrawn: withdrawn } : {})
			}
		});
		return { view: feedbackView(row), arising };
	});
	if (done.arising) await placeMattersArising(actor.userId, done.arising.bodyId);
	return done.view;
}

/**
 * In the verdict's transaction: the matter arising for the deciding body (the decision's, or the body
 * holding the priority when the response answers no decision), and its step on the priority's timeline,
 * which tells the forum. The forum's reason is composed for the SHARED reader: it goes on an agenda.
 */
async function matterArising(
	tx: Tx,
	actorUserId: string,
	priorityId: string,
	feedback: { id: string; decisionId: string | null },
	note: string,
	at: Date
) {
	const priority = await tx.priority.findUniqueOrThrow({ where: { id: priorityId } });
	const decision = feedback.decisionId
		? await tx.decision.findUnique({ where: { id: feedback.decisionId }, select: { bodyId: true } })
		: null;
	const bodyId = decision?.bodyId ?? priority.currentBodyId;
	const forum = await tx.body.findUniqueOrThrow({
		where: { id: priority.raisedByBodyId },
		select: { name: true }
	});
	const reason = await sharedText(tx, priority.partnershipId, note);
	const matter = await recordMatterArising(tx, {
		partnershipId: priority.partnershipId,
		bodyId,
		priorityId,
		feedbackId: feedback.id,
		forumBodyId: priority.raisedByBodyId,
		priorityTitle: priority.title,
		forumName: forum.name,
		reason,
		createdById: actorUserId,
		at
	});
	await appendEvent(
		tx,
		actorUserId,
		priority,
		{ type: 'MATTER_ARISING', byBodyId: priority.raisedByBodyId, toBodyId: bodyId, reason },
		at,
		{ audit: { matterArisingId: matter.id, feedbackId: feedback.id } }
	);
	return matter;
}

/** In the verdict's transaction: the forum's acceptance as a step on the priority's timeline. */
async function acceptedStep(
	tx: Tx,
	actorUserId: string,
	priorityId: string,
	feedbackId: string,
	note: string,
	at: Date
) {
	const priority = await tx.priority.findUniqueOrThrow({ where: { id: priorityId } });
	const reason = await sharedText(tx, priority.partnershipId, note);
	const { event } = await appendEvent(
		tx,
		actorUserId,
		priority,
		{ type: 'RESPONSE_ACCEPTED', byBodyId: priority.raisedByBodyId, reason },
		at,
		{ audit: { feedbackId } }
	);
	return event;
}

const VERDICT_WORD = { ACCEPTED: 'accepted', CONTESTED: 'contested' } as const;

function changedMessage(
	forum: string,
	title: string,
	from: keyof typeof VERDICT_WORD,
	to: keyof typeof VERDICT_WORD,
	reason: string
): string {
	const state = from === to ? `still ${VERDICT_WORD[to]}` : `now ${VERDICT_WORD[to]}`;
	return `${forum} changed its verdict on the response to “${title}” (${state}, was ${VERDICT_WORD[from]}). Reason: ${reason}`;
}

/** One notification for each of the partnership's secretariat officers, the board's officers. */
async function notifyOfficers(
	tx: Tx,
	partnership: { id: string; slug: string },
	priority: PriorityRow,
	at: Date,
	message: (forum: string) => string
): Promise<number> {
	const officers = await tx.membership.findMany({
		where: { partnershipId: partnership.id, role: 'SECRETARIAT' },
		select: { userId: true }
	});
	const forum = await tx.body.findUniqueOrThrow({
		where: { id: priority.raisedByBodyId },
		select: { name: true }
	});
	const text = message(forum.name);
	const link = `/p/${partnership.slug}/priorities/${priority.id}`;
	await tx.notification.createMany({
		data: officers.map(({ userId }) => ({
			userId,
			partnershipId: partnership.id,
			message: text,
			link,
			createdAt: at
		}))
	});
	await mailAlongside(
		tx,
		'response_contested',
		partnership.id,
		officers.map((o) => o.userId),
		`${forum.name} on the response to “${priority.title}”`,
		text,
		link
	);
	return officers.length;
}

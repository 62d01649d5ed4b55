// The answer to a forum on its priority, "we asked / you said / we did": drafted from the record when a
// linked decision is recorded, edited and published by officers (publishing is an event on the priority's
// timeline), then accepted or contested by the forum (verdicts.ts).
import { z } from 'zod';
import type { Actor } from '../access/index.ts';
import { audit } from '../platform/index.ts';
import { now } from '../platform/index.ts';
import { db, transaction, type Db, type Tx } from '../platform/index.ts';
import { Conflict, NotFound } from '../platform/index.ts';
import { draftFromRecord } from './response-draft.ts';
import { partnershipContext, demand } from '../access/index.ts';
import { rightsOf, type PriorityRow } from '../access/index.ts';
import { follows, NEXT } from './flow.ts';
import { appendEvent } from './timeline.ts';
import { isoDate, optionalText, parse, requiredText } from '../platform/index.ts';

type Reader = Db | Tx;

export const FirstVerdict = z.object({
	verdict: z.enum(['ACCEPTED', 'CONTESTED']),
	note: z.string(),
	at: z.iso.datetime()
});
export const ChangedVerdict = FirstVerdict.extend({ reason: z.string() });

export const FeedbackView = z.object({
	id: z.string(),
	priorityId: z.string(),
	decisionId: z.string().nullable(),
	weAsked: z.string(),
	youSaid: z.string(),
	weDid: z.string(),
	nextSteps: z.string(),
	hearAgainBy: z.iso.date().nullable(),
	status: z.enum(['DRAFT', 'PUBLISHED']),
	publishedAt: z.iso.datetime().nullable(),
	publishedById: z.string().nullable(),
	verdict: z.enum(['ACCEPTED', 'CONTESTED']).nullable(),
	verdictNote: z.string(),
	verdictAt: z.iso.datetime().nullable(),
	verdictById: z.string().nullable(),
	/** The forum's first verdict, as given; kept when the forum changes it. */
	firstVerdict: FirstVerdict.nullable(),
	/** The one change the forum may make after its first verdict, with why; null until then. */
	changedVerdict: ChangedVerdict.nullable(),
	createdAt: z.iso.datetime(),
	updatedAt: z.iso.datetime()
});
export type FeedbackView = z.infer<typeof FeedbackView>;

export const UpdateFeedbackInput = z.object({
	weAsked: requiredText('what we asked', 4000).optional(),
	youSaid: requiredText('what you said', 4000).optional(),
	weDid: requiredText('what we did', 8000).optional(),
	nextSteps: optionalText('the next steps', 4000),
	hearAgainBy: isoDate('Enter a date, for example 2026-09-01').nullish()
});

type FeedbackRow = NonNullable<Awaited<ReturnType<Db['feedback']['findFirst']>>>;

type VerdictColumns = Pick<
	FeedbackRow,
	| 'verdict'
	| 'verdictNote'
	| 'verdictAt'
	| 'firstVerdict'
	| 'firstVerdictNote'
	| 'firstVerdictAt'
	| 'verdictChangeReason'
>;

/** The first verdict and the change, if any, for the officers' view and the public page alike. */
export function verdictHistory(row: VerdictColumns) {
	const first =
		row.firstVerdict && row.firstVerdictAt
			? {
					verdict: row.firstVerdict,
					note: row.firstVerdictNote,
					at: row.firstVerdictAt.toISOString()
				}
			: null;
	const changed =
		row.verdict && row.verdictAt && row.verdictChangeReason
			? {
					verdict: row.verdict,
					note: row.verdictNote,
					at: row.verdictAt.toISOString(),
					reason: row.verdictChangeReason
				}
			: null;
	return { firstVerdict: first, changedVerdict: changed };
}

export function feedbackView(row: FeedbackRow): FeedbackView {
	return {
		id: row.id,
		priorityId: row.priorityId,
		decisionId: row.decisionId,
		weAsked: row.weAsked,
		youSaid: row.youSaid,
		weDid: row.weDid,
		nextSteps: row.nextSteps,
		hearAgainBy: row.hearAgainBy?.toISOString().slice(0, 10) ?? null,
		status: row.status,
		publishedAt: row.publishedAt?.toISOString() ?? null,
		publishedById: row.publishedById,
		verdict: row.verdict,
		verdictNote: row.verdictNote,
		verdictAt: row.verdictAt?.toISOString() ?? null,
		verdictById: row.verdictById,
		...verdictHistory(row),
		createdAt: row.createdAt.toISOString(),
		updatedAt: row.updatedAt.toISOString()
	};
}

/** The priority's latest response, if any. */
export async function latestFeedback(reader: Reader, priorityId: string) {
	return reader.feedback.findFirst({
		where: { priorityId },
		orderBy: [{ createdAt: 'desc' }, { id: 'desc' }]
	});
}

/** In the DECIDED event's transaction: the draft response, written from the record. */
export async function draftFeedback(tx: Tx, priority: PriorityRow, decisionId: string, at: Date) {
	const draft = await draftFromRecord(tx, priority, decisionId);
	return tx.feedback.create({
		data: { priorityId: priority.id, decisionId, ...draft, createdAt: at, updatedAt: at }
	});
}

export async function feedbackContext(actor: Actor, feedbackId: string) {
	const feedback = await db().feedback.findUnique({ where: { id: feedbackId } });
	if (!feedback) throw new NotFound('response');
	const priority = await db().priority.findUniqueOrThrow({ where: { id: feedback.priorityId } });
	const { slug } = await db().partnership.findUniqueOrThrow({
		where: { id: priority.partnershipId },
		select: { slug: true }
	});
	const ctx = await partnershipContext(actor, slug).catch(() => {
		throw new NotFound('response');
	});
	return { ctx, feedback, priority, rights: await rightsOf(ctx) };
}

const OFFICERS_ONLY = 'Only the secretariat and admins edit and publish responses.';

export async function updateFeedback(
	actor: Actor,
	feedbackId: string,
	input: unknown
): Promise<FeedbackView> {
	const { ctx, feedback, rights } = await feedbackContext(actor, feedbackId);
	demand(rights.officer, OFFICERS_ONLY);
	const data = parse(UpdateFeedbackInput, input);
	if (feedback.status !== 'DRAFT')
		throw new Conflict('This response has been published; it can no longer be edited.');
	return transaction(async (tx) => {
		const row = await tx.feedback.update({
			where: { id: feedbackId, status: 'DRAFT' },
			data: {
				...(data.weAsked !== undefined ? { weAsked: data.weAsked } : {}),
				...(data.youSaid !== undefined ? { youSaid: data.youSaid } : {}),
				...(data.weDid !== undefined ? { weDid: data.weDid } : {}),
				...(data.nextSteps !== undefined ? { nextSteps: data.nextSteps } : {}),
				...(data.hearAgainBy !== undefined
					? { hearAgainBy: data.hearAgainBy ? new Date(`${data.hearAgainBy}T00:00:00Z`) : null }
					: {}),
				updatedAt: now()
			}
		});
		await audit(tx, actor.userId, {
			action: 'updated',
			entity: 'Feedback',
			entityId: feedbackId,
			partnershipId: ctx.partnership.id,
			detail: { priorityId: feedback.priorityId, changed: Object.keys(data) }
		});
		return feedbackView(row);
	});
}

/**
 * In the caller's transaction: publishes the draft and records FEEDBACK_PUBLISHED on the priority's
 * timeline, with one audit event for both. Refused (409) unless the draft is unpublished and the priority
 * has been decided.
 */
export async function publishInTx(
	tx: Tx,
	actorUserId: string,
	priority: PriorityRow,
	feedback: FeedbackRow
) {
	if (feedback.status !== 'DRAFT') throw new Conflict('This response has already been published.');
	if (!follows(priority.status, 'FEEDBACK_PUBLISHED'))
		throw new Conflict(
			`A response is published once the priority is decided; it is ${priority.status.toLowerCase()}.`,
			NEXT[priority.status]
		);
	const at = now();
	const row = await tx.feedback.update({
		where: { id: feedback.id, status: 'DRAFT' },
		data: { status: 'PUBLISHED', publishedAt: at, publishedById: actorUserId, updatedAt: at }
	});
	await appendEvent(tx, actorUserId, priority, { type: 'FEEDBACK_PUBLISHED' }, at, {
		audit: { feedbackId: feedback.id }
	});
	return row;
}

export async function publishFeedback(actor: Actor, feedbackId: string): Promise<FeedbackView> {
	const { feedback, priority, rights } = await feedbackContext(actor, feedbackId);
	demand(rights.officer, OFFICERS_ONLY);
	return transaction(async (tx) =>
		feedbackView(await publishInTx(tx, actor.userId, priority, feedback))
	);
}

// Reviewers' notes on a meeting's review, publishing it, and an officer reopening it: from publication on,
// every coder's codes and the review itself are open to the whole partnership, and the review is frozen
// (no codes, no notes) unless an officer reopens it, saying why; republishing freezes it again. Notes,
// the publication and each reopening or republication are only ever added (the database refuses
// changes), and the people who read the review are told in the app of each reopening and republication.
import { z } from 'zod';
import type { Actor } from '../access/index.ts';
import { audit } from '../platform/index.ts';
import { now } from '../platform/index.ts';
import { db, transaction, type Db, type Tx } from '../platform/index.ts';
import { Conflict, Invalid } from '../platform/index.ts';
import { demand } from '../access/index.ts';
import { isOfficer } from '../access/index.ts';
import {
	FROZEN,
	reopeningSteps,
	requireUnfrozen,
	reviewContext,
	type ReviewContext
} from './access.ts';
import { notifyReaders } from './readers.ts';
import { Flag, parse, requiredText } from '../platform/index.ts';
import { currentCodes, spokenTurns } from './coded-record.ts';
import { uncodedMessage, type CodingCoverage } from '../../review/coverage.ts';
import { PublicationStep } from '../../review/views.ts';

export const AddReviewNoteInput = z.object({ text: requiredText('the note', 4000) });

export const ReviewNoteView = z.object({
	id: z.string(),
	meetingId: z.string(),
	author: z.string(),
	text: z.string(),
	createdAt: z.iso.datetime()
});
export type ReviewNoteView = z.infer<typeof ReviewNoteView>;

export const ReopenReviewInput = z.object({
	reason: requiredText('why the review is reopened', 2000)
});

export const PublicationView = z.object({
	meetingId: z.string(),
	/** The first publication. */
	publishedAt: z.iso.datetime(),
	publishedBy: z.string(),
	/** True while reopened: codes and notes may be added until it is republished. */
	reopened: z.boolean(),
	history: z.array(PublicationStep)
});
export type PublicationView = z.infer<typeof PublicationView>;

const ALREADY = 'This review has already been published.';

/** The review's publication as it now stands, named for people. */
export async function publicationView(meetingId: string): Promise<PublicationView> {
	const [publication, steps] = await Promise.all([
		db().reviewPublication.findUniqueOrThrow({ where: { meetingId } }),
		reopeningSteps(db(), meetingId)
	]);
	const history = await publicationHistory(publication, steps);
	return {
		meetingId,
		publishedAt: history[0].at,
		publishedBy: history[0].by,
		reopened: steps.at(-1)?.step === 'REOPENED',
		history
	};
}

/** Published, then each reopening and republication, oldest first; `byId` are user ids. */
export async function publicationHistory(
	publication: { publishedAt: Date; publishedById: string } | null,
	steps: { step: 'REOPENED' | 'REPUBLISHED'; at: Date; byId: string; reason: string }[]
): Promise<PublicationStep[]> {
	if (!publication) return [];
	const all = [
		{ step: 'PUBLISHED' as const, at: publication.publishedAt, byId: publication.publishedById },
		...steps
	];
	const users = await db().user.findMany({
		where: { id: { in: [...new Set(all.map((s) => s.byId))] } },
		select: { id: true, name: true }
	});
	const name = new Map(users.map((u) => [u.id, u.name]));
	return all.map((s) => ({
		step: s.step,
		at: s.at.toISOString(),
		by: name.get(s.byId) ?? '',
		reason: 'reason' in s ? s.reason : ''
	}));
}

/** Later than the review's last step, so the history's order is its order even within a millisecond. */
async function nextStepTime(tx: Tx, meetingId: string): Promise<Date> {
	const last = (await reopeningSteps(tx, meetingId)).at(-1);
	return new Date(Math.max(now().getTime(), (last?.at.getTime() ?? 0) + 1));
}

async function meetingTitle(tx: Tx, meetingId: string): Promise<string> {
	return (await tx.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { title: true } }))
		.title;
}

const readersOf = (ctx: ReviewContext, actor: Actor) => ({
	meetingId: ctx.meeting.id,
	partnershipId: ctx.partnership.id,
	slug: ctx.partnership.slug,
	actorUserId: actor.userId
});

export const PublishReviewInput = z.object({
	/** Publish although some contributions are not coded by two reviewers (their agreement is unknown). */
	publishUncoded: Flag.default(false)
});

async function coverageIn(reader: Db | Tx, meetingId: string): Promise<CodingCoverage> {
	const [turns, codes] = await Promise.all([
		spokenTurns(reader, meetingId),
		currentCodes(reader, meetingId)
	]);
	const coders = new Map<string, Set<string>>();
	for (const code of codes) {
		const set = coders.get(code.contributionId) ?? new Set<string>();
		set.add(code.coderMembershipId);
		coders.set(code.contributionId, set);
	}
	return {
		contributions: turns.length,
		notCodedByTwo: turns.filter((t) => (coders.get(t.id)?.size ?? 0) < 2).length
	};
}

/** The coding's coverage, shown beside "Publish the review" so nobody publishes half-coded by accident. */
export async function codingCoverage(actor: Actor, meetingId: string): Promise<CodingCoverage> {
	const ctx = await reviewContext(actor, meetingId);
	demand(ctx.canManage, 'Only reviewers and officers publish a review.');
	return coverageIn(db(), meetingId);
}

/**
 * Publishes a closed meeting's review (reviewers and officers), or republishes one an officer reopened,
 * which freezes it again and tells its readers. 409 when it is published and not reopened;
 * 400 when some contributions are not coded by two reviewers, unless `publishUncoded` says to go ahead.
 */
export async function publishReview(
	actor: Actor,
	meetingId: string,
	input: unknown = {}
): Promise<PublicationView> {
	const ctx = await reviewContext(actor, meetingId);
	demand(ctx.canManage, 'Only reviewers and officers publish a review.');
	const { publishUncoded } = parse(PublishReviewInput, input);
	if (ctx.published && !ctx.reopened) throw new Conflict(ALREADY, undefined, 'review_published');
	await transaction(async (tx) => {
		const coverage = await coverageIn(tx, meetingId);
		if (coverage.notCodedByTwo > 0 && !publishUncoded)
			throw new Invalid(
				{
					publishUncoded: `${uncodedMessage(coverage)} Code them first, or confirm that the review is published as it is.`
				},
				'Some contributions are not coded by two reviewers.'
			);
		const published = await tx.reviewPublication.findUnique({ where: { meetingId } });
		if (published) return republishInTx(tx, actor, ctx);
		await tx.reviewPublication.create({
			data: {
				meetingId,
				partnershipId: ctx.partnership.id,
				publishedById: actor.userId,
				publishedAt: now()
			}
		});
		await audit(tx, actor.userId, {
			action: 'published',
			entity: 'ReviewPublication',
			entityId: meetingId,
			partnershipId: ctx.partnership.id,
			detail: { meetingId }
		});
	});
	return publicationView(meetingId);
}

async function republishInTx(tx: Tx, actor: Actor, ctx: ReviewContext) {
	const meetingId = ctx.meeting.id;
	if ((await reopeningSteps(tx, meetingId)).at(-1)?.step !== 'REOPENED')
		throw new Conflict(ALREADY, undefined, 'review_published');
	const at = await nextStepTime(tx, meetingId);
	await tx.reviewReopening.create({
		data: {
			partnershipId: ctx.partnership.id,
			meetingId,
			step: 'REPUBLISHED',
			byId: actor.userId,
			at
		}
	});
	const notified = await notifyReaders(
		tx,
		readersOf(ctx, actor),
		`The review of ${await meetingTitle(tx, meetingId)} has been republished: its figures may have changed since you read it`,
		at
	);
	await audit(tx, actor.userId, {
		action: 'republished',
		entity: 'ReviewPublication',
		entityId: meetingId,
		partnershipId: ctx.partnership.id,
		detail: { meetingId, notified }
	});
}

/**
 * An officer (admin or secretariat) reopens a published review, saying why, so that codes and notes can
 * be added again; everyone who has read it is told in the app. 409 unless it is published and frozen.
 */
export async function reopenReview(
	actor: Actor,
	meetingId: string,
	input: unknown
): Promise<PublicationView> {
	const ctx = await reviewContext(actor, meetingId);
	demand(isOfficer(ctx), 'Only the secretariat and admins reopen a published review.');
	const { reason } = parse(ReopenReviewInput, input);
	if (!ctx.published)
		throw new Conflict('This review has not been published; there is nothing to reopen.', [
			'publish'
		]);
	if (ctx.reopened)
		throw new Conflict(
			'This review is already reopened; republish it to freeze it again.',
			['publish'],
			'review_reopened'
		);
	await transaction(async (tx) => {
		if ((await reopeningSteps(tx, meetingId)).at(-1)?.step === 'REOPENED')
			throw new Conflict('This review is already reopened.', ['publish'], 'review_reopened');
		const at = await nextStepTime(tx, meetingId);
		await tx.reviewReopening.create({
			data: {
				partnershipId: ctx.partnership.id,
				meetingId,
				step: 'REOPENED',
				byId: actor.userId,
				reason,
				at
			}
		});
		const notified = await notifyReaders(
			tx,
			readersOf(ctx, actor),
			`The review of ${await meetingTitle(tx, meetingId)} has been reopened: its codes and notes may change until it is republished. Reason: ${reason}`,
			at
		);
		await audit(tx, actor.userId, {
			action: 'reopened',
			entity: 'ReviewPublication',
			entityId: meetingId,
			partnershipId: ctx.partnership.id,
			detail: { meetingId, reason, notified }
		});
	});
	return publicationView(meetingId);
}

/** Adds a note to a meeting's review (reviewers and officers). */
export async function addReviewNote(
	actor: Actor,
	meetingId: string,
	input: unknown
): Promise<ReviewNoteView> {
	const ctx = await reviewContext(actor, meetingId);
	demand(ctx.canManage, 'Only reviewers and officers write notes on a review.');
	if (ctx.published && !ctx.reopened) throw new Conflict(FROZEN, ['reopen'], 'review_published');
	const { text } = parse(AddReviewNoteInput, input);
	const row = await transaction(async (tx) => {
		await requireUnfrozen(tx, meetingId);
		const created = await tx.reviewNote.create({
			data: {
				partnershipId: ctx.partnership.id,
				meetingId,
				authorMembershipId: ctx.membership.id,
				text,
				createdAt: now()
			}
		});
		await audit(tx, actor.userId, {
			action: 'noted',
			entity: 'ReviewNote',
			entityId: created.id,
			partnershipId: ctx.partnership.id,
			detail: { meetingId, text }
		});
		return created;
	});
	return {
		id: row.id,
		meetingId,
		author:
			(await db().user.findUnique({ where: { id: actor.userId }, select: { name: true } }))?.name ??
			'',
		text: row.text,
		createdAt: row.createdAt.toISOString()
	};
}

/** A review's notes, oldest first, for those who may read the review. */
export async function reviewNotes(meetingId: string): Promise<ReviewNoteView[]> {
	const rows = await db().reviewNote.findMany({
		where: { meetingId },
		orderBy: [{ createdAt: 'asc' }, { id: 'asc' }]
	});
	const authors = await db().membership.findMany({
		where: { id: { in: [...new Set(rows.map((r) => r.authorMembershipId))] } },
		select: { id: true, user: { select: { name: true } } }
	});
	const name = new Map(authors.map((a) => [a.id, a.user.name]));
	return rows.map((r) => ({
		id: r.id,
		meetingId,
		author: name.get(r.authorMembershipId) ?? '',
		text: r.text,
		createdAt: r.createdAt.toISOString()
	}));
}

// Reviewers' notes on a meeting's review, and publishing it: from publication on, every coder's codes and
// the review itself are open to the whole partnership. Both are only ever added; a review is published
// once (the database holds one publication per meeting and refuses changes).
import { z } from 'zod';
import type { Actor } from './actor.ts';
import { audit } from './audit.ts';
import { now } from './clock.ts';
import { db, transaction } from './db.ts';
import { Conflict } from './errors.ts';
import { demand } from './permissions.ts';
import { reviewContext } from './review-access.ts';
import { parse, requiredText } from './validation.ts';

export const AddReviewNoteInput = z.object({ text: requiredText('the note', 4000) });

export const ReviewNoteView = z.object({
	id: z.string(),
	meetingId: z.string(),
	author: z.string(),
	text: z.string(),
	createdAt: z.iso.datetime()
});
export type ReviewNoteView = z.infer<typeof ReviewNoteView>;

export const PublicationView = z.object({
	meetingId: z.string(),
	publishedAt: z.iso.datetime(),
	publishedBy: z.string()
});
export type PublicationView = z.infer<typeof PublicationView>;

async function nameOf(userId: string): Promise<string> {
	return (
		(await db().user.findUnique({ where: { id: userId }, select: { name: true } }))?.name ?? ''
	);
}

/** Publishes a closed meeting's review (reviewers and officers); 409 when it already is. */
export async function publishReview(actor: Actor, meetingId: string): Promise<PublicationView> {
	const ctx = await reviewContext(actor, meetingId);
	demand(ctx.canManage, 'Only reviewers and officers publish a review.');
	if (ctx.published) throw new Conflict('This review has already been published.');
	const row = await transaction(async (tx) => {
		if (await tx.reviewPublication.findUnique({ where: { meetingId } }))
			throw new Conflict('This review has already been published.');
		const created = await tx.reviewPublication.create({
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
		return created;
	});
	return {
		meetingId,
		publishedAt: row.publishedAt.toISOString(),
		publishedBy: await nameOf(actor.userId)
	};
}

/** Adds a note to a meeting's review (reviewers and officers). */
export async function addReviewNote(
	actor: Actor,
	meetingId: string,
	input: unknown
): Promise<ReviewNoteView> {
	const ctx = await reviewContext(actor, meetingId);
	demand(ctx.canManage, 'Only reviewers and officers write notes on a review.');
	const { text } = parse(AddReviewNoteInput, input);
	const row = await transaction(async (tx) => {
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
		author: await nameOf(actor.userId),
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

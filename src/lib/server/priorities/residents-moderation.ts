// The forum officers' queue of residents' confirmed comments: approve, or reject with a reason from a short
// list; each decision audited, and the resident told the outcome by email (the list's label, no more).
// Officers are the partnership's secretariat and admins (access/isOfficer), who run its forums' pages.
import type { Actor } from '../access/index.ts';
import { demand, isOfficer, partnershipContext, priorityContext } from '../access/index.ts';
import { voiceOf } from './residents-voice.ts';
import {
	Conflict,
	NotFound,
	audit,
	db,
	now,
	parse,
	queueAccountMail,
	transaction
} from '../platform/index.ts';
import {
	ModerationInput,
	REJECT_REASONS,
	type QueuedComment,
	type RejectReason
} from './residents-input.ts';

/** Confirmed comments waiting for the officers, oldest first. */
export async function moderationQueue(actor: Actor, slug: string): Promise<QueuedComment[]> {
	const ctx = await partnershipContext(actor, slug);
	demand(isOfficer(ctx), 'Only the secretariat moderates residents’ comments.');
	const rows = await db().residentComment.findMany({
		where: { partnershipId: ctx.partnership.id, status: 'AWAITING_MODERATION' },
		select: {
			id: true,
			priorityId: true,
			firstName: true,
			area: true,
			text: true,
			confirmedAt: true
		},
		orderBy: [{ confirmedAt: 'asc' }, { id: 'asc' }]
	});
	const priorities = await db().priority.findMany({
		where: { id: { in: [...new Set(rows.map((r) => r.priorityId))] } },
		select: { id: true, title: true, raisedByBodyId: true }
	});
	const bodies = await db().body.findMany({
		where: { id: { in: [...new Set(priorities.map((p) => p.raisedByBodyId))] } },
		select: { id: true, name: true }
	});
	const bodyName = new Map(bodies.map((b) => [b.id, b.name]));
	const byId = new Map(priorities.map((p) => [p.id, p]));
	return rows.map((r) => ({
		id: r.id,
		priorityId: r.priorityId,
		priorityTitle: byId.get(r.priorityId)?.title ?? '',
		forum: bodyName.get(byId.get(r.priorityId)?.raisedByBodyId ?? '') ?? '',
		firstName: r.firstName,
		area: r.area,
		text: r.text,
		confirmedAt: (r.confirmedAt ?? new Date(0)).toISOString()
	}));
}

/** Approves or rejects one confirmed comment; audited; the resident is emailed the outcome. */
export async function moderateComment(
	actor: Actor,
	commentId: string,
	input: unknown
): Promise<{ id: string; status: 'APPROVED' | 'REJECTED' }> {
	const decision = parse(ModerationInput, input);
	const comment = await db().residentComment.findUnique({
		where: { id: commentId },
		select: { id: true, partnershipId: true, priorityId: true }
	});
	if (!comment) throw new NotFound('comment');
	const partnership = await db().partnership.findUniqueOrThrow({
		where: { id: comment.partnershipId },
		select: { slug: true }
	});
	const ctx = await partnershipContext(actor, partnership.slug);
	demand(isOfficer(ctx), 'Only the secretariat moderates residents’ comments.');
	const status = decision.decision === 'APPROVE' ? 'APPROVED' : 'REJECTED';
	const reason: RejectReason | null = decision.decision === 'REJECT' ? decision.reason : null;
	return transaction(async (tx) => {
		const done = await tx.residentComment.updateMany({
			where: { id: comment.id, status: 'AWAITING_MODERATION' },
			data: { status, rejectReason: reason, decidedAt: now(), decidedById: actor.userId }
		});
		if (!done.count) throw new Conflict('This comment is not waiting for moderation.');
		const row = await tx.residentComment.findUniqueOrThrow({
			where: { id: comment.id },
			select: { email: true }
		});
		const priority = await tx.priority.findUniqueOrThrow({
			where: { id: comment.priorityId },
			select: { title: true }
		});
		await queueAccountMail(tx, {
			kind: 'resident_outcome',
			to: row.email,
			userId: null,
			partnershipId: comment.partnershipId,
			subject:
				status === 'APPROVED'
					? `Your comment is shown: ${priority.title}`
					: `Your comment was not shown: ${priority.title}`,
			text:
				status === 'APPROVED'
					? `Your comment on the response to “${priority.title}” is now shown on the forum’s public page.\n`
					: `Your comment on the response to “${priority.title}” was not shown. Reason: ${REJECT_REASONS[reason!]}.\n`,
			private: true
		});
		await audit(tx, actor.userId, {
			partnershipId: comment.partnershipId,
			action: status === 'APPROVED' ? 'resident.comment_approved' : 'resident.comment_rejected',
			entity: 'ResidentComment',
			entityId: comment.id,
			detail: reason ? { reason } : {}
		});
		return { id: comment.id, status };
	});
}

/** The residents' voice on one priority, for anyone in the partnership who may see the priority. */
export async function priorityVoice(actor: Actor, priorityId: string) {
	await priorityContext(actor, priorityId);
	return voiceOf([priorityId]);
}

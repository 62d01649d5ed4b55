// Confirming a resident's support or comment by the one-time link emailed to them: the page first says what
// the link is for (so a mail scanner that follows it confirms nothing), then a POST confirms it, once and
// within its 48 hours. No account is made.
import { Conflict, NotFound, audit, db, now, parse, transaction } from '../platform/index.ts';
import { ConfirmInput } from './residents-input.ts';
import { hashToken } from './residents.ts';

type Pending = { kind: 'support' | 'comment'; title: string; expired: boolean; confirmed: boolean };

/** What a link is for, for the confirm page (before the resident presses Confirm); NotFound if unknown. */
export async function peekConfirmation(token: string): Promise<Pending> {
	const { token: t } = parse(ConfirmInput, { token });
	const tokenHash = hashToken(t);
	const support = await db().residentSupport.findUnique({
		where: { tokenHash },
		select: { priorityId: true, expiresAt: true, confirmedAt: true }
	});
	const comment = support
		? null
		: await db().residentComment.findUnique({
				where: { tokenHash },
				select: { priorityId: true, expiresAt: true, confirmedAt: true }
			});
	const row = support ?? comment;
	if (!row) throw new NotFound('link');
	const priority = await db().priority.findUniqueOrThrow({
		where: { id: row.priorityId },
		select: { title: true }
	});
	return {
		kind: support ? 'support' : 'comment',
		title: priority.title,
		expired: row.expiresAt <= now(),
		confirmed: !!row.confirmedAt
	};
}

/** Confirms the support or comment the link is for; refuses an unknown, used or expired link. */
export async function confirmVoice(
	input: unknown
): Promise<{ kind: 'support' | 'comment'; message: string }> {
	const { token } = parse(ConfirmInput, input);
	const tokenHash = hashToken(token);
	return transaction(async (tx) => {
		const at = now();
		const support = await tx.residentSupport.findUnique({
			where: { tokenHash },
			select: { id: true, partnershipId: true, expiresAt: true, confirmedAt: true }
		});
		const comment = support
			? null
			: await tx.residentComment.findUnique({
					where: { tokenHash },
					select: { id: true, partnershipId: true, expiresAt: true, confirmedAt: true }
				});
		const row = support ?? comment;
		if (!row) throw new NotFound('link');
		if (row.confirmedAt) throw new Conflict('This link has already been used.', [], 'link_used');
		if (row.expiresAt <= at)
			throw new Conflict(
				'This link has expired. Please ask again from the forum’s page.',
				[],
				'link_expired'
			);
		if (support) {
			const done = await tx.residentSupport.updateMany({
				where: { id: support.id, confirmedAt: null },
				data: { confirmedAt: at }
			});
			if (!done.count) throw new Conflict('This link has already been used.');
		} else {
			const done = await tx.residentComment.updateMany({
				where: { id: row.id, confirmedAt: null },
				data: { confirmedAt: at, status: 'AWAITING_MODERATION' }
			});
			if (!done.count) throw new Conflict('This link has already been used.');
		}
		await audit(tx, null, {
			partnershipId: row.partnershipId,
			action: support ? 'resident.support_confirmed' : 'resident.comment_confirmed',
			entity: support ? 'ResidentSupport' : 'ResidentComment',
			entityId: row.id
		});
		return support
			? { kind: 'support' as const, message: 'Thank you: your support is counted.' }
			: {
					kind: 'comment' as const,
					message:
						'Thank you: your comment is confirmed. It will be shown once the forum’s officers have read it; we will email you when they have.'
				};
	});
}

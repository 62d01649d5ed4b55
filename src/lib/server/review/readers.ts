// Who has read a meeting's published review, so they can be told in the app when an officer reopens it
// (its figures may change) and when it is republished. A reader is recorded once, at their first read
// of the review after publication (page, report, API or CSV). Not an audit event: it records a
// reading, as a session's last use does, and the audit trail is of what people changed.
import { now } from '../platform/index.ts';
import { db, type Tx } from '../platform/index.ts';

/** Records the reader's first read of the published review; later reads write nothing. */
export async function recordReader(meetingId: string, userId: string): Promise<void> {
	const where = { meetingId_userId: { meetingId, userId } };
	if (await db().reviewReader.findUnique({ where, select: { userId: true } })) return;
	await db()
		.reviewReader.create({ data: { meetingId, userId, firstReadAt: now() } })
		.catch((error: unknown) => {
			// Two first reads at once (two tabs): the other one recorded it.
			if ((error as { code?: string } | null)?.code !== 'P2002') throw error;
		});
}

/**
 * In the reopening's or republication's transaction: one notification for each person who has read the
 * review, but not the person acting. Answers how many were told.
 */
export async function notifyReaders(
	tx: Tx,
	review: { meetingId: string; partnershipId: string; slug: string; actorUserId: string },
	message: string,
	at: Date
): Promise<number> {
	const readers = await tx.reviewReader.findMany({
		where: { meetingId: review.meetingId, userId: { not: review.actorUserId } },
		select: { userId: true }
	});
	await tx.notification.createMany({
		data: readers.map(({ userId }) => ({
			userId,
			partnershipId: review.partnershipId,
			message,
			link: `/p/${review.slug}/meetings/${review.meetingId}/review`,
			createdAt: at
		}))
	});
	return readers.length;
}

// Telling everyone seated on a body about something that concerns it, in the caller's transaction: each
// composer below is one kind of notification, named so that other channels (email) can be attached by kind.
// The composers are given finished text: whoever composes it has already asked the access concept what
// its readers may see.
import type { Tx } from '../platform/index.ts';
import { agendaRecipients } from './notifications.ts';

/** The kinds of notification sent to a body's members. */
export const BODY_NOTICE_KINDS = {
	/** A step on a priority the body raised (its forum's loop). */
	priorityStep: 'priority_step',
	/** A contested response placed on the agenda of the deciding body's meeting, told to the forum. */
	matterArisingPlaced: 'matter_arising_placed'
} as const;
export type BodyNoticeKind = (typeof BODY_NOTICE_KINDS)[keyof typeof BODY_NOTICE_KINDS];

export interface BodyNotice {
	partnershipId: string;
	/** Everyone with a current seat on this body is told, once each. */
	bodyId: string;
	/** The person who acted, who is not told of their own step. */
	exceptUserId: string | null;
	message: string;
	link: string;
	createdAt: Date;
}

async function notifyBody(tx: Tx, kind: BodyNoticeKind, notice: BodyNotice): Promise<string[]> {
	void kind; // stored alike today; the kind is where email attaches
	const userIds = (await agendaRecipients(tx, notice.bodyId)).filter(
		(id) => id !== notice.exceptUserId
	);
	if (userIds.length)
		await tx.notification.createMany({
			data: userIds.map((userId) => ({
				userId,
				partnershipId: notice.partnershipId,
				message: notice.message,
				link: notice.link,
				createdAt: notice.createdAt
			}))
		});
	return userIds;
}

/** A step on the forum's priority, told to the forum's members (kind `priority_step`). */
export function notifyPriorityStep(tx: Tx, notice: BodyNotice): Promise<string[]> {
	return notifyBody(tx, BODY_NOTICE_KINDS.priorityStep, notice);
}

/** The forum's contested response is on an agenda (kind `matter_arising_placed`). */
export function notifyMatterArisingPlaced(tx: Tx, notice: BodyNotice): Promise<string[]> {
	return notifyBody(tx, BODY_NOTICE_KINDS.matterArisingPlaced, notice);
}

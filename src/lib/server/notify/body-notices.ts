// Telling everyone seated on a body about something that concerns it, in the caller's transaction: in the
// workspace, and by email in the same words as each person chose for the kind. The composers are given
// finished text: whoever composes it has already asked the access concept what its readers may see.
import type { Tx } from '../platform/index.ts';
import { agendaRecipients } from './notifications.ts';
import { enqueueMail, siteLink } from './mail/queue.ts';
import type { MailKind } from './mail/kinds.ts';

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

/** An email's subject: the notice's first sentence, kept to a line. */
function subjectOf(message: string): string {
	const first = /^.*?[.!?](?=\s|$)/.exec(message)?.[0] ?? message;
	return first.length > 150 ? `${first.slice(0, 149)}…` : first;
}

async function notifyBody(
	tx: Tx,
	kind: BodyNoticeKind,
	notice: BodyNotice,
	mailKind: MailKind
): Promise<string[]> {
	void kind; // stored alike in the workspace; the email's kind is what people choose for
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
	await enqueueMail(
		tx,
		mailKind,
		notice.partnershipId,
		userIds.map((userId) => ({
			userId,
			subject: subjectOf(notice.message),
			text: `${notice.message}\n\nSee it in the workspace: ${siteLink(notice.link)}\n`
		}))
	);
	return userIds;
}

/** A step on the forum's priority, told to the forum's members (kind `priority_step`). */
export function notifyPriorityStep(
	tx: Tx,
	notice: BodyNotice,
	mailKind: 'priority_step' | 'response_published' = 'priority_step'
): Promise<string[]> {
	return notifyBody(tx, BODY_NOTICE_KINDS.priorityStep, notice, mailKind);
}

/** The forum's contested response is on an agenda (kind `matter_arising_placed`). */
export function notifyMatterArisingPlaced(tx: Tx, notice: BodyNotice): Promise<string[]> {
	return notifyBody(tx, BODY_NOTICE_KINDS.matterArisingPlaced, notice, 'priority_step');
}

// In-app notifications: telling people in the workspace that something needs them (an agenda issued for a
// body they sit on), listing a person's notifications and marking them read. Each person sees only theirs.
import { z } from 'zod';
import { meetingBodyIds, type Actor } from '../access/index.ts';
import { audit } from '../platform/index.ts';
import { now } from '../platform/index.ts';
import { db, transaction, type Db, type Tx } from '../platform/index.ts';
import { NotFound } from '../platform/index.ts';
import { formatMeetingTime } from '../../dates.ts';

export const NotificationView = z.object({
	id: z.string(),
	partnershipId: z.string(),
	message: z.string(),
	/** A path on this site to what the notification is about. */
	link: z.string(),
	createdAt: z.iso.datetime(),
	readAt: z.iso.datetime().nullable()
});
export type NotificationView = z.infer<typeof NotificationView>;

/** How many of a person's notifications a page lists; older ones stay stored. */
const LIST_LIMIT = 100;

type Row = {
	id: string;
	partnershipId: string;
	message: string;
	link: string;
	createdAt: Date;
	readAt: Date | null;
};

const view = (row: Row): NotificationView => ({
	id: row.id,
	partnershipId: row.partnershipId,
	message: row.message,
	link: row.link,
	createdAt: row.createdAt.toISOString(),
	readAt: row.readAt?.toISOString() ?? null
});

/**
 * Who an issued agenda reaches: everyone with a current seat on the meeting's body (or on any of the bodies
 * holding a joint meeting), once each.
 */
export async function agendaRecipients(tx: Tx | Db, bodyId: string | string[]): Promise<string[]> {
	const seats = await tx.bodySeat.findMany({
		where: { bodyId: { in: typeof bodyId === 'string' ? [bodyId] : bodyId }, endedAt: null },
		select: { membership: { select: { userId: true } } }
	});
	return [...new Set(seats.map((seat) => seat.membership.userId))];
}

/**
 * In the agenda's transaction: one notification for each person holding a current seat on the meeting's
 * body (once each, however many seats they hold).
 */
export async function notifyAgendaIssued(
	tx: Tx,
	meetingId: string,
	slug: string,
	/** Only these people (a body joining a meeting whose agenda is out): its new members, not everyone. */
	only?: string[]
): Promise<number> {
	const meeting = await tx.meeting.findUniqueOrThrow({
		where: { id: meetingId },
		select: { id: true, partnershipId: true, bodyId: true, title: true, startsAt: true }
	});
	const userIds = (await agendaRecipients(tx, await meetingBodyIds(tx, meeting))).filter(
		(userId) => !only || only.includes(userId)
	);
	const message = `The agenda for ${meeting.title} on ${formatMeetingTime(meeting.startsAt)} has been issued`;
	const link = `/p/${slug}/meetings/${meetingId}`;
	const createdAt = now();
	await tx.notification.createMany({
		data: userIds.map((userId) => ({
			userId,
			partnershipId: meeting.partnershipId,
			message,
			link,
			createdAt
		}))
	});
	return userIds.length;
}

/**
 * In a change's transaction (the meeting moved or cancelled after its agenda was issued): the same people
 * as the agenda reached, each told once.
 */
export async function notifyMeetingChanged(
	tx: Tx,
	meetingId: string,
	slug: string,
	message: string,
	/** These people instead of everyone seated (those a body's removal takes off the meeting). */
	to?: string[]
): Promise<number> {
	const meeting = await tx.meeting.findUniqueOrThrow({
		where: { id: meetingId },
		select: { id: true, partnershipId: true, bodyId: true }
	});
	const userIds = to ?? (await agendaRecipients(tx, await meetingBodyIds(tx, meeting)));
	const createdAt = now();
	await tx.notification.createMany({
		data: userIds.map((userId) => ({
			userId,
			partnershipId: meeting.partnershipId,
			message,
			link: `/p/${slug}/meetings/${meetingId}`,
			createdAt
		}))
	});
	return userIds.length;
}

/** The actor's notifications, newest first. */
export async function listNotifications(actor: Actor): Promise<NotificationView[]> {
	const rows = await db().notification.findMany({
		where: { userId: actor.userId },
		orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
		take: LIST_LIMIT
	});
	return rows.map(view);
}

export async function unreadCount(actor: Actor): Promise<number> {
	return db().notification.count({ where: { userId: actor.userId, readAt: null } });
}

/** Marks one of the actor's own notifications read; anyone else's does not exist for them. */
export async function markRead(actor: Actor, notificationId: string): Promise<NotificationView> {
	return transaction(async (tx) => {
		const row = await tx.notification.findFirst({
			where: { id: notificationId, userId: actor.userId }
		});
		if (!row) throw new NotFound('notification');
		if (row.readAt) return view(row);
		const read = await tx.notification.update({
			where: { id: row.id },
			data: { readAt: now() }
		});
		await audit(tx, actor.userId, {
			action: 'notification_read',
			entity: 'Notification',
			entityId: row.id,
			partnershipId: row.partnershipId
		});
		return view(read);
	});
}

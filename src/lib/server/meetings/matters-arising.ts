// Matters arising: a forum contested the response to its priority, so the matter goes on the agenda of the
// deciding body's next meeting whose agenda is not yet issued. The record is made in the contest's
// transaction; the item is written into the agenda's shared document afterwards, through the sync server
// (as a paper is added to the pack). With no such meeting the matter waits in the body's list, and is
// placed when the body's next meeting is scheduled. One that could not be placed (the sync server was
// unavailable) is tried again at start-up and every few minutes after (placeWaitingMattersArising). One the
// officer takes off the draft agenda again is shown as removed, never as still placed.
import * as Y from 'yjs';
import type { Actor } from '../access/index.ts';
import { canScheduleMeetings, meetingContext, partnershipContext } from '../access/index.ts';
import { audit, db, log, now, transaction, type Db, type Tx } from '../platform/index.ts';

import { notifyMatterArisingPlaced } from '../notify/index.ts';
import { AGENDA_FIELDS, addAgendaItem, agendaItems } from '../../collab/agenda.ts';
import { documentName } from '../../collab/documents.ts';
import { newItemId } from '../../collab/ordered-map.ts';
import { formatMeetingTime } from '../../dates.ts';
import { withDocument } from './open-documents.ts';
import { projectDocument } from './projection.ts';

/** The agenda's limit on an item's title (document-rows.ts). */
const TITLE_LIMIT = 500;

export interface NewMatterArising {
	partnershipId: string;
	/** The deciding body, on whose next agenda it goes. */
	bodyId: string;
	priorityId: string;
	feedbackId: string;
	forumBodyId: string;
	priorityTitle: string;
	forumName: string;
	/** The forum's reason, already composed for the SHARED reader (restricted material withheld). */
	reason: string;
	createdById: string;
	at: Date;
}

/** "Matter arising: <priority> — response contested by <forum>", within the agenda's limit. */
export function matterArisingTitle(priorityTitle: string, forumName: string): string {
	const tail = ` — response contested by ${forumName}`;
	const head = 'Matter arising: ';
	const room = TITLE_LIMIT - head.length - tail.length;
	const title =
		priorityTitle.length > room ? `${priorityTitle.slice(0, room - 1)}…` : priorityTitle;
	return `${head}${title}${tail}`;
}

/** In the contest's transaction: the matter, waiting to be placed (placeMattersArising, after commit). */
export async function recordMatterArising(tx: Tx, matter: NewMatterArising) {
	const row = await tx.matterArising.create({
		data: {
			partnershipId: matter.partnershipId,
			bodyId: matter.bodyId,
			priorityId: matter.priorityId,
			feedbackId: matter.feedbackId,
			forumBodyId: matter.forumBodyId,
			title: matterArisingTitle(matter.priorityTitle, matter.forumName),
			reason: matter.reason,
			createdById: matter.createdById,
			createdAt: matter.at
		}
	});
	await audit(tx, matter.createdById, {
		action: 'matter_arising_recorded',
		entity: 'MatterArising',
		entityId: row.id,
		partnershipId: matter.partnershipId,
		detail: { priorityId: matter.priorityId, bodyId: matter.bodyId, feedbackId: matter.feedbackId }
	});
	return row;
}

/** The body's next meeting whose agenda can still take items: not issued, not yet begun. */
function nextOpenMeeting(reader: Db | Tx, bodyId: string) {
	return reader.meeting.findFirst({
		where: { bodyId, status: 'DRAFT', agendaIssuedAt: null, startsAt: { gt: now() } },
		orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
		select: { id: true, title: true, startsAt: true, partnershipId: true }
	});
}

/**
 * After commit: puts the body's waiting matters arising on its next open meeting's agenda, each as a
 * discussion item with the forum's reason in its notes, and tells the forum. Never throws: a matter that
 * cannot be written now stays waiting (and is logged), and the command that called this has already
 * succeeded. Returns how many were placed.
 */
export async function placeMattersArising(
	/** Who placed it (audited); null for the retry at start-up and on the timer. */
	actorUserId: string | null,
	bodyId: string
): Promise<number> {
	try {
		const pending = await db().matterArising.findMany({
			where: { bodyId, agendaItemId: null, withdrawnAt: null },
			orderBy: [{ createdAt: 'asc' }, { id: 'asc' }]
		});
		if (!pending.length) return 0;
		const meeting = await nextOpenMeeting(db(), bodyId);
		if (!meeting) return 0;
		let placed = 0;
		for (const matter of pending) if (await placeOne(actorUserId, matter, meeting)) placed++;
		return placed;
	} catch (error) {
		log.error({ err: error, bodyId }, 'matters arising: not placed; they wait for the next time');
		return 0;
	}
}

/**
 * In a cancellation's transaction: the matters arising placed on the cancelled meeting wait again, for the
 * body's next open agenda (placeMattersArising after commit), rather than staying on an agenda that will
 * never be taken. Returns the bodies whose matters wait again.
 */
export async function releaseMattersArising(
	tx: Tx,
	actorUserId: string,
	meetingId: string
): Promise<string[]> {
	const placed = await tx.matterArising.findMany({
		where: { meetingId, withdrawnAt: null },
		select: { id: true, bodyId: true, partnershipId: true, agendaItemId: true }
	});
	for (const matter of placed) {
		await tx.matterArising.update({
			where: { id: matter.id },
			data: { meetingId: null, agendaItemId: null, placedAt: null }
		});
		await audit(tx, actorUserId, {
			action: 'matter_arising_released',
			entity: 'MatterArising',
			entityId: matter.id,
			partnershipId: matter.partnershipId,
			detail: { cancelledMeetingId: meetingId, agendaItemId: matter.agendaItemId }
		});
	}
	return [...new Set(placed.map((m) => m.bodyId))];
}

type MatterRow = NonNullable<Awaited<ReturnType<Db['matterArising']['findFirst']>>>;

/**
 * Every body's waiting matters arising, tried again: at start-up and on a timer, so a matter whose placing
 * failed (the sync server unavailable, an error) lands on the next open agenda without anyone acting.
 * Never throws. Returns how many were placed.
 */
export async function placeWaitingMattersArising(): Promise<number> {
	try {
		const bodies = await db().matterArising.findMany({
			where: { agendaItemId: null, withdrawnAt: null },
			distinct: ['bodyId'],
			select: { bodyId: true }
		});
		let placed = 0;
		for (const { bodyId } of bodies) placed += await placeMattersArising(null, bodyId);
		if (placed) log.info({ placed }, 'matters arising: placed on retry');
		return placed;
	} catch (error) {
		log.error({ err: error }, 'matters arising: the retry failed; it runs again later');
		return 0;
	}
}

async function placeOne(
	actorUserId: string | null,
	matter: MatterRow,
	meeting: { id: string; title: string; startsAt: Date; partnershipId: string }
): Promise<boolean> {
	const docName = documentName(meeting.id, 'agenda');
	const itemId = newItemId();
	await withDocument(docName, async (doc) => {
		doc.transact(() => {
			addAgendaItem(doc, itemId);
			const item = agendaItems(doc).get(itemId)!;
			(item.get(AGENDA_FIELDS.title) as Y.Text).insert(0, matter.title);
			(item.get(AGENDA_FIELDS.notes) as Y.Text).insert(
				0,
				matter.reason ? `The forum’s reason: ${matter.reason}` : ''
			);
		});
		await projectDocument(docName, doc);
	});
	const claimed = await transaction(async (tx) => {
		const at = now();
		const { count } = await tx.matterArising.updateMany({
			where: { id: matter.id, agendaItemId: null, withdrawnAt: null },
			data: { meetingId: meeting.id, agendaItemId: itemId, placedAt: at }
		});
		if (count !== 1) return false;
		const { slug } = await tx.partnership.findUniqueOrThrow({
			where: { id: matter.partnershipId },
			select: { slug: true }
		});
		const told = await notifyMatterArisingPlaced(tx, {
			partnershipId: matter.partnershipId,
			bodyId: matter.forumBodyId,
			// On a retry, the member who contested it has been told of their step already.
			exceptUserId: actorUserId ?? matter.createdById,
			message:
				`The forum’s contested response is on the agenda of ${meeting.title} on ` +
				`${formatMeetingTime(meeting.startsAt)} as a matter arising: ${matter.title}.`,
			link: `/p/${slug}/priorities/${matter.priorityId}`,
			createdAt: at
		});
		await audit(tx, actorUserId, {
			action: 'matter_arising_placed',
			entity: 'MatterArising',
			entityId: matter.id,
			partnershipId: matter.partnershipId,
			detail: {
				priorityId: matter.priorityId,
				meetingId: meeting.id,
				agendaItemId: itemId,
				told: told.length
			}
		});
		return true;
	});
	if (!claimed) {
		// Placed meanwhile by another command: take this copy back off the agenda.
		await withDocument(docName, async (doc) => {
			agendaItems(doc).delete(itemId);
			await projectDocument(docName, doc);
		});
	}
	return claimed;
}

/**
 * In the verdict's transaction, when the forum changes its verdict to accepted: its matters arising still
 * waiting for a meeting no longer wait. One already on an agenda stays there, for the meeting to take
 * (the agenda is the officers' to change). Returns how many were withdrawn.
 */
export async function withdrawWaitingMatters(
	tx: Tx,
	actorUserId: string,
	feedbackId: string,
	at: Date
): Promise<number> {
	const waiting = await tx.matterArising.findMany({
		where: { feedbackId, agendaItemId: null, withdrawnAt: null },
		select: { id: true, partnershipId: true, priorityId: true }
	});
	for (const matter of waiting) {
		await tx.matterArising.update({ where: { id: matter.id }, data: { withdrawnAt: at } });
		await audit(tx, actorUserId, {
			action: 'matter_arising_withdrawn',
			entity: 'MatterArising',
			entityId: matter.id,
			partnershipId: matter.partnershipId,
			detail: { priorityId: matter.priorityId, feedbackId }
		});
	}
	return waiting.length;
}

export interface MatterArisingView {
	id: string;
	priorityId: string;
	title: string;
	reason: string;
	/** The deciding body, on whose agenda it goes. */
	body: { id: string; name: string };
	createdAt: string;
	/** Where it was placed; null while it waits for the body's next meeting. */
	meeting: { id: string; title: string; startsAt: string } | null;
	agendaItemId: string | null;
	/** When the forum accepted the response after all, before the matter was placed. */
	withdrawnAt: string | null;
	/** Placed, then taken off that agenda again by an officer: no longer on any agenda. */
	removedFromAgenda: boolean;
}

async function views(rows: MatterRow[]): Promise<MatterArisingView[]> {
	const meetings = await db().meeting.findMany({
		where: { id: { in: rows.flatMap((r) => r.meetingId ?? []) } },
		select: { id: true, title: true, startsAt: true }
	});
	const byId = new Map(meetings.map((m) => [m.id, m]));
	// An item taken off the agenda is kept in the projection as withdrawn (or gone, for an agenda never
	// projected since): either way the matter is no longer on it.
	const placed = rows.flatMap((r) => r.agendaItemId ?? []);
	const onAgenda = new Set(
		placed.length
			? (
					await db().agendaItem.findMany({
						where: { id: { in: placed }, withdrawn: false },
						select: { id: true }
					})
				).map((i) => i.id)
			: []
	);
	const bodies = await db().body.findMany({
		where: { id: { in: [...new Set(rows.map((r) => r.bodyId))] } },
		select: { id: true, name: true }
	});
	const bodyName = new Map(bodies.map((b) => [b.id, b.name]));
	return rows.map((r) => {
		const m = r.meetingId ? byId.get(r.meetingId) : undefined;
		return {
			id: r.id,
			priorityId: r.priorityId,
			title: r.title,
			reason: r.reason,
			body: { id: r.bodyId, name: bodyName.get(r.bodyId) ?? '' },
			createdAt: r.createdAt.toISOString(),
			meeting: m ? { id: m.id, title: m.title, startsAt: m.startsAt.toISOString() } : null,
			agendaItemId: r.agendaItemId,
			withdrawnAt: r.withdrawnAt?.toISOString() ?? null,
			removedFromAgenda: !!r.agendaItemId && !onAgenda.has(r.agendaItemId)
		};
	});
}

/** A priority's matters arising, newest first (for its page); the caller has checked the reader's access. */
export async function mattersArisingOfPriority(priorityId: string): Promise<MatterArisingView[]> {
	const rows = await db().matterArising.findMany({
		where: { priorityId },
		orderBy: [{ createdAt: 'desc' }, { id: 'desc' }]
	});
	return views(rows);
}

/** The matters arising placed on a meeting's agenda, for the board's view of it. */
export async function mattersArisingOnAgenda(
	actor: Actor,
	meetingId: string
): Promise<MatterArisingView[]> {
	await meetingContext(actor, meetingId);
	const rows = await db().matterArising.findMany({
		where: { meetingId },
		orderBy: [{ createdAt: 'asc' }, { id: 'asc' }]
	});
	return views(rows);
}

/** A body's matters arising still waiting for a meeting, for the officers scheduling its next one. */
export async function waitingMattersArising(
	actor: Actor,
	slug: string,
	bodyId: string
): Promise<MatterArisingView[]> {
	const ctx = await partnershipContext(actor, slug);
	if (!canScheduleMeetings(ctx)) return [];
	const rows = await db().matterArising.findMany({
		where: { bodyId, partnershipId: ctx.partnership.id, agendaItemId: null, withdrawnAt: null },
		orderBy: [{ createdAt: 'asc' }, { id: 'asc' }]
	});
	if (!rows.length) return [];
	return views(rows);
}

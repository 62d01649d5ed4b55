// Changing a meeting that has not started: moving it (a new time, length or place) and cancelling it. Only
// the officers who schedule meetings do either. Once the agenda has gone out, everyone seated is told in the
// app and by email, with the calendar invitation they hold updated (moved) or withdrawn (cancelled); before
// then nobody has been invited, so nobody is told.
import { z } from 'zod';
import type { Actor } from '../access/index.ts';
import { canScheduleMeetings, demand, meetingContext } from '../access/index.ts';
import {
	audit,
	Invalid,
	now,
	optionalText,
	parse,
	requiredText,
	transaction,
	webLink,
	wholeNumber,
	type Tx
} from '../platform/index.ts';
import { mailMeetingCancelled, mailMeetingMoved, notifyMeetingChanged } from '../notify/index.ts';
import { formatMeetingTime } from '../../dates.ts';
import type { MeetingStatus } from '../../vocabulary.ts';
import { requireStatus } from './floor.ts';
import { placeMattersArising, releaseMattersArising } from './matters-arising.ts';
import { publishMeetingChange } from './meeting-events.ts';
import { getMeeting, startsAt, type MeetingView } from './scheduling.ts';

/** A meeting can be moved or cancelled until it starts. */
const NOT_STARTED: MeetingStatus[] = ['DRAFT', 'AGENDA_ISSUED'];

/**
 * The meeting's new start, and optionally its length, place and online link. A field left out keeps what
 * the meeting has; an empty place or link (null) takes it away.
 */
export const RescheduleMeetingInput = z.object({
	startsAt,
	durationMinutes: wholeNumber('the length in minutes', 15, 720),
	place: optionalText('the place', 300),
	onlineLink: webLink('the online link')
		.nullish()
		.transform((v) => (v === null ? '' : v))
});

export const CancelMeetingInput = z.object({
	/** Told to everyone the agenda reached, and shown wherever the meeting is listed. */
	reason: requiredText('the reason for cancelling', 500)
});

const MOVE_OFFICERS = 'Only the secretariat and admins move meetings.';
const CANCEL_OFFICERS = 'Only the secretariat and admins cancel meetings.';

async function current(tx: Tx, meetingId: string) {
	return tx.meeting.findUniqueOrThrow({
		where: { id: meetingId },
		select: {
			status: true,
			agendaIssuedAt: true,
			startsAt: true,
			durationMinutes: true,
			place: true,
			onlineLink: true
		}
	});
}

/** Moves a meeting that has not started; once its agenda is out, those seated get the updated invitation. */
export async function rescheduleMeeting(
	actor: Actor,
	meetingId: string,
	input: unknown
): Promise<MeetingView> {
	const ctx = await meetingContext(actor, meetingId);
	demand(canScheduleMeetings(ctx), MOVE_OFFICERS);
	const given = parse(RescheduleMeetingInput, input);
	await transaction(async (tx) => {
		const was = await current(tx, meetingId);
		requireStatus(was, NOT_STARTED, 'A meeting can be moved until it starts');
		const after = {
			startsAt: given.startsAt,
			durationMinutes: given.durationMinutes ?? was.durationMinutes,
			place: given.place ?? was.place,
			onlineLink: given.onlineLink ?? was.onlineLink
		};
		if (
			after.startsAt.getTime() === was.startsAt.getTime() &&
			after.durationMinutes === was.durationMinutes &&
			after.place === was.place &&
			after.onlineLink === was.onlineLink
		)
			throw new Invalid(
				{ startsAt: 'Enter a new date, time, length or place: these are the meeting’s already' },
				'Nothing would change.'
			);
		// Conditional on the status, so a meeting started meanwhile is not moved under its chair.
		const { count } = await tx.meeting.updateMany({
			where: { id: meetingId, status: { in: NOT_STARTED } },
			data: after
		});
		if (!count)
			requireStatus(await current(tx, meetingId), [], 'A meeting can be moved until it starts');
		await audit(tx, actor.userId, {
			action: 'rescheduled',
			entity: 'Meeting',
			entityId: meetingId,
			partnershipId: ctx.partnership.id,
			detail: {
				before: { ...pick(was), startsAt: was.startsAt.toISOString() },
				after: { ...after, startsAt: after.startsAt.toISOString() }
			}
		});
		if (was.agendaIssuedAt) {
			await notifyMeetingChanged(
				tx,
				meetingId,
				ctx.partnership.slug,
				`A meeting you were sent the agenda for has moved: it is now on ${formatMeetingTime(after.startsAt)}`
			);
			await mailMeetingMoved(tx, meetingId, ctx.partnership.slug, was);
		}
	});
	publishMeetingChange(meetingId, 'meeting');
	return getMeeting(actor, meetingId);
}

function pick(row: { durationMinutes: number; place: string; onlineLink: string }) {
	return { durationMinutes: row.durationMinutes, place: row.place, onlineLink: row.onlineLink };
}

/**
 * Calls off a meeting that has not started, for a reason. It cannot be undone. Once its agenda is out, those
 * seated are told and sent the calendar cancellation for the invitation they hold.
 */
export async function cancelMeeting(
	actor: Actor,
	meetingId: string,
	input: unknown
): Promise<MeetingView> {
	const ctx = await meetingContext(actor, meetingId);
	demand(canScheduleMeetings(ctx), CANCEL_OFFICERS);
	const { reason } = parse(CancelMeetingInput, input);
	const released = await transaction(async (tx) => {
		const at = now();
		const { count } = await tx.meeting.updateMany({
			where: { id: meetingId, status: { in: NOT_STARTED } },
			data: { status: 'CANCELLED', cancelledAt: at, cancelReason: reason }
		});
		if (!count)
			requireStatus(await current(tx, meetingId), [], 'A meeting can be cancelled until it starts');
		const meeting = await current(tx, meetingId);
		await audit(tx, actor.userId, {
			action: 'cancelled',
			entity: 'Meeting',
			entityId: meetingId,
			partnershipId: ctx.partnership.id,
			detail: { at: at.toISOString(), reason, agendaIssued: meeting.agendaIssuedAt !== null }
		});
		if (meeting.agendaIssuedAt) {
			await notifyMeetingChanged(
				tx,
				meetingId,
				ctx.partnership.slug,
				`A meeting you were sent the agenda for, on ${formatMeetingTime(meeting.startsAt)}, has been cancelled: ${reason}`
			);
			await mailMeetingCancelled(tx, meetingId, ctx.partnership.slug, reason);
		}
		return releaseMattersArising(tx, actor.userId, meetingId);
	});
	publishMeetingChange(meetingId, 'meeting');
	for (const bodyId of released) await placeMattersArising(actor.userId, bodyId);
	return getMeeting(actor, meetingId);
}

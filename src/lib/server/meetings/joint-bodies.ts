// Changing the bodies holding a joint meeting before it starts: the secretariat adds a body (its members
// are seated, and if the agenda is out, those new to the meeting are sent it) or removes one (if the agenda
// is out, those it brought are told they are no longer invited, with a calendar cancellation). The host
// body always holds its meeting.
import { z } from 'zod';
import type { Actor } from '../access/index.ts';
import { canScheduleMeetings, demand, meetingBodyIds, meetingContext } from '../access/index.ts';
import {
	agendaRecipients,
	mailAgendaIssued,
	mailNoLongerInvited,
	notifyAgendaIssued,
	notifyMeetingChanged
} from '../notify/index.ts';
import { audit, choice, Invalid, parse, reference, transaction } from '../platform/index.ts';
import { requireStatus } from './floor.ts';
import { publishMeetingChange } from './meeting-events.ts';
import { getMeeting, type MeetingView } from './scheduling.ts';

export const JOINT_BODY_CHANGES = {
	ADD: 'Add the body',
	REMOVE: 'Remove the body'
} as const;

export const ChangeJointBodyInput = z.object({
	bodyId: reference('Choose a body'),
	change: choice(JOINT_BODY_CHANGES, 'Choose whether to add or remove the body')
});

export async function changeJointBody(
	actor: Actor,
	meetingId: string,
	input: unknown
): Promise<MeetingView> {
	const ctx = await meetingContext(actor, meetingId);
	demand(
		canScheduleMeetings(ctx),
		'Only the secretariat and admins change the bodies holding a meeting.'
	);
	const { bodyId, change } = parse(ChangeJointBodyInput, input);
	await transaction(async (tx) => {
		const meeting = await tx.meeting.findUniqueOrThrow({ where: { id: meetingId } });
		requireStatus(
			meeting,
			['DRAFT', 'AGENDA_ISSUED'],
			'The bodies holding a meeting can only be changed before it starts'
		);
		if (bodyId === meeting.bodyId)
			throw new Invalid({
				bodyId: 'The body that called the meeting always holds it: choose another body'
			});
		const body = await tx.body.findFirst({
			where: { id: bodyId, partnershipId: ctx.partnership.id },
			select: { id: true, name: true }
		});
		if (!body) throw new Invalid({ bodyId: 'Choose a body of this partnership' });
		const before = await meetingBodyIds(tx, meeting);
		let sentTo: string[] = [];
		let toldGone: string[] = [];
		if (change === 'ADD') {
			const { count } = await tx.meetingBody.createMany({
				data: [{ meetingId, bodyId }],
				skipDuplicates: true
			});
			if (!count) throw new Invalid({ bodyId: `${body.name} already holds this meeting` });
			if (meeting.agendaIssuedAt) {
				// The agenda is out: those the new body brings to the meeting are sent it, no one else again.
				const already = new Set(await agendaRecipients(tx, before));
				sentTo = (await agendaRecipients(tx, [...before, bodyId])).filter((u) => !already.has(u));
				if (sentTo.length) {
					await notifyAgendaIssued(tx, meetingId, ctx.partnership.slug, sentTo);
					await mailAgendaIssued(tx, meetingId, ctx.partnership.slug, sentTo);
				}
			}
		} else {
			const { count } = await tx.meetingBody.deleteMany({ where: { meetingId, bodyId } });
			if (!count) throw new Invalid({ bodyId: `${body.name} does not hold this meeting jointly` });
			if (meeting.agendaIssuedAt) {
				// The agenda is out: those the body brought, and no other holding body seats, are told they
				// are no longer invited, and the event is taken out of their calendars.
				const still = new Set(
					await agendaRecipients(
						tx,
						before.filter((b) => b !== bodyId)
					)
				);
				toldGone = (await agendaRecipients(tx, before)).filter((u) => !still.has(u));
				if (toldGone.length) {
					await notifyMeetingChanged(
						tx,
						meetingId,
						ctx.partnership.slug,
						`${body.name} no longer holds ${meeting.title} jointly: you are no longer invited to it`,
						toldGone
					);
					await mailNoLongerInvited(tx, meetingId, ctx.partnership.slug, toldGone, body.name);
				}
			}
		}
		await audit(tx, actor.userId, {
			action: change === 'ADD' ? 'joint_body_added' : 'joint_body_removed',
			entity: 'Meeting',
			entityId: meetingId,
			partnershipId: ctx.partnership.id,
			detail: { bodyId, agendaSentTo: sentTo.length, noLongerInvited: toldGone.length }
		});
	});
	publishMeetingChange(meetingId, 'meeting');
	return getMeeting(actor, meetingId);
}

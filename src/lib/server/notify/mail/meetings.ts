// The email about meetings: the agenda issued (with the agenda, the papers each person may see as links, and
// a calendar invitation), the meeting moved (the same invitation, updated), papers added late, and
// cancellation. Each recipient's text is composed for them:
// a restricted paper is named only to those its organisations include (access/maySeePaper), and by the
// generic name to everyone else.
import { maySeePaper, meetingBodyIds, PAPER_ACCESS, RESTRICTED_PAPER } from '../../access/index.ts';
import { now, type Tx } from '../../platform/index.ts';
import { formatMeetingTime } from '../../../dates.ts';
import { calendar, type CalendarMeeting } from './ics.ts';
import { siteHost } from './origin.ts';
import { enqueueMail, siteLink, type MailToPerson } from './queue.ts';

/** Everyone with a current seat on any of the bodies holding the meeting, once each. */
async function seated(tx: Tx, meeting: { id: string; bodyId: string }) {
	const seats = await tx.bodySeat.findMany({
		where: { bodyId: { in: await meetingBodyIds(tx, meeting) }, endedAt: null },
		select: { membership: { select: { id: true, userId: true, organisationId: true, role: true } } }
	});
	const byUser = new Map<string, (typeof seats)[number]['membership']>();
	for (const { membership } of seats) byUser.set(membership.userId, membership);
	return [...byUser.values()];
}

async function meetingOf(tx: Tx, meetingId: string) {
	return tx.meeting.findUniqueOrThrow({
		where: { id: meetingId },
		select: {
			id: true,
			partnershipId: true,
			bodyId: true,
			status: true,
			title: true,
			startsAt: true,
			durationMinutes: true,
			place: true,
			onlineLink: true,
			body: { select: { name: true } }
		}
	});
}

/** Bumps the meeting's calendar SEQUENCE (0 for the first invitation) and answers it. */
async function nextSequence(tx: Tx, meetingId: string, cancelled: boolean): Promise<number> {
	const existing = await tx.meetingCalendar.findUnique({ where: { meetingId } });
	if (!existing) {
		await tx.meetingCalendar.create({ data: { meetingId, sequence: 0, cancelled } });
		return 0;
	}
	const row = await tx.meetingCalendar.update({
		where: { meetingId },
		data: { sequence: { increment: 1 }, cancelled }
	});
	return row.sequence;
}

function calendarMeeting(
	meeting: Awaited<ReturnType<typeof meetingOf>>,
	slug: string,
	sequence: number,
	cancelled = false
): CalendarMeeting {
	return {
		id: meeting.id,
		title: `${meeting.title} (${meeting.body.name})`,
		startsAt: meeting.startsAt,
		durationMinutes: meeting.durationMinutes,
		place: meeting.place,
		onlineLink: meeting.onlineLink,
		url: siteLink(`/p/${slug}/meetings/${meeting.id}`),
		description: `The agenda and papers: ${siteLink(`/p/${slug}/meetings/${meeting.id}`)}`,
		sequence,
		cancelled
	};
}

function paperLink(
	slug: string,
	meetingId: string,
	paper: { id: string; fileName: string | null }
) {
	return paper.fileName
		? siteLink(`/api/v1/meetings/${meetingId}/evidence/${paper.id}/file`)
		: siteLink(`/p/${slug}/meetings/${meetingId}`);
}

/**
 * In the agenda's transaction: to each person seated on the body, the agenda, the papers they may see, and
 * the meeting as a calendar invitation (the same event, a higher SEQUENCE, each time it is sent again).
 */
export async function mailAgendaIssued(
	tx: Tx,
	meetingId: string,
	slug: string,
	/** Only these people (a body joining a meeting whose agenda is out): its new members, not everyone. */
	only?: string[]
): Promise<number> {
	const meeting = await meetingOf(tx, meetingId);
	const [people, items, papers] = await Promise.all([
		seated(tx, meeting).then((all) => all.filter((m) => !only || only.includes(m.userId))),
		tx.agendaItem.findMany({
			where: { meetingId, withdrawn: false },
			orderBy: [{ order: 'asc' }, { id: 'asc' }],
			select: { title: true }
		}),
		tx.evidenceItem.findMany({
			where: { meetingId, withdrawn: false },
			orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
			select: { id: true, title: true, fileName: true, ...PAPER_ACCESS }
		})
	]);
	if (!people.length) return 0;
	const sequence = await nextSequence(tx, meetingId, false);
	const ics = calendar('REQUEST', [calendarMeeting(meeting, slug, sequence)], siteHost(), now());
	const when = formatMeetingTime(meeting.startsAt);
	const where = [meeting.place, meeting.onlineLink].filter(Boolean).join(', ');
	const agenda = items.length
		? items.map((item, i) => `${i + 1}. ${item.title}`).join('\n')
		: 'The agenda has no items yet.';
	const messages: MailToPerson[] = people.map((membership) => {
		const reader = { membership };
		let namesRestricted = false;
		const listed = papers.map((paper) => {
			if (!maySeePaper(reader, paper)) return `- ${RESTRICTED_PAPER}`;
			if (paper.confidentiality === 'RESTRICTED') namesRestricted = true;
			return `- ${paper.title || 'Untitled paper'}: ${paperLink(slug, meetingId, paper)}`;
		});
		return {
			userId: membership.userId,
			subject: `${sequence && !only ? 'Updated: agenda' : 'Agenda'} for ${meeting.title}, ${when}`,
			text:
				`The agenda for ${meeting.title} (${meeting.body.name}) on ${when} has been issued.\n` +
				(where ? `Where: ${where}\n` : '') +
				`\nAgenda\n${agenda}\n\n` +
				(listed.length ? `Papers\n${listed.join('\n')}\n\n` : '') +
				`The meeting: ${siteLink(`/p/${slug}/meetings/${meetingId}`)}\n` +
				'The attached invitation puts the meeting in your calendar.\n',
			ics: { method: 'REQUEST', content: ics },
			namesRestricted
		};
	});
	return enqueueMail(tx, 'agenda_issued', meeting.partnershipId, messages);
}

/** Where and when a meeting was, before it moved. */
export interface MeetingWas {
	startsAt: Date;
	place: string;
	onlineLink: string;
}

/**
 * In the move's transaction: to everyone seated on the body, the new time and place, and the invitation
 * again (the same UID, a higher SEQUENCE) so each calendar moves the event it already holds.
 */
export async function mailMeetingMoved(
	tx: Tx,
	meetingId: string,
	slug: string,
	was: MeetingWas
): Promise<number> {
	const meeting = await meetingOf(tx, meetingId);
	const people = await seated(tx, meeting);
	if (!people.length) return 0;
	const sequence = await nextSequence(tx, meetingId, false);
	const ics = calendar('REQUEST', [calendarMeeting(meeting, slug, sequence)], siteHost(), now());
	const when = formatMeetingTime(meeting.startsAt);
	const where = [meeting.place, meeting.onlineLink].filter(Boolean).join(', ');
	const before = [
		formatMeetingTime(was.startsAt),
		[was.place, was.onlineLink].filter(Boolean).join(', ')
	]
		.filter(Boolean)
		.join(', ');
	return enqueueMail(
		tx,
		'agenda_issued',
		meeting.partnershipId,
		people.map((membership) => ({
			userId: membership.userId,
			subject: `Moved: ${meeting.title}, now ${when}`,
			text:
				`${meeting.title} (${meeting.body.name}) has moved.\n` +
				`When: ${when}\n` +
				(where ? `Where: ${where}\n` : '') +
				`It was: ${before}\n\n` +
				`The meeting: ${siteLink(`/p/${slug}/meetings/${meetingId}`)}\n` +
				'The attached invitation updates the meeting in your calendar.\n',
			ics: { method: 'REQUEST', content: ics }
		}))
	);
}

/**
 * METHOD:CANCEL of the meeting's event (its UID, a higher SEQUENCE) to these people, each with the words
 * `compose` gives. `meetingCancelled` marks the event cancelled for everyone (the calendar feed follows);
 * otherwise only these people's copy goes.
 */
async function mailCancellation(
	tx: Tx,
	meeting: Awaited<ReturnType<typeof meetingOf>>,
	slug: string,
	userIds: string[],
	meetingCancelled: boolean,
	compose: (when: string) => { subject: string; text: string }
): Promise<number> {
	const sequence = await nextSequence(tx, meeting.id, meetingCancelled);
	const ics = calendar(
		'CANCEL',
		[calendarMeeting(meeting, slug, sequence, true)],
		siteHost(),
		now()
	);
	const words = compose(formatMeetingTime(meeting.startsAt));
	return enqueueMail(
		tx,
		'agenda_issued',
		meeting.partnershipId,
		userIds.map((userId) => ({ userId, ...words, ics: { method: 'CANCEL', content: ics } }))
	);
}

/** In the cancellation's transaction: METHOD:CANCEL for the same event, to everyone seated on the body. */
export async function mailMeetingCancelled(
	tx: Tx,
	meetingId: string,
	slug: string,
	reason = ''
): Promise<number> {
	const meeting = await meetingOf(tx, meetingId);
	const people = (await seated(tx, meeting)).map((m) => m.userId);
	return mailCancellation(tx, meeting, slug, people, true, (when) => ({
		subject: `Cancelled: ${meeting.title}, ${when}`,
		text:
			`${meeting.title} (${meeting.body.name}) on ${when} has been cancelled.\n` +
			(reason ? `The reason: ${reason}\n` : '') +
			'The attached cancellation removes it from your calendar.\n'
	}));
}

/**
 * In the change's transaction: to those no longer invited because a body stopped holding the meeting
 * jointly, METHOD:CANCEL of the event they hold. The meeting itself goes ahead, so its calendar is not
 * marked cancelled for anyone else.
 */
export async function mailNoLongerInvited(
	tx: Tx,
	meetingId: string,
	slug: string,
	userIds: string[],
	bodyName: string
): Promise<number> {
	if (!userIds.length) return 0;
	const meeting = await meetingOf(tx, meetingId);
	return mailCancellation(tx, meeting, slug, userIds, false, (when) => ({
		subject: `No longer invited: ${meeting.title}, ${when}`,
		text:
			`${bodyName} no longer holds ${meeting.title} (${meeting.body.name}) on ${when} jointly, so you ` +
			'are no longer invited to it.\nThe attached cancellation removes it from your calendar.\n'
	}));
}

/** In the paper's transaction: a paper added after the agenda was issued, named only to those who may see it. */
export async function mailLatePaper(
	tx: Tx,
	meetingId: string,
	slug: string,
	paperId: string
): Promise<number> {
	const meeting = await meetingOf(tx, meetingId);
	// A meeting called off is not to be read for.
	if (meeting.status === 'CANCELLED') return 0;
	const [people, paper] = await Promise.all([
		seated(tx, meeting),
		tx.evidenceItem.findUniqueOrThrow({
			where: { id: paperId },
			select: { id: true, title: true, fileName: true, ...PAPER_ACCESS }
		})
	]);
	const when = formatMeetingTime(meeting.startsAt);
	return enqueueMail(
		tx,
		'paper_added_late',
		meeting.partnershipId,
		people.map((membership) => {
			const visible = maySeePaper({ membership }, paper);
			const name = visible ? `“${paper.title || 'Untitled paper'}”` : RESTRICTED_PAPER;
			return {
				userId: membership.userId,
				subject: `A paper was added late to ${meeting.title}`,
				text:
					`A paper was added to ${meeting.title} (${meeting.body.name}) on ${when} after its agenda was issued: ${name}.\n` +
					`${visible ? paperLink(slug, meetingId, paper) : siteLink(`/p/${slug}/meetings/${meetingId}`)}\n`,
				namesRestricted: visible && paper.confidentiality === 'RESTRICTED'
			};
		})
	);
}

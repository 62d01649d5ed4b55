// After the meeting: closing it (IN_PROGRESS → CLOSED), which drafts the minutes into the shared minutes
// document from the record; approving them at the body's next meeting, which freezes the document's text
// into an immutable, hashed MinutesVersion (CLOSED → MINUTES_APPROVED); reading the draft and versions.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Actor } from '../access/index.ts';
import { audit } from '../platform/index.ts';
import { now } from '../platform/index.ts';
import { db, transaction } from '../platform/index.ts';
import { Conflict, Invalid } from '../platform/index.ts';
import { withDocument } from '../meetings/index.ts';
import { publishMeetingChange } from '../meetings/index.ts';
import { log } from '../platform/index.ts';
import { readMeetingRecord } from './meeting-record.ts';
import { restrictedTextOf, SHARED, withholdRestricted } from '../access/index.ts';
import { draftMinutes } from './draft.ts';
import { demand, meetingContext, meetingRights } from '../access/index.ts';
import { inviteToSurvey } from '../review/index.ts';
import { parse, reference } from '../platform/index.ts';
import { documentName } from '../../collab/documents.ts';
import {
	appendMinutes,
	convertLegacyMinutes,
	minutesMarkdown,
	replaceMinutes
} from '../../collab/minutes.ts';
import { formatMeetingTime } from '../../dates.ts';
import { MEETING_STATUSES } from '../../vocabulary.ts';

const AT_MEETING_MESSAGE = 'Choose a later meeting of the same body that is in progress';

export const ApproveMinutesInput = z.object({
	atMeetingId: reference(AT_MEETING_MESSAGE)
});

export const MinutesVersionView = z.object({
	version: z.number(),
	text: z.string(),
	/** SHA-256 of the meeting id, the version number and the text. */
	hash: z.string(),
	approvedAt: z.iso.datetime(),
	approvedBy: z.string(),
	approvedAtMeetingId: z.string().nullable()
});
export type MinutesVersionView = z.infer<typeof MinutesVersionView>;

export const MinutesView = z.object({
	meetingId: z.string(),
	status: z.enum(Object.keys(MEETING_STATUSES) as [keyof typeof MEETING_STATUSES]),
	closedAt: z.iso.datetime().nullable(),
	/** The minutes document's current text: the officer's working draft. */
	draft: z.string(),
	/** Approved versions, oldest first. */
	versions: z.array(MinutesVersionView)
});
export type MinutesView = z.infer<typeof MinutesView>;

export function minutesHash(meetingId: string, version: number, text: string): string {
	return createHash('sha256').update(`${meetingId}\n${version}\n${text}`).digest('hex');
}

function statusWord(status: string): string {
	return MEETING_STATUSES[status as keyof typeof MEETING_STATUSES]?.toLowerCase() ?? status;
}

/**
 * Closes the meeting: any turn still being taken ends now, the queue is cancelled. Then drafts the
 * minutes from the record into the minutes document (after any text already there).
 */
export async function closeMeeting(actor: Actor, meetingId: string): Promise<MinutesView> {
	const ctx = await meetingContext(actor, meetingId);
	demand((await meetingRights(ctx)).run, 'Only the chair or the secretariat closes a meeting.');
	const at = now();
	const record = await transaction(async (tx) => {
		// Conditional on the status, so the meeting is closed once however many press the button.
		const { count } = await tx.meeting.updateMany({
			where: { id: meetingId, status: 'IN_PROGRESS' },
			data: { status: 'CLOSED', closedAt: at, currentItemId: null, currentItemAt: null }
		});
		if (!count) {
			const now = await tx.meeting.findUniqueOrThrow({ where: { id: meetingId } });
			throw new Conflict(
				`Only a meeting in progress can be closed; this one is ${statusWord(now.status)}.`
			);
		}
		const ended = await tx.contribution.updateMany({
			where: { meetingId, startedAt: { not: null }, endedAt: null, cancelledAt: null },
			data: { endedAt: at }
		});
		const cancelled = await tx.contribution.updateMany({
			where: { meetingId, startedAt: null, cancelledAt: null },
			data: { cancelledAt: at }
		});
		await audit(tx, actor.userId, {
			action: 'closed',
			entity: 'Meeting',
			entityId: meetingId,
			partnershipId: ctx.partnership.id,
			detail: {
				at: at.toISOString(),
				turnsEnded: ended.count,
				requestsCancelled: cancelled.count,
				surveyInvitations: await inviteToSurvey(tx, meetingId, ctx.partnership.slug)
			}
		});
		// The draft goes into the minutes document every member reads, then onto the public page.
		return readMeetingRecord(tx, meetingId, SHARED);
	});
	publishMeetingChange(meetingId, 'closed');
	await writeDraft(meetingId, draftMinutes(record), at).catch((error) =>
		// The meeting is closed either way; the officer can still write the minutes by hand.
		log.error({ err: error, meetingId }, 'minutes: the draft could not be written')
	);
	return getMinutes(actor, meetingId);
}

/**
 * Whether minutes hold only a template: headings, labels ("Present:") and short numbered items, with
 * nothing written under them. The draft takes a template's place; anything more (a sentence, a long line)
 * is kept, and the draft goes after it.
 */
function onlyTemplate(minutes: string): boolean {
	return (
		minutes.length <= 2000 &&
		minutes
			.split('\n')
			.map((line) => line.trim())
			.every(
				(line) =>
					line === '' || /^(#{1,6}\s.{0,120}|[^.!?]{0,80}:|\d{1,2}[.)]\s[^.!?:]{0,60})$/.test(line)
			)
	);
}

/**
 * Writes the draft into the minutes document through the sync server, which stores and sends it: in place
 * of an empty template, or after what the officer already wrote, under a heading.
 */
function writeDraft(meetingId: string, draft: string, at: Date): Promise<void> {
	return withDocument(documentName(meetingId, 'minutes'), (doc) => {
		convertLegacyMinutes(doc);
		doc.transact(() => {
			if (onlyTemplate(minutesMarkdown(doc))) replaceMinutes(doc, draft);
			else
				appendMinutes(
					doc,
					`## Drafted from the record when the meeting closed, ${formatMeetingTime(at)}\n\n${draft}`
				);
		});
	});
}

function readDraft(meetingId: string): Promise<string> {
	return withDocument(documentName(meetingId, 'minutes'), minutesMarkdown);
}

/**
 * Moves minutes written before the rich editor into it, on the server, before anyone's editor shows the
 * document (a browser converts too if it ever finds them unconverted: the same text converts to the same
 * items, so two conversions leave one copy).
 */
export async function openMinutes(actor: Actor, meetingId: string): Promise<void> {
	if ((await meetingContext(actor, meetingId)).access !== 'write') return;
	await withDocument(documentName(meetingId, 'minutes'), convertLegacyMinutes).catch((error) =>
		// The page opens either way; the browser converts them then.
		log.error({ err: error, meetingId }, 'minutes: the old plain text could not be converted')
	);
}

/**
 * Approves a closed meeting's minutes at a later meeting of the same body that is in progress: the
 * minutes document's text is frozen as the next version. Minutes already approved may be approved
 * again as amended (a correction agreed at a later meeting): a new version, the old ones kept.
 */
export async function approveMinutes(
	actor: Actor,
	meetingId: string,
	input: unknown
): Promise<MinutesView> {
	const ctx = await meetingContext(actor, meetingId);
	demand((await meetingRights(ctx)).run, 'Only the chair or the secretariat approves the minutes.');
	const { atMeetingId } = parse(ApproveMinutesInput, input);
	const meeting = await db().meeting.findUniqueOrThrow({ where: { id: meetingId } });
	const atMeeting = await db().meeting.findUnique({ where: { id: atMeetingId } });
	if (
		!atMeeting ||
		atMeeting.id === meeting.id ||
		atMeeting.bodyId !== meeting.bodyId ||
		atMeeting.startsAt <= meeting.startsAt ||
		atMeeting.status !== 'IN_PROGRESS'
	)
		throw new Invalid({ atMeetingId: AT_MEETING_MESSAGE });
	if (meeting.status !== 'CLOSED' && meeting.status !== 'MINUTES_APPROVED')
		throw new Conflict(
			`Minutes are approved once the meeting is closed; this one is ${statusWord(meeting.status)}.`
		);
	const text = (await readDraft(meetingId)).trim();
	if (!text) throw new Conflict('The minutes are empty; write them before they are approved.');

	await transaction(async (tx) => {
		const latest = await tx.minutesVersion.findFirst({
			where: { meetingId },
			orderBy: { version: 'desc' }
		});
		if (latest && latest.text === text)
			throw new Conflict('These minutes are already approved as they stand.');
		const version = (latest?.version ?? 0) + 1;
		const hash = minutesHash(meetingId, version, text);
		const { count } = await tx.meeting.updateMany({
			where: { id: meetingId, status: { in: ['CLOSED', 'MINUTES_APPROVED'] } },
			data: { status: 'MINUTES_APPROVED' }
		});
		if (!count) throw new Conflict('The meeting changed meanwhile; try again.');
		const created = await tx.minutesVersion
			.create({
				data: {
					meetingId,
					version,
					text,
					hash,
					approvedById: actor.userId,
					approvedAt: now(),
					approvedAtMeetingId: atMeetingId
				}
			})
			.catch(() => {
				// (meetingId, version) is unique: someone else approved this version a moment ago.
				throw new Conflict('The minutes were approved by someone else just now.');
			});
		await audit(tx, actor.userId, {
			action: 'minutes_approved',
			entity: 'MinutesVersion',
			entityId: created.id,
			partnershipId: ctx.partnership.id,
			detail: { meetingId, version, hash, atMeetingId }
		});
	});
	publishMeetingChange(meetingId, 'minutes');
	publishMeetingChange(atMeetingId, 'minutes');
	return getMinutes(actor, meetingId);
}

/** The working draft and every approved version, for anyone in the partnership. */
export async function getMinutes(actor: Actor, meetingId: string): Promise<MinutesView> {
	const ctx = await meetingContext(actor, meetingId);
	const meeting = await db().meeting.findUniqueOrThrow({
		where: { id: meetingId },
		select: { status: true, closedAt: true }
	});
	// Drafts are composed naming restricted papers generically, but text written before that rule, or
	// typed in by hand, may still name one: it is withheld from readers the paper does not name.
	const restricted = await restrictedTextOf([meetingId], ctx);
	const versions = await minutesVersions(meetingId);
	return {
		meetingId,
		status: meeting.status,
		closedAt: meeting.closedAt?.toISOString() ?? null,
		draft: withholdRestricted(await readDraft(meetingId), restricted),
		versions: versions.map((v) => ({ ...v, text: withholdRestricted(v.text, restricted) }))
	};
}

export async function minutesVersions(meetingId: string): Promise<MinutesVersionView[]> {
	const rows = await db().minutesVersion.findMany({
		where: { meetingId },
		orderBy: { version: 'asc' }
	});
	const users = await db().user.findMany({
		where: { id: { in: rows.map((r) => r.approvedById) } },
		select: { id: true, name: true }
	});
	const name = new Map(users.map((u) => [u.id, u.name]));
	return rows.map((r) => ({
		version: r.version,
		text: r.text,
		hash: r.hash,
		approvedAt: r.approvedAt.toISOString(),
		approvedBy: name.get(r.approvedById) ?? 'Someone no longer recorded',
		approvedAtMeetingId: r.approvedAtMeetingId
	}));
}

// Meetings of a body: scheduling them, listing them, reading one with its projected agenda and the names
// of its shared documents, issuing the agenda (DRAFT → AGENDA_ISSUED), starting the meeting (→ IN_PROGRESS)
// and moving it from item to item.
import { z } from 'zod';
import type { Actor } from '../access/index.ts';
import { audit } from '../platform/index.ts';
import { now } from '../platform/index.ts';
import { db, transaction, type Db, type Tx } from '../platform/index.ts';
import { Conflict, Invalid, NotFound } from '../platform/index.ts';
import { publishMeetingChange } from './meeting-events.ts';
import { placeMattersArising } from './matters-arising.ts';
import { agendaItemOf, floorOf, requireStatus } from './floor.ts';
import { agendaRecipients, mailAgendaIssued, notifyAgendaIssued } from '../notify/index.ts';
import {
	canScheduleMeetings,
	demand,
	meetingBodyIds,
	meetingContext,
	partnershipContext,
	type PartnershipContext
} from '../access/index.ts';
import {
	Flag,
	optionalText,
	parse,
	reference,
	requiredText,
	webLink,
	wholeNumber
} from '../platform/index.ts';
import { meetingDocuments } from '../../collab/documents.ts';
import { parseMeetingTime } from '../../dates.ts';
import { MEETING_STATUSES } from '../../vocabulary.ts';
import { MeetingSummary, MeetingView } from '../../views/meetings.ts';
export { MeetingSummary, AgendaItemView, MeetingView } from '../../views/meetings.ts';

const START_MESSAGE =
	'Enter the date and time the meeting starts, for example 5 March 2026 at 14:30';

// A date needs no more than this; a longer string is not one, and is not worth parsing.
export const startsAt = z
	.string({ error: START_MESSAGE })
	.max(100, START_MESSAGE)
	.transform((text, ctx) => {
		const at = parseMeetingTime(text);
		if (!at || at.getUTCFullYear() < 2000 || at.getUTCFullYear() > 2100) {
			ctx.addIssue({ code: 'custom', message: START_MESSAGE });
			return z.NEVER;
		}
		return at;
	});

const onlineLink = webLink('the online link')
	.nullish()
	.transform((v) => v ?? '');

const JOINT_BODY = reference('Choose the bodies holding the meeting jointly');

export const ScheduleMeetingInput = z.object({
	title: requiredText('the meeting’s title'),
	startsAt,
	durationMinutes: wholeNumber('the length in minutes', 15, 720).transform((v) => v ?? 120),
	place: optionalText('the place', 300).transform((v) => v ?? ''),
	onlineLink,
	/** The other bodies holding the meeting jointly with this one (same partnership, not this body). */
	jointBodyIds: z
		.union([z.string(), z.array(z.string()).max(10)], {
			error: 'Choose the bodies holding the meeting jointly'
		})
		.nullish()
		.transform((value, ctx) => {
			const ids = value == null || value === '' ? [] : Array.isArray(value) ? value : [value];
			if (ids.length > 10 || !ids.every((id) => JOINT_BODY.safeParse(id).success)) {
				ctx.addIssue({ code: 'custom', message: 'Choose the bodies holding the meeting jointly' });
				return z.NEVER;
			}
			return [...new Set(ids as string[])];
		})
});

const select = {
	id: true,
	bodyId: true,
	title: true,
	startsAt: true,
	status: true,
	durationMinutes: true,
	place: true,
	onlineLink: true,
	jointBodies: { select: { bodyId: true }, orderBy: { createdAt: 'asc' } }
} as const;

type MeetingRow = { startsAt: Date; jointBodies: { bodyId: string }[] } & Omit<
	MeetingSummary,
	'startsAt' | 'jointBodyIds'
>;

function summary({ jointBodies, ...row }: MeetingRow): MeetingSummary {
	return {
		...row,
		startsAt: row.startsAt.toISOString(),
		jointBodyIds: jointBodies.map((b) => b.bodyId)
	};
}

/** The partnership a body belongs to, as the actor sees it; a body of another partnership is NotFound. */
async function bodyContext(actor: Actor, bodyId: string): Promise<PartnershipContext> {
	const body = await db().body.findUnique({
		where: { id: bodyId },
		select: { partnership: { select: { slug: true } } }
	});
	if (!body) throw new NotFound('body');
	return partnershipContext(actor, body.partnership.slug).catch(() => {
		throw new NotFound('body');
	});
}

export async function scheduleMeeting(
	actor: Actor,
	bodyId: string,
	input: unknown
): Promise<MeetingSummary> {
	const ctx = await bodyContext(actor, bodyId);
	demand(canScheduleMeetings(ctx), 'Only the secretariat and admins schedule meetings.');
	const { jointBodyIds, ...data } = parse(ScheduleMeetingInput, input);
	const scheduled = await transaction(async (tx) => {
		if (jointBodyIds.includes(bodyId))
			throw new Invalid({
				jointBodyIds: 'Choose other bodies: this body already holds the meeting'
			});
		const joint = await tx.body.count({
			where: { id: { in: jointBodyIds }, partnershipId: ctx.partnership.id }
		});
		if (joint !== jointBodyIds.length)
			throw new Invalid({ jointBodyIds: 'Choose bodies of this partnership' });
		const created = await tx.meeting.create({
			data: { ...data, bodyId, partnershipId: ctx.partnership.id, createdById: actor.userId },
			select
		});
		if (jointBodyIds.length)
			await tx.meetingBody.createMany({
				data: jointBodyIds.map((id) => ({ meetingId: created.id, bodyId: id }))
			});
		created.jointBodies = jointBodyIds.map((id) => ({ bodyId: id }));
		await audit(tx, actor.userId, {
			action: 'scheduled',
			entity: 'Meeting',
			entityId: created.id,
			partnershipId: ctx.partnership.id,
			detail: { ...data, startsAt: data.startsAt.toISOString(), bodyId, jointBodyIds }
		});
		return summary(created);
	});
	// Matters arising that waited for the body's next meeting go on its agenda now.
	await placeMattersArising(actor.userId, bodyId);
	return scheduled;
}

/** A body's meetings (those it hosts and those it holds jointly), soonest first. */
export async function listMeetings(actor: Actor, bodyId: string): Promise<MeetingSummary[]> {
	await bodyContext(actor, bodyId);
	const rows = await db().meeting.findMany({
		where: { OR: [{ bodyId }, { jointBodies: { some: { bodyId } } }] },
		select,
		orderBy: [{ startsAt: 'asc' }, { id: 'asc' }]
	});
	return rows.map(summary);
}

export async function getMeeting(actor: Actor, meetingId: string): Promise<MeetingView> {
	const ctx = await meetingContext(actor, meetingId);
	// The joint bodies are in the meeting's context already (its host first): not read again.
	const { jointBodies: _, ...once } = select;
	const meeting = await db().meeting.findUniqueOrThrow({
		where: { id: meetingId },
		select: {
			...once,
			agendaIssuedAt: true,
			startedAt: true,
			closedAt: true,
			cancelledAt: true,
			cancelReason: true,
			currentItemId: true,
			currentItemAt: true,
			items: {
				select: {
					id: true,
					order: true,
					title: true,
					purpose: true,
					presenterOrganisationId: true,
					minutes: true,
					private: true,
					withdrawn: true
				},
				orderBy: [{ withdrawn: 'asc' }, { order: 'asc' }, { id: 'asc' }]
			}
		}
	});
	const {
		items,
		agendaIssuedAt,
		startedAt,
		closedAt,
		cancelledAt,
		cancelReason,
		currentItemId,
		currentItemAt,
		...rest
	} = meeting;
	const jointBodies = ctx.meeting.bodyIds.slice(1).map((bodyId) => ({ bodyId }));
	return {
		...summary({ ...rest, jointBodies }),
		access: ctx.access,
		agendaIssuedAt: agendaIssuedAt?.toISOString() ?? null,
		startedAt: startedAt?.toISOString() ?? null,
		closedAt: closedAt?.toISOString() ?? null,
		cancelledAt: cancelledAt?.toISOString() ?? null,
		cancelReason,
		currentItemId,
		currentItemAt: currentItemAt?.toISOString() ?? null,
		items,
		documents: meetingDocuments(meetingId)
	};
}

export const IssueAgendaInput = z.object({
	/** An agenda with no items goes out only when this says so: it would notify everyone of nothing. */
	issueEmpty: Flag.default(false)
});

/** What issuing the agenda will do, for the officer to read before confirming. */
export interface AgendaIssuePreview {
	/** The agenda's items (not withdrawn). */
	items: number;
	/** The people who will be notified: everyone with a current seat on the body. */
	recipients: number;
}

async function previewIn(reader: Db | Tx, meetingId: string): Promise<AgendaIssuePreview> {
	const meeting = await reader.meeting.findUniqueOrThrow({
		where: { id: meetingId },
		select: { id: true, bodyId: true }
	});
	const [items, recipients] = await Promise.all([
		reader.agendaItem.count({ where: { meetingId, withdrawn: false } }),
		agendaRecipients(reader, await meetingBodyIds(reader, meeting))
	]);
	return { items, recipients: recipients.length };
}

export async function agendaIssuePreview(
	actor: Actor,
	meetingId: string
): Promise<AgendaIssuePreview> {
	const ctx = await meetingContext(actor, meetingId);
	demand(canScheduleMeetings(ctx), 'Only the secretariat and admins issue agendas.');
	return previewIn(db(), meetingId);
}

/**
 * Sends the agenda out: from then on, papers added to the pack are marked late. Everyone seated on the
 * body is told in the app. An agenda with no items is refused unless `issueEmpty` confirms it.
 */
export async function issueAgenda(
	actor: Actor,
	meetingId: string,
	input: unknown = {}
): Promise<MeetingView> {
	const ctx = await meetingContext(actor, meetingId);
	demand(canScheduleMeetings(ctx), 'Only the secretariat and admins issue agendas.');
	const { issueEmpty } = parse(IssueAgendaInput, input);
	await transaction(async (tx) => {
		const at = now();
		// Conditional on the status, so two officers pressing the button at once issue it once.
		const { count } = await tx.meeting.updateMany({
			where: { id: meetingId, status: 'DRAFT' },
			data: { status: 'AGENDA_ISSUED', agendaIssuedAt: at }
		});
		if (!count) {
			const now = await tx.meeting.findUniqueOrThrow({ where: { id: meetingId } });
			throw new Conflict(
				`The agenda can only be issued while the meeting is a draft; it is ${MEETING_STATUSES[now.status].toLowerCase()}.`
			);
		}
		// Checked once the status is: refusing here undoes the change with the rest of the transaction.
		const { items, recipients } = await previewIn(tx, meetingId);
		if (items === 0 && !issueEmpty)
			throw new Invalid(
				{
					issueEmpty: `The agenda has no items. Issuing it would notify ${recipients} ${recipients === 1 ? 'person' : 'people'} of an empty agenda: add the items first, or confirm that it should go out empty.`
				},
				'The agenda has no items.'
			);
		await audit(tx, actor.userId, {
			action: 'agenda_issued',
			entity: 'Meeting',
			entityId: meetingId,
			partnershipId: ctx.partnership.id,
			detail: { at: at.toISOString(), items }
		});
		await notifyAgendaIssued(tx, meetingId, ctx.partnership.slug);
		await mailAgendaIssued(tx, meetingId, ctx.partnership.slug);
	});
	publishMeetingChange(meetingId, 'meeting');
	return getMeeting(actor, meetingId);
}

const RUN_MESSAGE = 'Only the chair, the vice-chair and the secretariat run the meeting.';

/** Opens the meeting (AGENDA_ISSUED → IN_PROGRESS) at its first item. */
export async function startMeeting(actor: Actor, meetingId: string): Promise<MeetingView> {
	const { ctx, rights } = await floorOf(actor, meetingId);
	demand(rights.run, RUN_MESSAGE);
	await transaction(async (tx) => {
		const at = now();
		const first = await tx.agendaItem.findFirst({
			where: { meetingId, withdrawn: false },
			orderBy: [{ order: 'asc' }, { id: 'asc' }],
			select: { id: true }
		});
		// Conditional on the status, so the chair and the officer pressing start at once start it once.
		const { count } = await tx.meeting.updateMany({
			where: { id: meetingId, status: 'AGENDA_ISSUED' },
			data: {
				status: 'IN_PROGRESS',
				startedAt: at,
				currentItemId: first?.id ?? null,
				currentItemAt: first ? at : null
			}
		});
		if (!count) {
			const now = await tx.meeting.findUniqueOrThrow({ where: { id: meetingId } });
			requireStatus(now, ['AGENDA_ISSUED'], 'A meeting can be started once its agenda is issued');
		}
		await audit(tx, actor.userId, {
			action: 'meeting_started',
			entity: 'Meeting',
			entityId: meetingId,
			partnershipId: ctx.partnership.id,
			detail: { at: at.toISOString(), currentItemId: first?.id ?? null }
		});
	});
	publishMeetingChange(meetingId, 'meeting');
	return getMeeting(actor, meetingId);
}

export const SetCurrentItemInput = z.object({
	agendaItemId: reference('Choose an item on this meeting’s agenda')
});

/** Moves the meeting to another item; its timer starts again from now. */
export async function setCurrentItem(
	actor: Actor,
	meetingId: string,
	input: unknown
): Promise<MeetingView> {
	const { ctx, rights, meeting } = await floorOf(actor, meetingId);
	demand(rights.run, RUN_MESSAGE);
	const { agendaItemId } = parse(SetCurrentItemInput, input);
	requireStatus(
		meeting,
		['IN_PROGRESS'],
		'The current item is set while the meeting is in progress'
	);
	await transaction(async (tx) => {
		await agendaItemOf(tx, meetingId, agendaItemId);
		const at = now();
		const { count } = await tx.meeting.updateMany({
			where: { id: meetingId, status: 'IN_PROGRESS' },
			data: { currentItemId: agendaItemId, currentItemAt: at }
		});
		if (!count) {
			const now = await tx.meeting.findUniqueOrThrow({ where: { id: meetingId } });
			requireStatus(
				now,
				['IN_PROGRESS'],
				'The current item is set while the meeting is in progress'
			);
		}
		await audit(tx, actor.userId, {
			action: 'current_item_set',
			entity: 'Meeting',
			entityId: meetingId,
			partnershipId: ctx.partnership.id,
			detail: { before: meeting.currentItemId, after: agendaItemId, at: at.toISOString() }
		});
	});
	publishMeetingChange(meetingId, 'meeting');
	return getMeeting(actor, meetingId);
}

// What the meeting's commands share: whose meeting it is and what the actor may do there, whether the
// meeting is at a stage that allows the command, that an agenda item or a person named in the input belongs
// to this meeting and partnership, who is acting for whom, and naming people and organisations in views.
import type { Actor } from '../access/index.ts';
import { db, type Db, type Tx } from '../platform/index.ts';
import { Conflict, Invalid } from '../platform/index.ts';
import {
	demand,
	meetingContext,
	meetingRights,
	type MeetingContext,
	type MeetingRights
} from '../access/index.ts';
import type { MeetingStatus, Sector } from '../../vocabulary.ts';
import { PersonView } from '../../views/meetings.ts';
export { PersonView } from '../../views/meetings.ts';

type Reader = Db | Tx;

export interface FloorMeeting {
	id: string;
	bodyId: string;
	title: string;
	startsAt: Date;
	status: MeetingStatus;
	currentItemId: string | null;
	quorum: number | null;
	/** The host body's name. */
	bodyName: string;
	/** The host body and any holding the meeting jointly (from the meeting's context). */
	bodyIds: string[];
}

export interface Floor {
	ctx: MeetingContext;
	rights: MeetingRights;
	meeting: FloorMeeting;
}

/** The meeting as the actor sees it (NotFound outside the partnership), with their rights at it. */
export async function floorOf(actor: Actor, meetingId: string): Promise<Floor> {
	const ctx = await meetingContext(actor, meetingId);
	const [rights, row] = await Promise.all([
		meetingRights(ctx),
		db().meeting.findUniqueOrThrow({
			where: { id: meetingId },
			select: {
				id: true,
				bodyId: true,
				title: true,
				startsAt: true,
				status: true,
				currentItemId: true,
				body: { select: { quorum: true, name: true } }
			}
		})
	]);
	const { body, ...meeting } = row;
	return {
		ctx,
		rights,
		meeting: {
			...meeting,
			quorum: body.quorum,
			bodyName: body.name,
			bodyIds: ctx.meeting.bodyIds
		}
	};
}

const STAGE: Record<MeetingStatus, string> = {
	DRAFT: 'is still a draft',
	AGENDA_ISSUED: 'has not started yet',
	IN_PROGRESS: 'is in progress',
	CLOSED: 'is closed',
	MINUTES_APPROVED: 'is closed and its minutes approved',
	CANCELLED: 'has been cancelled'
};

/** Refuses (409) a command the meeting's stage does not allow: `rule` says when it is allowed. */
export function requireStatus(
	meeting: { status: MeetingStatus },
	allowed: readonly MeetingStatus[],
	rule: string
): void {
	if (!allowed.includes(meeting.status))
		throw new Conflict(`${rule}; this meeting ${STAGE[meeting.status]}.`);
}

export const BEFORE_AND_DURING = ['AGENDA_ISSUED', 'IN_PROGRESS'] as const;
export const ITEM_MESSAGE = 'Choose an item on this meeting’s agenda';

/** Records are taken while the meeting runs; before it starts or once it closes they are refused. */
export function demandInProgress(ctx: MeetingContext, doing: string): void {
	requireStatus(
		ctx.meeting as { status: MeetingStatus },
		['IN_PROGRESS'],
		`${doing} can only be recorded while the meeting is in progress`
	);
}

/** An item of this meeting's agenda that has not been withdrawn, or Invalid on `agendaItemId`. */
export async function agendaItemOf(reader: Reader, meetingId: string, agendaItemId: string) {
	const item = await reader.agendaItem.findFirst({
		where: { id: agendaItemId, meetingId, withdrawn: false },
		select: { id: true, title: true, order: true, presenterOrganisationId: true }
	});
	if (!item) throw new Invalid({ agendaItemId: ITEM_MESSAGE });
	return item;
}

/** The people of a partnership by membership id, with their organisation; others are left out. */
export async function peopleOf(
	reader: Reader,
	partnershipId: string,
	membershipIds: Iterable<string>
): Promise<Map<string, PersonView>> {
	const rows = await reader.membership.findMany({
		where: { id: { in: [...new Set(membershipIds)] }, partnershipId },
		select: {
			id: true,
			user: { select: { name: true } },
			organisation: { select: { id: true, name: true, sector: true } }
		}
	});
	return new Map(
		rows.map((row) => [
			row.id,
			{
				membershipId: row.id,
				name: row.user.name,
				organisationId: row.organisation.id,
				organisationName: row.organisation.name,
				sector: row.organisation.sector as Sector
			}
		])
	);
}

export async function userNames(
	reader: Reader,
	ids: Iterable<string>
): Promise<Map<string, string>> {
	const rows = await reader.user.findMany({
		where: { id: { in: [...new Set(ids)] } },
		select: { id: true, name: true }
	});
	return new Map(rows.map((row) => [row.id, row.name]));
}

/** The organisations of a partnership by id, with their names; others are left out. */
export async function organisationsOf(
	reader: Reader,
	partnershipId: string,
	ids: Iterable<string>
): Promise<Map<string, { id: string; name: string; sector: Sector }>> {
	const rows = await reader.organisation.findMany({
		where: { id: { in: [...new Set(ids)] }, partnershipId },
		select: { id: true, name: true, sector: true }
	});
	return new Map(rows.map((row) => [row.id, { ...row, sector: row.sector as Sector }]));
}

export function fail(fields: Record<string, string>): void {
	if (Object.keys(fields).length) throw new Invalid(fields);
}

/**
 * Whose record this is: the actor's own when no membership is named (or their own is), anyone's for those
 * allowed to act for others. A member naming someone else is refused (403), not silently corrected.
 */
export function actingFor(
	{ ctx }: { ctx: MeetingContext },
	membershipId: string | null | undefined,
	mayActForOthers: boolean,
	refusal = 'You can record only your own part; the secretariat records for others.'
): string {
	if (!membershipId || membershipId === ctx.membership.id) return ctx.membership.id;
	demand(mayActForOthers, refusal);
	return membershipId;
}

/** A membership of this partnership with the name and organisation pages show, or Invalid on `field`. */
export async function personIn(
	reader: Reader,
	partnershipId: string,
	membershipId: string,
	field = 'membershipId'
) {
	const person = await reader.membership.findFirst({
		where: { id: membershipId, partnershipId },
		select: {
			id: true,
			organisationId: true,
			user: { select: { name: true } },
			organisation: { select: { name: true } }
		}
	});
	if (!person) throw new Invalid({ [field]: 'Choose a member of this partnership' });
	return {
		id: person.id,
		organisationId: person.organisationId,
		name: person.user.name,
		organisationName: person.organisation.name
	};
}

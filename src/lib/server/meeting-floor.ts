// The checks every command on the meeting floor makes: whose meeting it is and what the actor may do there,
// whether the meeting is at a stage that allows the command, and that an agenda item or a person named
// in the input belongs to this meeting and partnership.
import type { Actor } from './actor.ts';
import { db, type Db, type Tx } from './db.ts';
import { Conflict, Invalid } from './errors.ts';
import {
	demand,
	meetingContext,
	meetingRights,
	type MeetingContext,
	type MeetingRights
} from './permissions.ts';
import type { MeetingStatus } from '../vocabulary.ts';

export interface FloorMeeting {
	id: string;
	bodyId: string;
	title: string;
	startsAt: Date;
	status: MeetingStatus;
	currentItemId: string | null;
	quorum: number | null;
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
				body: { select: { quorum: true } }
			}
		})
	]);
	const { body, ...meeting } = row;
	return { ctx, rights, meeting: { ...meeting, quorum: body.quorum } };
}

const STAGE: Record<MeetingStatus, string> = {
	DRAFT: 'is still a draft',
	AGENDA_ISSUED: 'has not started yet',
	IN_PROGRESS: 'is in progress',
	CLOSED: 'is closed',
	MINUTES_APPROVED: 'is closed and its minutes approved'
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

/** An item on this meeting's agenda that has not been withdrawn, or Invalid on `agendaItemId`. */
export async function agendaItemOf(reader: Db | Tx, meetingId: string, agendaItemId: string) {
	const item = await reader.agendaItem.findFirst({
		where: { id: agendaItemId, meetingId, withdrawn: false },
		select: { id: true, title: true }
	});
	if (!item) throw new Invalid({ agendaItemId: ITEM_MESSAGE });
	return item;
}

/**
 * Whose record this is: the actor's own when no membership is named (or their own is), anyone's for those
 * allowed to act for others. A member naming someone else is refused (403), not silently corrected.
 */
export function actingFor(
	floor: Floor,
	membershipId: string | null | undefined,
	mayActForOthers: boolean,
	refusal: string
): string {
	if (!membershipId || membershipId === floor.ctx.membership.id) return floor.ctx.membership.id;
	demand(mayActForOthers, refusal);
	return membershipId;
}

/** A membership of this partnership with the name and organisation pages show, or Invalid on `field`. */
export async function personIn(
	reader: Db | Tx,
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

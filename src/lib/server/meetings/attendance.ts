// Attendance at a meeting: members' own apologies (naming a colleague to stand in) and presence, the
// secretariat recording anyone as they arrive, substitutes standing in for a seat holder; and the roll with
// its quorum as everyone sees it.
import { z } from 'zod';
import type { Actor } from '../access/index.ts';
import { audit } from '../platform/index.ts';
import { now } from '../platform/index.ts';
import { db, transaction, type Tx } from '../platform/index.ts';
import { Invalid } from '../platform/index.ts';
import { publishMeetingChange } from './meeting-events.ts';
import { actingFor, BEFORE_AND_DURING, floorOf, personIn, requireStatus } from './floor.ts';
import { demand } from '../access/index.ts';
import { meetingQuorum, readRoll, type RollEntry } from './roll-and-quorum.ts';
import { choice, optionalId, parse } from '../platform/index.ts';
import { ATTENDANCE_STATUSES, VOTING_SEATS, type AttendanceStatus } from '../../vocabulary.ts';
import { RollEntryView, AttendanceView } from '../../views/meetings.ts';
export { RollEntryView, QuorumView, AttendanceView } from '../../views/meetings.ts';

export const RecordAttendanceInput = z.object({
	membershipId: optionalId('Choose a member of this partnership'),
	status: choice(ATTENDANCE_STATUSES, 'Choose present, apologies, absent or substitute for'),
	substituteForId: optionalId('Choose the board member they stand in for'),
	substituteId: optionalId('Choose a colleague from the same organisation')
});

const rollView = (entry: RollEntry): RollEntryView => ({
	...entry,
	arrivedAt: entry.arrivedAt?.toISOString() ?? null
});

/** Who is on the roll and in what capacity, and whether the meeting is quorate. */
export async function getAttendance(actor: Actor, meetingId: string): Promise<AttendanceView> {
	const { meeting } = await floorOf(actor, meetingId);
	const roll = await readRoll(db(), meeting);
	return { roll: roll.map(rollView), ...(await meetingQuorum(db(), meeting, roll)) };
}

/** The statuses a seated member may record for themselves; absence and substitutes are the officers'. */
const OWN_STATUSES: readonly AttendanceStatus[] = ['PRESENT', 'APOLOGIES'];

export async function recordAttendance(
	actor: Actor,
	meetingId: string,
	input: unknown
): Promise<AttendanceView> {
	const floor = await floorOf(actor, meetingId);
	const { ctx, rights, meeting } = floor;
	demand(
		rights.takePart || rights.recordForOthers,
		'Only members seated on this body record their attendance.'
	);
	const data = parse(RecordAttendanceInput, input);
	const membershipId = actingFor(
		floor,
		data.membershipId,
		rights.recordForOthers,
		'You can record only your own attendance.'
	);
	if (!rights.recordForOthers && !OWN_STATUSES.includes(data.status)) {
		demand(false, 'Only the secretariat records members as absent or as substitutes.');
	}
	requireStatus(
		meeting,
		BEFORE_AND_DURING,
		'Attendance is recorded once the agenda is issued and until the meeting closes'
	);
	const person = await personIn(db(), ctx.partnership.id, membershipId);

	await transaction(async (tx) => {
		const after = {
			status: data.status,
			substituteForId:
				data.status === 'SUBSTITUTE_FOR'
					? await standsInFor(tx, meeting, person, data.substituteForId)
					: null,
			substituteId:
				data.status === 'APOLOGIES' && data.substituteId
					? await colleagueOf(tx, ctx.partnership.id, person, data.substituteId)
					: null
		};
		if (after.status === 'PRESENT') await notStoodInFor(tx, meetingId, person);
		const before = await tx.attendance.findUnique({
			where: { meetingId_membershipId: { meetingId, membershipId } }
		});
		const here = after.status === 'PRESENT' || after.status === 'SUBSTITUTE_FOR';
		const arrivedAt = before?.arrivedAt ?? (here ? now() : null);
		const row = await tx.attendance.upsert({
			where: { meetingId_membershipId: { meetingId, membershipId } },
			create: { meetingId, membershipId, ...after, arrivedAt, recordedById: actor.userId },
			update: { ...after, arrivedAt, recordedById: actor.userId }
		});
		await audit(tx, actor.userId, {
			action: 'attendance_recorded',
			entity: 'Attendance',
			entityId: row.id,
			partnershipId: ctx.partnership.id,
			detail: {
				meetingId,
				membershipId,
				before: before
					? {
							status: before.status,
							substituteForId: before.substituteForId,
							substituteId: before.substituteId
						}
					: null,
				after
			}
		});
	});
	publishMeetingChange(meetingId, 'attendance');
	return getAttendance(actor, meetingId);
}

/**
 * A substitute stands in for someone holding a voting seat on the body, from the substitute's own
 * organisation, who is not here in person and has no other substitute at this meeting.
 */
async function standsInFor(
	tx: Tx,
	meeting: { id: string; bodyId: string; startsAt: Date },
	substitute: { id: string; organisationId: string },
	substituteForId: string | null | undefined
): Promise<string> {
	const fail = (message: string) => new Invalid({ substituteForId: message });
	if (!substituteForId) throw fail('Choose the board member they stand in for');
	const seat = await tx.bodySeat.findFirst({
		where: {
			bodyId: meeting.bodyId,
			membershipId: substituteForId,
			role: { in: [...VOTING_SEATS] },
			OR: [{ endedAt: null }, { endedAt: { gt: meeting.startsAt } }]
		},
		select: {
			membership: { select: { organisationId: true, user: { select: { name: true } } } }
		}
	});
	if (!seat || substituteForId === substitute.id) {
		throw fail('Choose a member who holds a seat on this body');
	}
	if (seat.membership.organisationId !== substitute.organisationId) {
		throw fail('A substitute must come from the same organisation as the member they stand in for');
	}
	const name = seat.membership.user.name;
	const others = await tx.attendance.findMany({
		where: {
			meetingId: meeting.id,
			membershipId: { not: substitute.id },
			OR: [
				{ membershipId: substituteForId, status: 'PRESENT' },
				{ substituteForId, status: 'SUBSTITUTE_FOR' }
			]
		},
		select: { membershipId: true }
	});
	if (others.some((row) => row.membershipId === substituteForId)) {
		throw fail(`${name} is here in person`);
	}
	if (others.length) throw fail(`${name} already has a substitute at this meeting`);
	return substituteForId;
}

/** The colleague named with apologies: a member of the partnership from the same organisation. */
async function colleagueOf(
	tx: Tx,
	partnershipId: string,
	member: { id: string; organisationId: string },
	substituteId: string
): Promise<string> {
	const colleague = await tx.membership.findFirst({
		where: { id: substituteId, partnershipId },
		select: { organisationId: true }
	});
	if (!colleague || substituteId === member.id) {
		throw new Invalid({ substituteId: 'Choose a colleague from the same organisation' });
	}
	if (colleague.organisationId !== member.organisationId) {
		throw new Invalid({
			substituteId:
				'A substitute must come from the same organisation as the member sending apologies'
		});
	}
	return substituteId;
}

/** A seat holder and their substitute are never both counted: the substitute steps down first. */
async function notStoodInFor(tx: Tx, meetingId: string, member: { id: string; name: string }) {
	const standIn = await tx.attendance.findFirst({
		where: { meetingId, substituteForId: member.id, status: 'SUBSTITUTE_FOR' },
		select: { membership: { select: { user: { select: { name: true } } } } }
	});
	if (standIn) {
		throw new Invalid({
			status: `${standIn.membership.user.name} is recorded as substitute for ${member.name}; record the substitute differently first`
		});
	}
}

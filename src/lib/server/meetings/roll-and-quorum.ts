// The meeting's roll: who holds a seat on the body, who is at the meeting and in what capacity, whether
// the meeting is quorate, and who may take part in an item's decision. Attendance, decisions and the live
// view all read it from here, so they agree on who counts.
import type { Db, Tx } from '../platform/index.ts';
import { meetingBodyIds } from '../access/index.ts';
import {
	VOTING_SEATS,
	type AttendanceStatus,
	type DeclarationAction,
	type SeatRole,
	type Sector
} from '../../vocabulary.ts';

export interface RollEntry {
	membershipId: string;
	userId: string;
	name: string;
	title: string;
	organisationId: string;
	organisationName: string;
	sector: Sector;
	delegatedAuthority: boolean;
	/** Their seat on the body, if any (a substitute or an officer may have none). */
	seatRole: SeatRole | null;
	/** Null until someone records their attendance. */
	status: AttendanceStatus | null;
	substituteForId: string | null;
	substituteId: string | null;
	arrivedAt: Date | null;
	/** Counts towards the quorum and takes part in decisions: a voting seat, or standing in for one. */
	voting: boolean;
	/** The bodies holding the meeting whose quorum they count towards (one, except at a joint meeting). */
	votingFor: string[];
	/** Here now: present, or present as a substitute. */
	here: boolean;
}

export interface Quorum {
	/** How many voting members must be here; null when the body has no rule. */
	rule: number | null;
	present: number;
	met: boolean;
}

/** One body's quorum at a meeting (at a joint meeting, each holding body has its own). */
export interface BodyQuorum extends Quorum {
	bodyId: string;
	name: string;
	/** The body's voting seats. */
	seats: number;
}

type Reader = Db | Tx;
interface MeetingRef {
	id: string;
	bodyId: string;
	startsAt: Date;
	/** The holding bodies, when the caller has them already (the meeting's context does). */
	bodyIds?: string[];
}

/** The bodies holding the meeting: as given, or read. */
const holdingBodies = (reader: Reader, meeting: MeetingRef) =>
	meeting.bodyIds ?? meetingBodyIds(reader, meeting);

const isVotingSeat = (role: SeatRole | null) =>
	role !== null && (VOTING_SEATS as readonly string[]).includes(role);

/**
 * Everyone seated on the body (or on any body holding a joint meeting) at the meeting, and everyone else
 * recorded as attending, by name.
 */
export async function readRoll(reader: Reader, meeting: MeetingRef): Promise<RollEntry[]> {
	const bodyIds = await holdingBodies(reader, meeting);
	const [seats, attendance] = await Promise.all([
		reader.bodySeat.findMany({
			where: {
				bodyId: { in: bodyIds },
				OR: [{ endedAt: null }, { endedAt: { gt: meeting.startsAt } }]
			},
			select: { membershipId: true, role: true, bodyId: true },
			orderBy: { createdAt: 'asc' }
		}),
		reader.attendance.findMany({ where: { meetingId: meeting.id } })
	]);
	const seatOf = new Map<string, SeatRole>();
	// Which bodies each person holds a voting seat on, for each body's own quorum.
	const votingOn = new Map<string, Set<string>>();
	for (const seat of seats) {
		if (isVotingSeat(seat.role)) {
			const on = votingOn.get(seat.membershipId) ?? new Set<string>();
			votingOn.set(seat.membershipId, on.add(seat.bodyId));
		}
		const held = seatOf.get(seat.membershipId);
		// Someone with two seats counts by the one that lets them vote.
		if (!held || (!isVotingSeat(held) && isVotingSeat(seat.role))) {
			seatOf.set(seat.membershipId, seat.role);
		}
	}
	const attendanceOf = new Map(attendance.map((row) => [row.membershipId, row]));
	const ids = [...new Set([...seatOf.keys(), ...attendanceOf.keys()])];
	const people = await reader.membership.findMany({
		where: { id: { in: ids } },
		select: {
			id: true,
			userId: true,
			title: true,
			delegatedAuthority: true,
			user: { select: { name: true } },
			organisation: { select: { id: true, name: true, sector: true } }
		}
	});
	const entries = people.map((person): RollEntry => {
		const row = attendanceOf.get(person.id);
		const seatRole = seatOf.get(person.id) ?? null;
		const status = (row?.status ?? null) as AttendanceStatus | null;
		const standsInFor = row?.status === 'SUBSTITUTE_FOR' ? row.substituteForId : null;
		const votingFor = new Set([
			...(votingOn.get(person.id) ?? []),
			...((standsInFor && votingOn.get(standsInFor)) || [])
		]);
		return {
			membershipId: person.id,
			userId: person.userId,
			name: person.user.name,
			title: person.title,
			organisationId: person.organisation.id,
			organisationName: person.organisation.name,
			sector: person.organisation.sector as Sector,
			delegatedAuthority: person.delegatedAuthority,
			seatRole,
			status,
			substituteForId: standsInFor,
			substituteId: row?.status === 'APOLOGIES' ? row.substituteId : null,
			arrivedAt: row?.arrivedAt ?? null,
			voting:
				isVotingSeat(seatRole) ||
				(standsInFor !== null && isVotingSeat(seatOf.get(standsInFor) ?? null)),
			votingFor: bodyIds.filter((id) => votingFor.has(id)),
			here: status === 'PRESENT' || status === 'SUBSTITUTE_FOR'
		};
	});
	const seatOrder = (entry: RollEntry) =>
		entry.seatRole
			? ['CHAIR', 'VICE_CHAIR', 'MEMBER', 'SUBSTITUTE', 'ADVISER'].indexOf(entry.seatRole)
			: 9;
	return entries.sort(
		(a, b) =>
			seatOrder(a) - seatOrder(b) ||
			a.organisationName.localeCompare(b.organisationName) ||
			a.name.localeCompare(b.name)
	);
}

export function quorumOf(roll: RollEntry[], rule: number | null): Quorum {
	const present = roll.filter((entry) => entry.voting && entry.here).length;
	return { rule, present, met: rule === null || present >= rule };
}

/**
 * Each holding body's quorum, from its own seats: voting members of that body here now, against its own
 * rule. The bodies in the meeting's order (host first).
 */
export async function bodyQuorums(
	reader: Reader,
	meeting: MeetingRef,
	roll: RollEntry[]
): Promise<BodyQuorum[]> {
	const bodyIds = await holdingBodies(reader, meeting);
	const bodies = await reader.body.findMany({
		where: { id: { in: bodyIds } },
		select: { id: true, name: true, quorum: true }
	});
	return bodyIds.flatMap((id) => {
		const body = bodies.find((b) => b.id === id);
		if (!body) return [];
		const counted = roll.filter((e) => e.votingFor.includes(id));
		const seats = counted.filter((e) => e.status !== 'SUBSTITUTE_FOR' || isVotingSeat(e.seatRole));
		return [
			{
				bodyId: id,
				name: body.name,
				seats: seats.length,
				...quorumOf(
					counted.map((e) => ({ ...e, voting: true })),
					body.quorum
				)
			}
		];
	});
}

/**
 * The meeting's quorum and each holding body's. At a single-body meeting, exactly as quorumOf has it; at a
 * joint meeting, the meeting is quorate when every holding body is (present: the host body's).
 */
export async function meetingQuorum(
	reader: Reader,
	meeting: MeetingRef & { quorum: number | null; bodyName?: string },
	roll: RollEntry[]
): Promise<{ quorum: Quorum; bodies: BodyQuorum[] }> {
	// One body, whose name the caller has: its quorum is the meeting's, with nothing more to read.
	if (meeting.bodyIds?.length === 1 && meeting.bodyName !== undefined) {
		const quorum = quorumOf(roll, meeting.quorum);
		const seats = roll.filter(
			(e) => e.voting && (e.status !== 'SUBSTITUTE_FOR' || isVotingSeat(e.seatRole))
		).length;
		return {
			quorum,
			bodies: [{ bodyId: meeting.bodyId, name: meeting.bodyName, seats, ...quorum }]
		};
	}
	const bodies = await bodyQuorums(reader, meeting, roll);
	if (bodies.length < 2) return { quorum: quorumOf(roll, meeting.quorum), bodies };
	const host = bodies[0];
	return {
		quorum: { rule: host.rule, present: host.present, met: bodies.every((b) => b.met) },
		bodies
	};
}

/** Each member's current declaration on each item: the latest one they made. */
export async function currentDeclarations(
	reader: Reader,
	meetingId: string
): Promise<Map<string, { membershipId: string; agendaItemId: string; action: DeclarationAction }>> {
	const rows = await reader.declaration.findMany({
		where: { meetingId },
		select: { membershipId: true, agendaItemId: true, action: true },
		orderBy: [{ createdAt: 'asc' }, { id: 'asc' }]
	});
	const current = new Map<
		string,
		{ membershipId: string; agendaItemId: string; action: DeclarationAction }
	>();
	for (const row of rows) {
		current.set(
			`${row.agendaItemId}:${row.membershipId}`,
			row as typeof row & { action: DeclarationAction }
		);
	}
	return current;
}

/**
 * Who may take part in an item's decision: voting members here now, less those who declared an interest
 * and withdrew or took no part in the decision.
 */
export async function eligibleFor(
	reader: Reader,
	meeting: MeetingRef,
	agendaItemId: string,
	roll?: RollEntry[]
): Promise<RollEntry[]> {
	const entries = roll ?? (await readRoll(reader, meeting));
	const declarations = await currentDeclarations(reader, meeting.id);
	return entries.filter((entry) => {
		if (!entry.voting || !entry.here) return false;
		const declared = declarations.get(`${agendaItemId}:${entry.membershipId}`);
		return !declared || declared.action === 'REMAINED';
	});
}

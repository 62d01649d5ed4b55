// The measures computed from meetings' records: participation, scrutiny, evidence, time use and the
// forum's voice (the pure formulas are in src/lib/review/record-measures.ts). The record is read for many
// meetings at once, so a body's trends cost the same handful of queries as one meeting's review.
import type { z } from 'zod';
import { db } from '../platform/index.ts';
import {
	evidence,
	forumVoice,
	lateDaysOf,
	participation,
	scrutiny,
	timeUse,
	type ChallengeRecord,
	type DecisionRecord,
	type ItemChange,
	type MemberRecord,
	type PriorityRecord
} from '../../review/record-measures.ts';
import type {
	EvidenceView,
	ForumVoiceView,
	ParticipationView,
	ScrutinyView,
	TimeUseView
} from '../../review/views.ts';
import { VOTING_SEATS } from '../../vocabulary.ts';

export interface RecordMeasures {
	participation: z.infer<typeof ParticipationView>;
	scrutiny: z.infer<typeof ScrutinyView>;
	evidence: z.infer<typeof EvidenceView>;
	forumVoice: z.infer<typeof ForumVoiceView>;
	timeUse: z.infer<typeof TimeUseView>;
}

export interface MeetingRef {
	id: string;
	bodyId: string;
	startsAt: Date;
	agendaIssuedAt: Date | null;
	closedAt: Date | null;
}

/** The audit actions that move the meeting's current item (meetings/scheduling.ts, minutes/minutes.ts). */
const ITEM_TRAIL = ['meeting_started', 'current_item_set', 'closed'];

const group = <T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> => {
	const map = new Map<K, T[]>();
	for (const row of rows) {
		const list = map.get(key(row));
		if (list) list.push(row);
		else map.set(key(row), [row]);
	}
	return map;
};

function detailOf(value: unknown): Record<string, unknown> {
	return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

const votingFirst = (role: string) => ((VOTING_SEATS as readonly string[]).includes(role) ? 0 : 1);

/** The measures of each meeting's record, read together: a dozen queries however many meetings. */
export async function recordMeasures(
	meetings: readonly MeetingRef[]
): Promise<Map<string, RecordMeasures>> {
	if (!meetings.length) return new Map();
	const meetingIds = meetings.map((m) => m.id);
	const inMeetings = { meetingId: { in: meetingIds } };
	const [seats, attendance, turns, items, challenges, decisions, papers, trail] = await Promise.all(
		[
			db().bodySeat.findMany({
				where: { bodyId: { in: [...new Set(meetings.map((m) => m.bodyId))] } },
				select: { bodyId: true, membershipId: true, role: true, endedAt: true }
			}),
			db().attendance.findMany({
				where: inMeetings,
				select: { meetingId: true, membershipId: true, status: true }
			}),
			db().contribution.findMany({
				where: { ...inMeetings, startedAt: { not: null }, cancelledAt: null },
				select: {
					meetingId: true,
					membershipId: true,
					agendaItemId: true,
					startedAt: true,
					endedAt: true,
					cancelledAt: true
				}
			}),
			db().agendaItem.findMany({
				where: inMeetings,
				select: {
					id: true,
					meetingId: true,
					title: true,
					purpose: true,
					minutes: true,
					withdrawn: true
				},
				orderBy: [{ order: 'asc' }, { id: 'asc' }]
			}),
			db().challenge.findMany({
				where: inMeetings,
				select: {
					meetingId: true,
					agendaItemId: true,
					raisedByMembershipId: true,
					directedToOrganisationId: true,
					directedToMembershipId: true,
					responses: {
						select: { status: true, effect: true },
						orderBy: [{ createdAt: 'asc' }, { id: 'asc' }]
					}
				},
				orderBy: [{ createdAt: 'asc' }, { id: 'asc' }]
			}),
			db().decision.findMany({
				where: inMeetings,
				select: {
					id: true,
					meetingId: true,
					agendaItemId: true,
					versions: {
						select: { alternatives: true, evidence: { select: { evidenceItemId: true } } },
						orderBy: { version: 'desc' },
						take: 1
					}
				},
				orderBy: [{ createdAt: 'asc' }, { id: 'asc' }]
			}),
			db().evidenceItem.findMany({
				where: inMeetings,
				select: { id: true, meetingId: true, kind: true, late: true, withdrawn: true }
			}),
			db().auditEvent.findMany({
				where: { entity: 'Meeting', entityId: { in: meetingIds }, action: { in: ITEM_TRAIL } },
				select: { entityId: true, action: true, at: true, detail: true },
				orderBy: [{ at: 'asc' }, { id: 'asc' }]
			})
		]
	);
	const recorded = decisions.filter((d) => d.versions.length);
	const decisionIds = recorded.map((d) => d.id);
	const membershipIds = new Set([
		...seats.map((s) => s.membershipId),
		...attendance.map((a) => a.membershipId),
		...turns.map((t) => t.membershipId),
		...challenges.flatMap((c) => [c.raisedByMembershipId, c.directedToMembershipId ?? []]).flat()
	]);
	const [people, organisations, priorities] = await Promise.all([
		db().membership.findMany({
			where: { id: { in: [...membershipIds] } },
			select: {
				id: true,
				standing: true,
				organisation: { select: { id: true, name: true, sector: true } }
			}
		}),
		db().organisation.findMany({
			where: {
				id: { in: [...new Set(challenges.flatMap((c) => c.directedToOrganisationId ?? []))] }
			},
			select: { id: true, sector: true }
		}),
		prioritiesDecidedBy(decisionIds)
	]);
	const organisationOf = new Map(people.map((p) => [p.id, p.organisation]));
	const standingOf = new Map(people.map((p) => [p.id, p.standing as string]));
	const sectorOfOrganisation = new Map(organisations.map((o) => [o.id, o.sector as string]));
	const paperKind = new Map(papers.map((p) => [p.id, p.kind as string | null]));
	const seatsOf = group(seats, (s) => s.bodyId);
	const attendanceOf = group(attendance, (a) => a.meetingId);
	const turnsOf = group(turns, (t) => t.meetingId);
	const itemsOf = group(items, (i) => i.meetingId);
	const challengesOf = group(challenges, (c) => c.meetingId);
	const decisionsOf = group(recorded, (d) => d.meetingId);
	const papersOf = group(papers, (p) => p.meetingId);
	const trailOf = group(trail, (e) => e.entityId);

	const result = new Map<string, RecordMeasures>();
	for (const meeting of meetings) {
		const meetingTurns = turnsOf.get(meeting.id) ?? [];
		const members = membersAt(
			meeting,
			seatsOf.get(meeting.bodyId) ?? [],
			attendanceOf.get(meeting.id) ?? [],
			meetingTurns.map((t) => t.membershipId),
			organisationOf,
			standingOf
		);
		const meetingItems = itemsOf.get(meeting.id) ?? [];
		const meetingDecisions: DecisionRecord[] = (decisionsOf.get(meeting.id) ?? []).map((d) => ({
			id: d.id,
			agendaItemId: d.agendaItemId,
			alternatives: d.versions[0].alternatives,
			cited: d.versions[0].evidence.map((e) => ({
				evidenceItemId: e.evidenceItemId,
				kind: paperKind.get(e.evidenceItemId) ?? null
			}))
		}));
		const sectorOfMember = (id: string | null) =>
			id ? ((organisationOf.get(id)?.sector as string | undefined) ?? null) : null;
		const meetingChallenges: ChallengeRecord[] = (challengesOf.get(meeting.id) ?? []).map((c) => ({
			agendaItemId: c.agendaItemId,
			challengerSector: sectorOfMember(c.raisedByMembershipId) ?? 'OTHER',
			challengerId: c.raisedByMembershipId,
			challengedId: c.directedToMembershipId,
			challengedSector:
				(c.directedToOrganisationId
					? sectorOfOrganisation.get(c.directedToOrganisationId)
					: undefined) ?? sectorOfMember(c.directedToMembershipId),
			responses: c.responses
		}));
		result.set(meeting.id, {
			participation: participation(members, meetingTurns),
			scrutiny: scrutiny(meetingItems, meetingDecisions, meetingChallenges),
			evidence: evidence(
				meetingDecisions,
				papersOf.get(meeting.id) ?? [],
				lateDaysOf(meeting.startsAt, meeting.agendaIssuedAt)
			),
			forumVoice: forumVoice(
				meetingDecisions.map((d) => d.id),
				priorities
			),
			timeUse: timeUse(
				meetingItems,
				itemTrail(meeting, trailOf.get(meeting.id) ?? []),
				meetingTurns
			)
		});
	}
	return result;
}

/**
 * Everyone who counts at the meeting: seat holders then (meetings/roll-and-quorum.ts: seats not ended before it started, the
 * voting seat where someone has two), everyone with an attendance record, and anyone who spoke.
 */
function membersAt(
	meeting: MeetingRef,
	seats: { membershipId: string; role: string; endedAt: Date | null }[],
	attendance: { membershipId: string; status: string }[],
	speakers: string[],
	organisationOf: Map<string, { id: string; name: string; sector: string }>,
	standingOf: Map<string, string>
): MemberRecord[] {
	const seatOf = new Map<string, string>();
	for (const s of seats) {
		if (s.endedAt && s.endedAt <= meeting.startsAt) continue;
		const held = seatOf.get(s.membershipId);
		if (!held || votingFirst(s.role) < votingFirst(held)) seatOf.set(s.membershipId, s.role);
	}
	const statusOf = new Map(attendance.map((a) => [a.membershipId, a.status]));
	const ids = new Set([...seatOf.keys(), ...statusOf.keys(), ...speakers]);
	return [...ids].flatMap((id) => {
		const organisation = organisationOf.get(id);
		if (!organisation) return [];
		return [
			{
				membershipId: id,
				organisationId: organisation.id,
				organisation: organisation.name,
				sector: organisation.sector,
				seatRole: seatOf.get(id) ?? null,
				attendance: statusOf.get(id) ?? null,
				standing: standingOf.get(id) ?? 'OTHER'
			}
		];
	});
}

/** When each item became current, from the audit trail, ending at the close. */
function itemTrail(
	meeting: MeetingRef,
	events: { action: string; at: Date; detail: unknown }[]
): ItemChange[] {
	const changes: ItemChange[] = [];
	for (const e of events) {
		const detail = detailOf(e.detail);
		const item =
			e.action === 'meeting_started'
				? detail.currentItemId
				: e.action === 'current_item_set'
					? detail.after
					: null;
		changes.push({ at: e.at, agendaItemId: typeof item === 'string' ? item : null });
	}
	if (changes.length && !events.some((e) => e.action === 'closed') && meeting.closedAt)
		changes.push({ at: meeting.closedAt, agendaItemId: null });
	return changes.some((c) => c.agendaItemId) ? changes : [];
}

/** The priorities some of these decisions answered, with their RAISED, ACCEPTED and DECIDED events. */
async function prioritiesDecidedBy(decisionIds: string[]): Promise<PriorityRecord[]> {
	if (!decisionIds.length) return [];
	const rows = await db().priority.findMany({
		where: { events: { some: { type: 'DECIDED', decisionId: { in: decisionIds } } } },
		select: {
			id: true,
			title: true,
			raisedByBodyId: true,
			events: {
				where: { type: { in: ['RAISED', 'ACCEPTED', 'DECIDED'] } },
				select: {
					type: true,
					at: true,
					decisionId: true,
					influenceDeclared: true,
					influenceAchieved: true,
					hearBackBy: true
				}
			},
			feedback: { where: { status: 'PUBLISHED' }, select: { decisionId: true } }
		}
	});
	const forums = await db().body.findMany({
		where: { id: { in: [...new Set(rows.map((r) => r.raisedByBodyId))] } },
		select: { id: true, name: true }
	});
	const forumName = new Map(forums.map((f) => [f.id, f.name]));
	return rows.map((r) => ({
		priorityId: r.id,
		title: r.title,
		forum: forumName.get(r.raisedByBodyId) ?? '',
		events: r.events.map((e) => ({
			...e,
			hearBackBy: e.hearBackBy?.toISOString().slice(0, 10) ?? null
		})),
		publishedFor: r.feedback.flatMap((f) => f.decisionId ?? [])
	}));
}

/** Who published: a user id, as the record's other "…ById" fields are; a membership id is named too. */

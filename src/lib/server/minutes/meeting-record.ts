// Reads what a meeting recorded, by name, from the tables: attendance, declarations, turns, challenges and
// responses, decisions with every version, actions. The minutes are drafted from this (minutes/draft.ts).
// Papers are named for the reader the record is read for: the minutes document is read by every member and
// its approved text is published, so closing a meeting reads it for SHARED (access/restricted-material.ts).
import type { Db, Tx } from '../platform/index.ts';
import type { MeetingRecord, Person, RecordItem } from './draft.ts';
import { PAPER_ACCESS, paperTitleFor, quoteFor, type Reader } from '../access/index.ts';
import { readRoll } from '../meetings/index.ts';
import { heldBy, JOINT_BODY_NAMES, jointNames } from '../../joint-names.ts';
import type {
	ActionStatus,
	ChallengeKind,
	ContributionType,
	DecisionEffect,
	DecisionMethod,
	DecisionOutcome,
	DeclarationAction,
	ResponseStatus
} from '../../vocabulary.ts';

const NOBODY: Person = { name: 'Someone no longer recorded', organisation: '' };

export async function readMeetingRecord(
	reader: Db | Tx,
	meetingId: string,
	/** Who the record is read for; papers and quotes from them are named as this reader may see them. */
	readFor: Reader
): Promise<MeetingRecord> {
	const meeting = await reader.meeting.findUniqueOrThrow({
		where: { id: meetingId },
		select: {
			id: true,
			bodyId: true,
			partnershipId: true,
			title: true,
			startsAt: true,
			place: true,
			onlineLink: true,
			body: { select: { name: true } },
			jointBodies: JOINT_BODY_NAMES
		}
	});
	const [memberships, organisations, items, roll] = await Promise.all([
		reader.membership.findMany({
			where: { partnershipId: meeting.partnershipId },
			select: {
				id: true,
				user: { select: { name: true } },
				organisation: { select: { name: true } }
			}
		}),
		reader.organisation.findMany({
			where: { partnershipId: meeting.partnershipId },
			select: { id: true, name: true }
		}),
		reader.agendaItem.findMany({
			where: { meetingId, withdrawn: false },
			orderBy: [{ order: 'asc' }, { id: 'asc' }]
		}),
		readRoll(reader, meeting)
	]);
	const people = new Map(
		memberships.map((m) => [m.id, { name: m.user.name, organisation: m.organisation.name }])
	);
	const person = (id: string | null | undefined): Person => (id && people.get(id)) || NOBODY;
	const organisation = new Map(organisations.map((o) => [o.id, o.name]));

	const attendance: MeetingRecord['attendance'] = {
		present: [],
		substitutes: [],
		apologies: [],
		absent: []
	};
	for (const entry of roll) {
		const p = { name: entry.name, organisation: entry.organisationName };
		if (entry.status === 'PRESENT') attendance.present.push(p);
		else if (entry.status === 'SUBSTITUTE_FOR')
			attendance.substitutes.push({
				person: p,
				for: entry.substituteForId ? person(entry.substituteForId) : null
			});
		else if (entry.status === 'APOLOGIES')
			attendance.apologies.push({
				person: p,
				substitute: entry.substituteId ? person(entry.substituteId) : null
			});
		// Seat holders nobody recorded count as absent in the minutes.
		else if (entry.seatRole !== null || entry.status === 'ABSENT') attendance.absent.push(p);
	}

	const itemIds = items.map((i) => i.id);
	const [declarations, contributions, challenges, decisions, evidence] = await Promise.all([
		reader.declaration.findMany({
			where: { meetingId },
			orderBy: [{ createdAt: 'asc' }, { id: 'asc' }]
		}),
		reader.contribution.findMany({
			where: { meetingId, startedAt: { not: null } },
			orderBy: [{ startedAt: 'asc' }, { id: 'asc' }]
		}),
		reader.challenge.findMany({
			where: { meetingId },
			include: { responses: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] } },
			orderBy: [{ createdAt: 'asc' }, { id: 'asc' }]
		}),
		reader.decision.findMany({
			where: { meetingId, agendaItemId: { in: itemIds } },
			include: {
				versions: {
					include: { dissent: true, evidence: true, commitments: true },
					orderBy: { version: 'asc' }
				},
				actions: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
				takenBy: { orderBy: { createdAt: 'asc' } }
			}
		}),
		reader.evidenceItem.findMany({
			where: { meetingId },
			select: { id: true, title: true, ...PAPER_ACCESS }
		})
	]);
	const paperRow = new Map(evidence.map((e) => [e.id, e]));
	// At a joint meeting, the names of the bodies that took each decision.
	const takenIds = decisions.flatMap((d) => d.takenBy.map((t) => t.bodyId));
	const bodyName = new Map(
		takenIds.length
			? (
					await reader.body.findMany({
						where: { id: { in: takenIds } },
						select: { id: true, name: true }
					})
				).map((b) => [b.id, b.name])
			: []
	);
	const paper = new Map(
		evidence.map((e) => [
			e.id,
			paperTitleFor(readFor, { ...e, title: e.title || 'Untitled paper' })
		])
	);

	// A later declaration by the same member on the same item supersedes the earlier one.
	const latestDeclaration = new Map<string, (typeof declarations)[number]>();
	for (const d of declarations) latestDeclaration.set(`${d.agendaItemId}:${d.membershipId}`, d);

	return {
		meeting: {
			title: meeting.title,
			body: heldBy(meeting.body.name, jointNames(meeting.jointBodies)),
			startsAt: meeting.startsAt,
			place: meeting.place,
			onlineLink: meeting.onlineLink
		},
		attendance,
		items: items.map((item): RecordItem => {
			const decision = decisions.find((d) => d.agendaItemId === item.id);
			return {
				order: item.order,
				title: item.title,
				purpose: item.purpose,
				private: item.private,
				declarations: [...latestDeclaration.values()]
					.filter((d) => d.agendaItemId === item.id)
					.map((d) => ({
						person: person(d.membershipId),
						nature: d.nature,
						action: d.action as DeclarationAction
					})),
				contributions: contributions
					.filter((c) => c.agendaItemId === item.id)
					.map((c) => ({
						person: person(c.membershipId),
						type: c.type as ContributionType,
						summary: c.summary.trim()
					})),
				challenges: challenges
					.filter((c) => c.agendaItemId === item.id)
					.map((c) => ({
						raisedBy: person(c.raisedByMembershipId),
						directedTo: c.directedToMembershipId
							? who(person(c.directedToMembershipId))
							: c.directedToOrganisationId
								? (organisation.get(c.directedToOrganisationId) ?? null)
								: null,
						kind: c.kind as ChallengeKind,
						evidence: c.evidenceItemId ? (paper.get(c.evidenceItemId) ?? null) : null,
						quote: quoteFor(
							readFor,
							c.evidenceItemId ? paperRow.get(c.evidenceItemId) : null,
							c.quote
						),
						text: c.text,
						responses: c.responses.map((r) => ({
							by: r.respondedByMembershipId ? person(r.respondedByMembershipId) : null,
							text: r.text,
							status: r.status as ResponseStatus,
							effect: r.effect as DecisionEffect
						}))
					})),
				takenBy: (decision?.takenBy ?? []).map((t) => bodyName.get(t.bodyId) ?? ''),
				decision: (decision?.versions ?? []).map((v) => ({
					version: v.version,
					outcome: v.outcome as DecisionOutcome,
					method: v.method as DecisionMethod,
					votes:
						v.method === 'VOTE'
							? {
									for: v.votesFor ?? 0,
									against: v.votesAgainst ?? 0,
									abstained: v.votesAbstained ?? 0
								}
							: null,
					wording: v.wording,
					alternatives: v.alternatives,
					dissent: v.dissent.map((d) => ({ person: person(d.membershipId), reason: d.reason })),
					evidence: v.evidence.map(
						(e) => paper.get(e.evidenceItemId) ?? 'A paper no longer listed'
					),
					commitments: v.commitments.map((c) => ({
						organisation: organisation.get(c.organisationId) ?? 'an organisation',
						person: c.membershipId ? person(c.membershipId).name : null,
						text: c.text,
						withAuthority: c.withAuthority
					})),
					subjectToRatificationBy: [
						...new Set(
							v.commitments
								.filter((c) => !c.withAuthority)
								.map((c) => organisation.get(c.organisationId) ?? 'an organisation')
						)
					],
					hash: v.hash,
					recordedAt: v.recordedAt
				})),
				actions: (decision?.actions ?? []).map((a) => ({
					text: a.text,
					owner: organisation.get(a.ownerOrganisationId) ?? 'an organisation',
					person: a.ownerMembershipId ? person(a.ownerMembershipId).name : null,
					dueOn: a.dueOn,
					status: a.status as ActionStatus
				}))
			};
		})
	};
}

function who(p: Person): string {
	return p.organisation ? `${p.name} (${p.organisation})` : p.name;
}

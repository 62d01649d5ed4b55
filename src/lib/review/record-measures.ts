// The review's measures computed from a meeting's record (DESIGN §6): participation, scrutiny, evidence,
// forum voice and time use. Plain functions over plain inputs, separately tested against hand-worked
// fixtures (tests/unit/review-measures.test.ts); src/lib/server/review/measures.ts reads the record and calls them.
//
// The definitions, one place:
// Participation
// - Seats: the people holding a voting seat (VOTING_SEATS: chair, vice-chair, member) on the body at the
//   meeting (meetings/roll-and-quorum.ts: seats not ended before it started), counted for their organisation. Advisers and
//   substitutes' seats are not seats here.
// - Present: attendance PRESENT or SUBSTITUTE_FOR. A substitute comes from the same organisation as the seat
//   holder (meetings/attendance.ts) and speaks for their own organisation, so is counted there.
// - Turns: contributions started and not cancelled, credited to the speaker's own organisation. Seconds:
//   ended − started (a turn still open has none; closing the meeting ends every open turn).
// - Shares: each organisation's (sector's) part of all seats, all turns, all seconds at the meeting.
// - Gini of speaking seconds over the members present, each silent member counting 0. Anyone who spoke
//   without being recorded present is counted too (they were evidently there). Null when nobody is counted
//   or nobody spoke.
// - Silent members: members present with no turn.
// - People: in each group, the members who took part (recorded present, or spoke); seat holders who were
//   absent and silent are not among them. Groups are disjoint (a member has one organisation).
// - Community and third sector: organisations of sector COMMUNITY, and of sector THIRD_SECTOR, each counted
//   apart: the officials' survey found a strong third sector presence at boards beside weaker community
//   representation, which one figure for both would hide.
// Scrutiny
// - Decision items: items (not withdrawn) whose purpose is DECISION or on which a decision was recorded.
//   Challenges per decision item: the challenges raised on those items ÷ their number.
// - Answered: the challenge's latest response is ANSWERED, PARTLY or ACTION_AGREED (a partial answer is an
//   answer the record can point to; UNRESOLVED, WITHDRAWN and no response are not). Share of all
//   challenges raised.
// - Changed a decision: any response recorded the effect AMENDED or DEFERRED (a deferral because of the
//   challenge changes what was decided that day as much as an amendment). Share of all challenges raised.
// - Who challenged whom: rows the challenger's sector, columns the sector challenged: the organisation the
//   challenge was put to, else the organisation of the member it was put to. Challenges put to nobody in
//   particular are counted apart by the challenger's sector. Sectors are those appearing on either side,
//   in the order of SECTORS.
//   The people behind each sector: those of it who raised a challenge, and the members of it one was put to
//   (a challenge put to an organisation names no person).
// - Unchallenged: decisions whose item had no challenge and whose latest version records no alternatives.
// Evidence
// - Decisions: those with a recorded version; citing evidence: their latest version cites a paper. Kinds:
//   each distinct paper cited, by its kind (UNSPECIFIED when the paper has none).
// - Papers: the pack's papers not withdrawn. Late: the existing flag (meetings/evidence.ts: added after the agenda
//   was issued). lateDays expresses that as days: whole days from the agenda's issue to the meeting's start,
//   so "fewer than lateDays days before the meeting" (0 when the agenda was never issued).
// Forum voice
// - A decision answers a forum priority when a DECIDED event of a priority names it. For each such
//   priority: raised at its first RAISED event, decided at its first DECIDED event naming one of this
//   meeting's decisions, days between them in whole days (as the trace's time to decision). Response
//   published: a PUBLISHED "we asked, you said, we did" on the priority for one of those decisions.
// Time use
// - Minutes used per item from the audit trail of the current item: the meeting's start (at its first item),
//   each change of current item, and its close; each item is credited the time from becoming current to the
//   next change. A record with no such trail (arranged by hand) falls back to the minutes spoken on each
//   item (`basis` says which).
// - By purpose: minutes allotted (the agenda's, blank as 0) and used, for the purposes on the agenda.
//   Talking-shop indicator: the share of the minutes used that went on INFORMATION items; decisionShare the
//   share on DECISION items.
import { z } from 'zod';
import { gini, median, share } from './measures.ts';
import type {
	EvidenceView,
	ForumVoiceView,
	ParticipationView,
	ScrutinyView,
	TimeUseView,
	TrendAverages,
	TrendPoint
} from './views.ts';
import { ITEM_PURPOSES, SECTORS, VOTING_SEATS, type InfluenceLevel } from '../vocabulary.ts';
import { influenceGap, influenceWords, promiseOf } from '../influence.ts';

const DAY_MS = 86_400_000;
const ANSWERED = ['ANSWERED', 'PARTLY', 'ACTION_AGREED'];
const CHANGED = ['AMENDED', 'DEFERRED'];

const sectorOrder = (sector: string) => {
	const i = Object.keys(SECTORS).indexOf(sector);
	return i < 0 ? Infinity : i;
};
const bySector = (a: string, b: string) => sectorOrder(a) - sectorOrder(b) || a.localeCompare(b);

/** Someone on the roll (seated or recorded as attending) or who spoke. */
export interface MemberRecord {
	membershipId: string;
	organisationId: string;
	organisation: string;
	sector: string;
	/** Their seat on the body at the meeting, if any. */
	seatRole: string | null;
	/** Attendance status, if recorded. */
	attendance: string | null;
	/** ELECTED_MEMBER, OFFICER, COMMUNITY_REPRESENTATIVE or OTHER (the default when not given). */
	standing?: string;
}

export interface TurnRecord {
	membershipId: string;
	agendaItemId: string;
	startedAt: Date | null;
	endedAt: Date | null;
	cancelledAt: Date | null;
}

export interface ItemRecord {
	id: string;
	title: string;
	purpose: string;
	minutes: number | null;
	withdrawn?: boolean;
}

export interface ChallengeRecord {
	agendaItemId: string;
	challengerSector: string;
	/** The sector of the organisation (or member) it was put to; null when put to nobody in particular. */
	challengedSector: string | null;
	/** Who raised it, and the member it was put to (if put to a member): the people behind the matrix. */
	challengerId?: string | null;
	challengedId?: string | null;
	/** Responses oldest first. */
	responses: { status: string; effect: string }[];
}

export interface DecisionRecord {
	id: string;
	agendaItemId: string;
	/** The latest version's alternatives and the papers it cites. */
	alternatives: string;
	cited: { evidenceItemId: string; kind: string | null }[];
}

export interface PaperRecord {
	late: boolean;
	withdrawn?: boolean;
}

export interface PriorityRecord {
	priorityId: string;
	title: string;
	forum: string;
	/**
	 * Its events, any order: RAISED, ACCEPTED (with the influence promised and the hear-back-by day) and
	 * DECIDED (with the influence achieved; on records made before the promise moved to the acceptance, the
	 * level declared with it too).
	 */
	events: {
		type: string;
		at: Date;
		decisionId: string | null;
		influenceDeclared?: InfluenceLevel | null;
		influenceAchieved?: InfluenceLevel | null;
		hearBackBy?: string | null;
	}[];
	/** Decisions of any meeting on which a response was published to the forum. */
	publishedFor: string[];
}

/** A change of current item from the audit trail: the item current from `at`, or null once closed. */
export interface ItemChange {
	at: Date;
	agendaItemId: string | null;
}

const isVoting = (seatRole: string | null) =>
	seatRole !== null && (VOTING_SEATS as readonly string[]).includes(seatRole);
const isPresent = (attendance: string | null) =>
	attendance === 'PRESENT' || attendance === 'SUBSTITUTE_FOR';

/** Turns that were taken: started and not cancelled. */
export function takenTurns<T extends TurnRecord>(turns: readonly T[]): T[] {
	return turns.filter((t) => t.startedAt !== null && t.cancelledAt === null);
}

export function turnSeconds(turn: TurnRecord): number {
	if (!turn.startedAt || !turn.endedAt) return 0;
	return Math.max(0, (turn.endedAt.getTime() - turn.startedAt.getTime()) / 1000);
}

type Counts = { people: number; seats: number; present: number; turns: number; seconds: number };
const zero = (): Counts => ({ people: 0, seats: 0, present: 0, turns: 0, seconds: 0 });

export function participation(
	members: readonly MemberRecord[],
	turns: readonly TurnRecord[]
): z.infer<typeof ParticipationView> {
	const memberOf = new Map(members.map((m) => [m.membershipId, m]));
	const taken = takenTurns(turns).filter((t) => memberOf.has(t.membershipId));
	const spoken = new Map<string, { turns: number; seconds: number }>();
	for (const turn of taken) {
		const s = spoken.get(turn.membershipId) ?? { turns: 0, seconds: 0 };
		s.turns++;
		s.seconds += turnSeconds(turn);
		spoken.set(turn.membershipId, s);
	}
	const organisations = new Map<
		string,
		Counts & { organisationId: string; organisation: string; sector: string }
	>();
	for (const m of members) {
		const org = organisations.get(m.organisationId) ?? {
			organisationId: m.organisationId,
			organisation: m.organisation,
			sector: m.sector,
			...zero()
		};
		if (isVoting(m.seatRole)) org.seats++;
		if (isPresent(m.attendance)) org.present++;
		const s = spoken.get(m.membershipId);
		if (isPresent(m.attendance) || s) org.people++;
		if (s) {
			org.turns += s.turns;
			org.seconds += s.seconds;
		}
		organisations.set(m.organisationId, org);
	}
	const rows = [...organisations.values()].filter(
		(o) => o.seats || o.present || o.turns || o.seconds
	);
	const total = rows.reduce(
		(t, o) => ({
			people: t.people + o.people,
			seats: t.seats + o.seats,
			present: t.present + o.present,
			turns: t.turns + o.turns,
			seconds: t.seconds + o.seconds
		}),
		zero()
	);
	const shares = (c: Counts) => ({
		...c,
		seatShare: share(c.seats, total.seats),
		turnShare: share(c.turns, total.turns),
		timeShare: share(c.seconds, total.seconds)
	});
	const sectors = new Map<string, Counts>();
	for (const o of rows) {
		const s = sectors.get(o.sector) ?? zero();
		s.people += o.people;
		s.seats += o.seats;
		s.present += o.present;
		s.turns += o.turns;
		s.seconds += o.seconds;
		sectors.set(o.sector, s);
	}
	const ofSector = (sector: string) => {
		const { seatShare, turnShare, timeShare } = shares(sectors.get(sector) ?? zero());
		return { seatShare, turnShare, timeShare };
	};
	const standingOf = (m: MemberRecord) => m.standing ?? 'OTHER';
	const byStanding = tally(members, spoken, standingOf);
	const byOrganisationAndStanding = tally(
		members,
		spoken,
		(m) => `${m.organisationId}\n${standingOf(m)}`
	);
	const counted = members.filter((m) => isPresent(m.attendance) || spoken.has(m.membershipId));
	const present = members.filter((m) => isPresent(m.attendance));
	return {
		byOrganisation: rows
			.sort((a, b) => bySector(a.sector, b.sector) || a.organisation.localeCompare(b.organisation))
			.map((o) => ({
				organisationId: o.organisationId,
				organisation: o.organisation,
				sector: o.sector,
				...shares(o)
			})),
		bySector: [...sectors.entries()]
			.sort(([a], [b]) => bySector(a, b))
			.map(([sector, counts]) => ({ sector, ...shares(counts) })),
		byStanding: STANDING_ORDER.flatMap((standing) => {
			const counts = byStanding.get(standing);
			return counts ? [{ standing, ...shares(counts) }] : [];
		}),
		byOrganisationAndStanding: rows.flatMap((o) =>
			STANDING_ORDER.flatMap((standing) => {
				const counts = byOrganisationAndStanding.get(`${o.organisationId}\n${standing}`);
				return counts
					? [
							{
								organisationId: o.organisationId,
								organisation: o.organisation,
								standing,
								...shares(counts)
							}
						]
					: [];
			})
		),
		gini: gini(counted.map((m) => spoken.get(m.membershipId)?.seconds ?? 0)),
		membersPresent: present.length,
		silentMembers: present.filter((m) => !spoken.has(m.membershipId)).length,
		community: ofSector('COMMUNITY'),
		thirdSector: ofSector('THIRD_SECTOR')
	};
}

/** Elected members first, so they stand beside their own partner's officers. */
const STANDING_ORDER = ['ELECTED_MEMBER', 'OFFICER', 'COMMUNITY_REPRESENTATIVE', 'OTHER'];

/** Seats, presence, turns and time summed per group of members (`keyOf`), leaving out groups with none. */
function tally(
	members: readonly MemberRecord[],
	spoken: Map<string, { turns: number; seconds: number }>,
	keyOf: (m: MemberRecord) => string
): Map<string, Counts> {
	const groups = new Map<string, Counts>();
	for (const m of members) {
		const c = groups.get(keyOf(m)) ?? zero();
		if (isVoting(m.seatRole)) c.seats++;
		if (isPresent(m.attendance)) c.present++;
		const s = spoken.get(m.membershipId);
		if (isPresent(m.attendance) || s) c.people++;
		if (s) {
			c.turns += s.turns;
			c.seconds += s.seconds;
		}
		groups.set(keyOf(m), c);
	}
	for (const [key, c] of groups)
		if (!(c.seats || c.present || c.turns || c.seconds)) groups.delete(key);
	return groups;
}

const latest = <T>(list: readonly T[]): T | undefined => list[list.length - 1];

export const isAnswered = (c: ChallengeRecord) =>
	ANSWERED.includes(latest(c.responses)?.status ?? '');
export const changedDecision = (c: ChallengeRecord) =>
	c.responses.some((r) => CHANGED.includes(r.effect));

export function scrutiny(
	items: readonly ItemRecord[],
	decisions: readonly DecisionRecord[],
	challenges: readonly ChallengeRecord[]
): z.infer<typeof ScrutinyView> {
	const decided = new Set(decisions.map((d) => d.agendaItemId));
	const listed = items.filter(
		(i) => !i.withdrawn || challenges.some((c) => c.agendaItemId === i.id)
	);
	const decisionItems = new Set(
		listed.filter((i) => i.purpose === 'DECISION' || decided.has(i.id)).map((i) => i.id)
	);
	const onItem = new Map<string, number>();
	for (const c of challenges) onItem.set(c.agendaItemId, (onItem.get(c.agendaItemId) ?? 0) + 1);
	const onDecisionItems = challenges.filter((c) => decisionItems.has(c.agendaItemId)).length;
	const answered = challenges.filter(isAnswered).length;
	const changed = challenges.filter(changedDecision).length;
	const sectors = [
		...new Set(challenges.flatMap((c) => [c.challengerSector, c.challengedSector ?? []]).flat())
	].sort(bySector);
	const index = new Map(sectors.map((s, i) => [s, i]));
	const counts = sectors.map(() => sectors.map(() => 0));
	const undirected = sectors.map(() => 0);
	const people = sectors.map(() => new Set<string>());
	for (const c of challenges) {
		const row = index.get(c.challengerSector)!;
		if (c.challengerId) people[row].add(c.challengerId);
		if (c.challengedId && c.challengedSector !== null)
			people[index.get(c.challengedSector)!].add(c.challengedId);
		if (c.challengedSector === null) undirected[row]++;
		else counts[row][index.get(c.challengedSector)!]++;
	}
	const itemOf = new Map(items.map((i) => [i.id, i]));
	return {
		decisionItems: decisionItems.size,
		challenges: challenges.length,
		challengesPerDecisionItem: decisionItems.size ? onDecisionItems / decisionItems.size : null,
		answered,
		answeredShare: share(answered, challenges.length),
		changedDecision: changed,
		changedDecisionShare: share(changed, challenges.length),
		byItem: listed.map((i) => ({
			agendaItemId: i.id,
			title: i.title,
			purpose: i.purpose,
			challenges: onItem.get(i.id) ?? 0
		})),
		matrix: { sectors, counts, undirected, people: people.map((p) => p.size) },
		unchallenged: decisions
			.filter((d) => !onItem.has(d.agendaItemId) && d.alternatives.trim() === '')
			.map((d) => ({
				decisionId: d.id,
				agendaItemId: d.agendaItemId,
				title: itemOf.get(d.agendaItemId)?.title ?? ''
			}))
	};
}

/** Whole days from the agenda's issue to the meeting: what "late" (added after issue) means in days. */
export function lateDaysOf(startsAt: Date, agendaIssuedAt: Date | null): number {
	if (!agendaIssuedAt) return 0;
	return Math.max(0, Math.floor((startsAt.getTime() - agendaIssuedAt.getTime()) / DAY_MS));
}

export function evidence(
	decisions: readonly DecisionRecord[],
	papers: readonly PaperRecord[],
	lateDays: number
): z.infer<typeof EvidenceView> {
	const citing = decisions.filter((d) => d.cited.length > 0).length;
	const kindOf = new Map<string, string>();
	for (const d of decisions)
		for (const c of d.cited) kindOf.set(c.evidenceItemId, c.kind ?? 'UNSPECIFIED');
	const kinds = new Map<string, number>();
	for (const kind of kindOf.values()) kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
	const pack = papers.filter((p) => !p.withdrawn);
	const late = pack.filter((p) => p.late).length;
	return {
		decisions: decisions.length,
		citingEvidence: citing,
		citingShare: share(citing, decisions.length),
		kinds: [...kinds.entries()]
			.map(([kind, count]) => ({ kind, count }))
			.sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind)),
		papers: pack.length,
		latePapers: late,
		lateShare: share(late, pack.length),
		lateDays
	};
}

const earliest = (dates: Date[]) =>
	dates.length ? new Date(Math.min(...dates.map((d) => d.getTime()))) : null;

export function forumVoice(
	decisionIds: readonly string[],
	priorities: readonly PriorityRecord[]
): z.infer<typeof ForumVoiceView> {
	const ours = new Set(decisionIds);
	const answering = new Set<string>();
	const rows = priorities
		.map((p) => {
			const decidedHere = p.events.filter(
				(e) => e.type === 'DECIDED' && e.decisionId !== null && ours.has(e.decisionId)
			);
			for (const e of decidedHere) answering.add(e.decisionId!);
			const raisedAt = earliest(p.events.filter((e) => e.type === 'RAISED').map((e) => e.at));
			const decidedAt = earliest(decidedHere.map((e) => e.at));
			const promise = promiseOf(
				[...p.events]
					.filter((e) => !decidedAt || e.at <= decidedAt)
					.sort((a, b) => a.at.getTime() - b.at.getTime())
					.map((e) => ({
						type: e.type,
						influenceDeclared: e.influenceDeclared ?? null,
						influenceAchieved: e.influenceAchieved ?? null,
						hearBackBy: e.hearBackBy ?? null
					}))
			);
			const gap = influenceGap(promise.promised, promise.achieved);
			return {
				decidedHere,
				row: {
					priorityId: p.priorityId,
					title: p.title,
					forum: p.forum,
					raisedAt: (raisedAt ?? decidedAt ?? new Date(0)).toISOString(),
					decidedAt: decidedAt?.toISOString() ?? null,
					daysToDecision:
						raisedAt && decidedAt
							? Math.floor((decidedAt.getTime() - raisedAt.getTime()) / DAY_MS)
							: null,
					responsePublished: p.publishedFor.some((id) => ours.has(id)),
					influencePromised: promise.promised,
					influenceAchieved: promise.achieved,
					influenceGap: gap,
					influenceWords: influenceWords(promise.promised, promise.achieved)
				}
			};
		})
		.filter((p) => p.decidedHere.length > 0)
		.map((p) => p.row)
		.sort(
			(a, b) =>
				(a.decidedAt ?? '').localeCompare(b.decidedAt ?? '') || a.title.localeCompare(b.title)
		);
	const days = rows.flatMap((r) => (r.daysToDecision === null ? [] : [r.daysToDecision]));
	// Priorities with both a promise and an achieved level; kept: as much influence as promised, or more.
	const compared = rows.filter((r) => r.influenceGap !== null);
	const kept = compared.filter((r) => r.influenceGap !== 'LESS').length;
	return {
		decisions: decisionIds.length,
		answeringPriority: answering.size,
		answeringShare: share(answering.size, decisionIds.length),
		priorities: rows,
		medianDaysToDecision: median(days),
		responsesPublished: rows.filter((r) => r.responsePublished).length,
		influenceCompared: compared.length,
		influenceKept: kept,
		influenceLess: compared.length - kept,
		influenceKeptShare: share(kept, compared.length)
	};
}

/** Seconds each item was current, from the trail of current-item changes (in any order). */
export function secondsCurrent(changes: readonly ItemChange[]): Map<string, number> {
	const ordered = [...changes].sort((a, b) => a.at.getTime() - b.at.getTime());
	const seconds = new Map<string, number>();
	ordered.forEach((change, i) => {
		const next = ordered[i + 1];
		if (!change.agendaItemId || !next) return;
		const s = (next.at.getTime() - change.at.getTime()) / 1000;
		seconds.set(change.agendaItemId, (seconds.get(change.agendaItemId) ?? 0) + s);
	});
	return seconds;
}

const minutes = (seconds: number) => Math.round((seconds / 60) * 10) / 10;

export function timeUse(
	items: readonly ItemRecord[],
	changes: readonly ItemChange[],
	turns: readonly TurnRecord[]
): z.infer<typeof TimeUseView> {
	const trail = secondsCurrent(changes);
	const fromTrail = trail.size > 0;
	const spoken = new Map<string, number>();
	for (const t of takenTurns(turns))
		spoken.set(t.agendaItemId, (spoken.get(t.agendaItemId) ?? 0) + turnSeconds(t));
	const used = fromTrail ? trail : spoken;
	const listed = items.filter((i) => !i.withdrawn || used.has(i.id));
	const purposes = new Map<string, { allotted: number; seconds: number }>();
	for (const i of listed) {
		const p = purposes.get(i.purpose) ?? { allotted: 0, seconds: 0 };
		p.allotted += i.minutes ?? 0;
		p.seconds += used.get(i.id) ?? 0;
		purposes.set(i.purpose, p);
	}
	const total = [...purposes.values()].reduce((s, p) => s + p.seconds, 0);
	const order = Object.keys(ITEM_PURPOSES);
	return {
		basis: fromTrail ? 'currentItem' : 'turns',
		items: listed.map((i) => ({
			agendaItemId: i.id,
			title: i.title,
			purpose: i.purpose,
			allotted: i.minutes,
			used: minutes(used.get(i.id) ?? 0)
		})),
		byPurpose: [...purposes.entries()]
			.sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
			.map(([purpose, p]) => ({ purpose, allotted: p.allotted, used: minutes(p.seconds) })),
		informationShare: share(purposes.get('INFORMATION')?.seconds ?? 0, total),
		decisionShare: share(purposes.get('DECISION')?.seconds ?? 0, total)
	};
}

// Trends: one meeting's headline figures (TrendPoint), and their averages over meetings for a body or a
// partnership's summary. An average is the plain mean over the meetings that have the figure (a meeting
// with nothing to divide is left out, not counted as zero), each meeting weighing the same.

export const TREND_FIGURES = [
	'gini',
	'communitySeatShare',
	'communityTimeShare',
	'thirdSectorSeatShare',
	'thirdSectorTimeShare',
	'challengesPerDecisionItem',
	'answeredShare',
	'changedDecisionShare',
	'citingEvidenceShare',
	'latePaperShare',
	'answeringPriorityShare',
	'informationShare'
] as const;

type Figures = Omit<z.infer<typeof TrendPoint>, 'meetingId' | 'title' | 'startsAt' | 'published'>;

/** The headline figures of a meeting's record measures. */
export function trendFigures(m: {
	participation: z.infer<typeof ParticipationView>;
	scrutiny: z.infer<typeof ScrutinyView>;
	evidence: z.infer<typeof EvidenceView>;
	forumVoice: z.infer<typeof ForumVoiceView>;
	timeUse: z.infer<typeof TimeUseView>;
}): Omit<Figures, 'dqiMeans' | 'surveyMeans'> {
	return {
		decisions: m.evidence.decisions,
		challenges: m.scrutiny.challenges,
		prioritiesDecided: m.forumVoice.priorities.length,
		gini: m.participation.gini,
		communitySeatShare: m.participation.community.seatShare,
		communityTimeShare: m.participation.community.timeShare,
		thirdSectorSeatShare: m.participation.thirdSector.seatShare,
		thirdSectorTimeShare: m.participation.thirdSector.timeShare,
		challengesPerDecisionItem: m.scrutiny.challengesPerDecisionItem,
		answeredShare: m.scrutiny.answeredShare,
		changedDecisionShare: m.scrutiny.changedDecisionShare,
		citingEvidenceShare: m.evidence.citingShare,
		latePaperShare: m.evidence.lateShare,
		answeringPriorityShare: m.forumVoice.answeringShare,
		informationShare: m.timeUse.informationShare
	};
}

function meanOf(values: (number | null | undefined)[]): number | null {
	const present = values.filter((v): v is number => typeof v === 'number');
	return present.length ? present.reduce((s, v) => s + v, 0) / present.length : null;
}

function meanRecord(records: Record<string, number | null>[]): Record<string, number | null> {
	const keys = [...new Set(records.flatMap((r) => Object.keys(r)))];
	return Object.fromEntries(keys.map((k) => [k, meanOf(records.map((r) => r[k]))]));
}

export function averageTrends(points: readonly Figures[]): z.infer<typeof TrendAverages> {
	const figures = Object.fromEntries(
		TREND_FIGURES.map((f) => [f, meanOf(points.map((p) => p[f]))])
	) as Record<(typeof TREND_FIGURES)[number], number | null>;
	return {
		...figures,
		dqiMeans: meanRecord(points.map((p) => p.dqiMeans)),
		surveyMeans: meanRecord(points.map((p) => p.surveyMeans))
	};
}

/** Counts summed and figures averaged over meetings. */
export function periodTotals(points: readonly (Figures & { published: boolean })[]) {
	const sum = (f: (p: Figures) => number) => points.reduce((s, p) => s + f(p), 0);
	return {
		meetings: points.length,
		published: points.filter((p) => p.published).length,
		decisions: sum((p) => p.decisions),
		challenges: sum((p) => p.challenges),
		prioritiesDecided: sum((p) => p.prioritiesDecided),
		averages: averageTrends(points)
	};
}

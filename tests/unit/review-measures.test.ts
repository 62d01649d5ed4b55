// The review's measures from the record, against fixtures worked by hand (the arithmetic in comments).
import { describe, expect, it } from 'vitest';
import { gini, share } from '../../src/lib/review/measures.ts';
import {
	averageTrends,
	evidence,
	periodTotals,
	forumVoice,
	lateDaysOf,
	participation,
	scrutiny,
	secondsCurrent,
	timeUse,
	type ChallengeRecord,
	type DecisionRecord,
	type MemberRecord,
	type TurnRecord
} from '../../src/lib/review/record-measures.ts';

const T0 = Date.parse('2026-06-04T09:30:00Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000);
const day = (d: string) => new Date(`${d}T12:00:00Z`);

function member(
	membershipId: string,
	organisation: string,
	sector: string,
	seatRole: string | null,
	attendance: string | null
): MemberRecord {
	return { membershipId, organisationId: organisation, organisation, sector, seatRole, attendance };
}

/** A turn of `seconds` on item `item`, started at `from` seconds after the start. */
function turn(membershipId: string, seconds: number, item = 'i1', from = 0): TurnRecord {
	return {
		membershipId,
		agendaItemId: item,
		startedAt: at(from),
		endedAt: at(from + seconds),
		cancelledAt: null
	};
}

describe('share and Gini', () => {
	it('a share of nothing is null, not zero', () => {
		expect(share(0, 0)).toBeNull();
		expect(share(1, 4)).toBe(0.25);
	});

	it('one person with everything among four: G = 0.75', () => {
		// Sorted 0,0,0,10: Σ i·x = 4·10 = 40; G = 2·40/(4·10) − 5/4 = 2 − 1.25 = 0.75.
		expect(gini([0, 0, 0, 10])).toBeCloseTo(0.75);
	});

	it('everyone the same: G = 0', () => {
		expect(gini([60, 60, 60])).toBeCloseTo(0);
	});

	it('one speaker alone: G = 0 (n = 1: 2·x/x − 2/1 = 0)', () => {
		expect(gini([90])).toBeCloseTo(0);
	});

	it('nobody, or nobody spoke: null', () => {
		expect(gini([])).toBeNull();
		expect(gini([0, 0])).toBeNull();
	});

	it('1, 2, 3, 4: G = 0.25', () => {
		// Σ i·x = 1+4+9+16 = 30; G = 60/(4·10) − 5/4 = 1.5 − 1.25 = 0.25.
		expect(gini([4, 1, 3, 2])).toBeCloseTo(0.25);
	});
});

describe('participation', () => {
	// Council: chair (voting, present) and an adviser (not a seat here, present).
	// Health: a member (voting) sent apologies; a colleague stands in (SUBSTITUTE_FOR), no seat.
	// Voluntary action (THIRD_SECTOR): a member, present, never speaks.
	// Community council (COMMUNITY): a member, absent.
	const members = [
		member('chair', 'Council', 'COUNCIL', 'CHAIR', 'PRESENT'),
		member('adviser', 'Council', 'COUNCIL', 'ADVISER', 'PRESENT'),
		member('nhs', 'Health', 'HEALTH', 'MEMBER', 'APOLOGIES'),
		member('nhs-sub', 'Health', 'HEALTH', null, 'SUBSTITUTE_FOR'),
		member('tsi', 'Voluntary action', 'THIRD_SECTOR', 'MEMBER', 'PRESENT'),
		member('cc', 'Community council', 'COMMUNITY', 'MEMBER', 'ABSENT')
	];
	// Turns: chair 60 s + 120 s; adviser 60 s; the substitute 60 s; one cancelled request; one queued.
	const turns: TurnRecord[] = [
		turn('chair', 60),
		turn('chair', 120, 'i1', 100),
		turn('adviser', 60, 'i1', 300),
		turn('nhs-sub', 60, 'i1', 400),
		{ ...turn('tsi', 30), cancelledAt: at(5) },
		{ ...turn('cc', 0), startedAt: null, endedAt: null }
	];
	const view = participation(members, turns);

	it('shares of seats, turns and time by organisation', () => {
		// Seats (voting): Council 1 (chair; the adviser is not), Health 1, TSI 1, Community 1 → 4.
		// Turns: Council 3, Health 1 → 4. Seconds: Council 240, Health 60 → 300.
		expect(view.byOrganisation).toEqual([
			{
				organisationId: 'Council',
				organisation: 'Council',
				people: 2,
				sector: 'COUNCIL',
				seats: 1,
				present: 2,
				turns: 3,
				seconds: 240,
				seatShare: 0.25,
				turnShare: 0.75,
				timeShare: 0.8
			},
			{
				organisationId: 'Health',
				organisation: 'Health',
				people: 1,
				sector: 'HEALTH',
				seats: 1,
				present: 1,
				turns: 1,
				seconds: 60,
				seatShare: 0.25,
				turnShare: 0.25,
				timeShare: 0.2
			},
			{
				organisationId: 'Voluntary action',
				organisation: 'Voluntary action',
				people: 1,
				sector: 'THIRD_SECTOR',
				seats: 1,
				present: 1,
				turns: 0,
				seconds: 0,
				seatShare: 0.25,
				turnShare: 0,
				timeShare: 0
			},
			{
				organisationId: 'Community council',
				organisation: 'Community council',
				people: 0,
				sector: 'COMMUNITY',
				seats: 1,
				present: 0,
				turns: 0,
				seconds: 0,
				seatShare: 0.25,
				turnShare: 0,
				timeShare: 0
			}
		]);
		expect(view.bySector.map((s) => s.sector)).toEqual([
			'COUNCIL',
			'HEALTH',
			'THIRD_SECTOR',
			'COMMUNITY'
		]);
	});

	it('Gini over the members present, the silent one counting zero', () => {
		// Present: chair 180, adviser 60, substitute 60, tsi 0 (silent). Sorted 0, 60, 60, 180; total 300.
		// Σ i·x = 0 + 120 + 180 + 720 = 1020; G = 2·1020/(4·300) − 5/4 = 1.7 − 1.25 = 0.45.
		expect(view.gini).toBeCloseTo(0.45);
		expect(view.membersPresent).toBe(4);
		expect(view.silentMembers).toBe(1);
	});

	it('community and third sector counted apart', () => {
		// Seats: the community council's 1 of 4, the voluntary action's 1 of 4; neither spoke.
		expect(view.community).toEqual({ seatShare: 0.25, turnShare: 0, timeShare: 0 });
		expect(view.thirdSector).toEqual({ seatShare: 0.25, turnShare: 0, timeShare: 0 });
		expect(view).not.toHaveProperty('communityAndThirdSector');
	});

	it('no contributions: shares of turns and time are null, Gini null', () => {
		const quiet = participation(members, []);
		expect(quiet.gini).toBeNull();
		expect(quiet.silentMembers).toBe(4);
		expect(quiet.byOrganisation[0]).toMatchObject({ turnShare: null, timeShare: null });
		expect(quiet.community).toEqual({ seatShare: 0.25, turnShare: null, timeShare: null });
		expect(quiet.thirdSector).toEqual({ seatShare: 0.25, turnShare: null, timeShare: null });
	});

	it('one speaker among three present: G = 2/3', () => {
		// 0, 0, 90: Σ i·x = 270; G = 540/(3·90) − 4/3 = 2 − 1.333 = 0.667.
		const one = participation(members.slice(0, 3).concat(members[4]), [turn('chair', 90)]);
		expect(one.gini).toBeCloseTo(2 / 3);
		expect(one.byOrganisation[0]).toMatchObject({ turnShare: 1, timeShare: 1 });
	});

	it('nobody present: no Gini, nobody silent, seat shares still there', () => {
		const empty = participation(
			members.map((m) => ({ ...m, attendance: null })),
			[]
		);
		expect(empty).toMatchObject({ gini: null, membersPresent: 0, silentMembers: 0 });
		expect(empty.byOrganisation.map((o) => o.seatShare)).toEqual([0.25, 0.25, 0.25, 0.25]);
	});

	it('someone who spoke without being recorded present is counted in the Gini', () => {
		// chair 60 (present), guest 60 (not recorded): 60, 60 → 0.
		const view = participation(
			[
				member('chair', 'Council', 'COUNCIL', 'CHAIR', 'PRESENT'),
				member('guest', 'Health', 'HEALTH', null, null)
			],
			[turn('chair', 60), turn('guest', 60)]
		);
		expect(view.gini).toBeCloseTo(0);
		expect(view.membersPresent).toBe(1);
	});
});

describe('scrutiny', () => {
	const items = [
		{ id: 'a', title: 'Budget', purpose: 'DECISION', minutes: 20 },
		{ id: 'b', title: 'Report', purpose: 'SCRUTINY', minutes: 30 },
		{ id: 'c', title: 'Transport', purpose: 'DECISION', minutes: 20 },
		{ id: 'd', title: 'Update', purpose: 'INFORMATION', minutes: 5 }
	];
	const decisions: DecisionRecord[] = [
		{ id: 'dA', agendaItemId: 'a', alternatives: '', cited: [] },
		// Noted on a scrutiny item: makes it a decision item.
		{ id: 'dB', agendaItemId: 'b', alternatives: '', cited: [] },
		{ id: 'dC', agendaItemId: 'c', alternatives: 'Keep the old route', cited: [] }
	];
	const challenge = (
		agendaItemId: string,
		from: string,
		to: string | null,
		responses: [string, string][] = []
	): ChallengeRecord => ({
		agendaItemId,
		challengerSector: from,
		challengedSector: to,
		responses: responses.map(([status, effect]) => ({ status, effect }))
	});
	const challenges = [
		challenge('a', 'COMMUNITY', 'COUNCIL', [['ANSWERED', 'AMENDED']]),
		challenge('a', 'COMMUNITY', 'HEALTH', [['PARTLY', 'NONE']]),
		challenge('a', 'THIRD_SECTOR', 'COUNCIL', [
			['ANSWERED', 'NONE'],
			['UNRESOLVED', 'NONE']
		]),
		challenge('d', 'HEALTH', null, [['ACTION_AGREED', 'DEFERRED']]),
		challenge('d', 'COUNCIL', 'COMMUNITY')
	];
	const view = scrutiny(items, decisions, challenges);

	it('challenges per decision item, answered and changed', () => {
		// Decision items: a (DECISION), b (a decision recorded), c (DECISION) → 3; d is for information.
		// Challenges on them: 3 (all on a) → 3/3 = 1.
		// Answered (latest response): ANSWERED, PARTLY, (UNRESOLVED), ACTION_AGREED, (none) → 3 of 5.
		// Changed: AMENDED, DEFERRED → 2 of 5.
		expect(view).toMatchObject({
			decisionItems: 3,
			challenges: 5,
			challengesPerDecisionItem: 1,
			answered: 3,
			answeredShare: 0.6,
			changedDecision: 2,
			changedDecisionShare: 0.4
		});
		expect(view.byItem.map((i) => [i.agendaItemId, i.challenges])).toEqual([
			['a', 3],
			['b', 0],
			['c', 0],
			['d', 2]
		]);
	});

	it('who challenged whom, by sector, undirected counted apart', () => {
		// Sectors appearing, in SECTORS order: COUNCIL, HEALTH, THIRD_SECTOR, COMMUNITY.
		expect(view.matrix.sectors).toEqual(['COUNCIL', 'HEALTH', 'THIRD_SECTOR', 'COMMUNITY']);
		expect(view.matrix.counts).toEqual([
			// COUNCIL → COMMUNITY
			[0, 0, 0, 1],
			// HEALTH → nobody (undirected)
			[0, 0, 0, 0],
			// THIRD_SECTOR → COUNCIL
			[1, 0, 0, 0],
			// COMMUNITY → COUNCIL, HEALTH
			[1, 1, 0, 0]
		]);
		expect(view.matrix.undirected).toEqual([0, 1, 0, 0]);
	});

	it('decisions with no challenge and no alternatives', () => {
		// dA was challenged; dC records an alternative; dB neither.
		expect(view.unchallenged).toEqual([{ decisionId: 'dB', agendaItemId: 'b', title: 'Report' }]);
	});

	it('no challenges: shares null, an empty matrix, every bare decision unchallenged', () => {
		const none = scrutiny(items, decisions, []);
		expect(none).toMatchObject({
			challenges: 0,
			challengesPerDecisionItem: 0,
			answeredShare: null,
			changedDecisionShare: null,
			matrix: { sectors: [], counts: [], undirected: [], people: [] }
		});
		expect(none.unchallenged.map((d) => d.decisionId)).toEqual(['dA', 'dB']);
		expect(scrutiny([], [], []).challengesPerDecisionItem).toBeNull();
	});
});

describe('evidence', () => {
	it('share of decisions citing evidence, kinds, late papers', () => {
		const decisions: DecisionRecord[] = [
			{
				id: 'd1',
				agendaItemId: 'a',
				alternatives: '',
				cited: [
					{ evidenceItemId: 'p1', kind: 'STATISTICS' },
					{ evidenceItemId: 'p2', kind: 'CONSULTATION' }
				]
			},
			// p1 cited again: counted once among the kinds.
			{
				id: 'd2',
				agendaItemId: 'b',
				alternatives: '',
				cited: [{ evidenceItemId: 'p1', kind: 'STATISTICS' }]
			},
			{ id: 'd3', agendaItemId: 'c', alternatives: '', cited: [] }
		];
		// Papers: 4, one withdrawn (left out), 1 late of the 3 → 1/3.
		const papers = [
			{ late: false },
			{ late: true },
			{ late: false },
			{ late: true, withdrawn: true }
		];
		expect(evidence(decisions, papers, 7)).toEqual({
			decisions: 3,
			citingEvidence: 2,
			citingShare: 2 / 3,
			kinds: [
				{ kind: 'CONSULTATION', count: 1 },
				{ kind: 'STATISTICS', count: 1 }
			],
			papers: 3,
			latePapers: 1,
			lateShare: 1 / 3,
			lateDays: 7
		});
		expect(evidence([], [], 0)).toMatchObject({ citingShare: null, lateShare: null });
	});

	it('late in days: whole days from the agenda’s issue to the meeting', () => {
		// Issued 28 May 09:00, meeting 4 June 09:30: 7 days and 30 minutes → 7.
		expect(lateDaysOf(new Date('2026-06-04T09:30:00Z'), new Date('2026-05-28T09:00:00Z'))).toBe(7);
		expect(lateDaysOf(new Date('2026-06-04T09:30:00Z'), null)).toBe(0);
	});
});

describe('forum voice', () => {
	it('decisions answering a priority, days from raised to decided, responses published', () => {
		const priorities = [
			{
				priorityId: 'p1',
				title: 'Evening buses',
				forum: 'Northfield',
				events: [
					{ type: 'RAISED', at: day('2026-03-01'), decisionId: null },
					{ type: 'DECIDED', at: day('2026-06-04'), decisionId: 'd1' }
				],
				publishedFor: ['d1']
			},
			{
				priorityId: 'p2',
				title: 'Warm spaces',
				forum: 'Eastside',
				events: [
					{ type: 'DECIDED', at: day('2026-06-04'), decisionId: 'd1' },
					{ type: 'RAISED', at: day('2026-05-25'), decisionId: null }
				],
				publishedFor: ['elsewhere']
			},
			{
				priorityId: 'p3',
				title: 'Decided at another meeting',
				forum: 'Eastside',
				events: [
					{ type: 'RAISED', at: day('2026-01-01'), decisionId: null },
					{ type: 'DECIDED', at: day('2026-02-01'), decisionId: 'other' }
				],
				publishedFor: ['other']
			}
		];
		const view = forumVoice(['d1', 'd2'], priorities);
		// 1 March → 4 June: 31 + 30 + 31 + 3 = 95 days; 25 May → 4 June: 10 days. Median (10 + 95)/2.
		expect(view).toMatchObject({
			decisions: 2,
			answeringPriority: 1,
			answeringShare: 0.5,
			medianDaysToDecision: 52.5,
			responsesPublished: 1
		});
		expect(
			view.priorities.map((p) => [p.priorityId, p.daysToDecision, p.responsePublished])
		).toEqual([
			['p1', 95, true],
			['p2', 10, false]
		]);
		expect(forumVoice([], [])).toMatchObject({ answeringShare: null, medianDaysToDecision: null });
	});

	it('the influence promised on acceptance against the influence the decision records', () => {
		const decided = (id: string, promised: 'CONSULT' | 'INVOLVE' | null, achieved: 'CONSULT') => ({
			priorityId: id,
			title: id,
			forum: 'Northfield',
			events: [
				{ type: 'DECIDED', at: day('2026-06-04'), decisionId: 'd1', influenceAchieved: achieved },
				{ type: 'RAISED', at: day('2026-03-01'), decisionId: null },
				{
					type: 'ACCEPTED',
					at: day('2026-04-01'),
					decisionId: null,
					influenceDeclared: promised,
					hearBackBy: '2026-06-30'
				}
			],
			publishedFor: []
		});
		const view = forumVoice(
			['d1'],
			[
				decided('a', 'INVOLVE', 'CONSULT'),
				decided('b', 'CONSULT', 'CONSULT'),
				decided('c', null, 'CONSULT')
			]
		);
		expect(view).toMatchObject({
			influenceCompared: 2,
			influenceKept: 1,
			influenceLess: 1,
			influenceKeptShare: 0.5
		});
		expect(view.priorities.map((p) => [p.priorityId, p.influenceGap, p.influenceWords])).toEqual([
			['a', 'LESS', 'Promised: Involve; achieved: Consult — less than promised'],
			['b', 'AS_PROMISED', 'Promised: Consult; achieved: Consult — as promised'],
			['c', null, 'No influence promised; achieved: Consult']
		]);
	});
});

describe('time use', () => {
	const items = [
		{ id: 'w', title: 'Welcome', purpose: 'INFORMATION', minutes: 5 },
		{ id: 'b', title: 'Budget', purpose: 'DECISION', minutes: 30 },
		{ id: 'r', title: 'Report', purpose: 'INFORMATION', minutes: null }
	];

	it('minutes per item from when each was current, the talking-shop share', () => {
		// Welcome 0–6 min, Budget 6–30, Report 30–50, back to Budget 50–60, closed at 60.
		const changes = [
			{ at: at(0), agendaItemId: 'w' },
			{ at: at(50 * 60), agendaItemId: 'b' },
			{ at: at(6 * 60), agendaItemId: 'b' },
			{ at: at(30 * 60), agendaItemId: 'r' },
			{ at: at(60 * 60), agendaItemId: null }
		];
		expect(secondsCurrent(changes)).toEqual(
			new Map([
				['w', 360],
				['b', 34 * 60],
				['r', 20 * 60]
			])
		);
		const view = timeUse(items, changes, []);
		expect(view.basis).toBe('currentItem');
		expect(view.items.map((i) => [i.agendaItemId, i.allotted, i.used])).toEqual([
			['w', 5, 6],
			['b', 30, 34],
			['r', null, 20]
		]);
		// Information 6 + 20 = 26 of 60 minutes; decision 34 of 60.
		expect(view.byPurpose).toEqual([
			{ purpose: 'DECISION', allotted: 30, used: 34 },
			{ purpose: 'INFORMATION', allotted: 5, used: 26 }
		]);
		expect(view.informationShare).toBeCloseTo(26 / 60);
		expect(view.decisionShare).toBeCloseTo(34 / 60);
	});

	it('without a trail, the minutes spoken on each item', () => {
		// Budget: 90 s + 30 s = 2 min; nothing else spoken.
		const view = timeUse(items, [], [turn('x', 90, 'b'), turn('y', 30, 'b', 200)]);
		expect(view.basis).toBe('turns');
		expect(view.items.map((i) => i.used)).toEqual([0, 2, 0]);
		expect(view).toMatchObject({ informationShare: 0, decisionShare: 1 });
		expect(timeUse(items, [], [])).toMatchObject({ informationShare: null, decisionShare: null });
	});
});

describe('trend averages', () => {
	const point = (over: Record<string, unknown>) => ({
		published: false,
		decisions: 2,
		challenges: 3,
		prioritiesDecided: 1,
		gini: null,
		communitySeatShare: null,
		communityTimeShare: null,
		thirdSectorSeatShare: null,
		thirdSectorTimeShare: null,
		challengesPerDecisionItem: null,
		answeredShare: null,
		changedDecisionShare: null,
		citingEvidenceShare: null,
		latePaperShare: null,
		answeringPriorityShare: null,
		informationShare: null,
		dqiMeans: {},
		surveyMeans: {},
		...over
	});

	it('the mean over the meetings that have each figure; counts summed', () => {
		const points = [
			point({ gini: 0.2, answeredShare: 0.5, dqiMeans: { justification: 2 }, published: true }),
			// No challenges: its answered share is null and left out, not a zero.
			point({ gini: 0.4, answeredShare: null, challenges: 0, dqiMeans: {} }),
			point({ gini: 0.3, answeredShare: 1, dqiMeans: { justification: 1, interactivity: null } })
		];
		// Gini (0.2 + 0.4 + 0.3)/3 = 0.3; answered (0.5 + 1)/2 = 0.75; justification (2 + 1)/2 = 1.5.
		const totals = periodTotals(points);
		expect(totals).toMatchObject({
			meetings: 3,
			published: 1,
			decisions: 6,
			challenges: 6,
			prioritiesDecided: 3
		});
		expect(totals.averages.gini).toBeCloseTo(0.3);
		expect(totals.averages.answeredShare).toBe(0.75);
		expect(totals.averages.informationShare).toBeNull();
		expect(totals.averages.dqiMeans).toEqual({ justification: 1.5, interactivity: null });
		expect(averageTrends([]).gini).toBeNull();
	});
});

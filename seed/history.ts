// The demo board's year before its annual review: three meetings, recorded through the same commands as the
// pages (seed/record.ts runs them, before the review). They give the review's trends a shape: the first is
// an information-heavy round of updates where nobody challenges anything; scrutiny grows over the year,
// more of it from the community and third-sector members; each meeting approves the last one's minutes.
// Data, as tables: the agendas and papers (MeetingSpec), then each item's turns, challenges and decision.
import { addAction, updateAction } from '../src/lib/server/decisions/index.ts';
import { recordAttendance } from '../src/lib/server/meetings/index.ts';
import { raiseChallenge, respondToChallenge } from '../src/lib/server/meetings/index.ts';
import { recordDecision } from '../src/lib/server/decisions/index.ts';
import type { MeetingSpec } from './meeting.ts';
import type { Run } from './run.ts';
import { issueAgenda } from '../src/lib/server/meetings/index.ts';
import { approveMinutes, closeMeeting } from '../src/lib/server/minutes/index.ts';
import type {
	ActionStatus,
	ChallengeKind,
	ChallengeTarget,
	ContributionType,
	DecisionEffect,
	DecisionOutcome,
	ResponseStatus
} from '../src/lib/vocabulary.ts';

const e = (local: string) => `${local}@demo.example`;

/** A spoken turn: who, for how many minutes, the officer's note of it, and its type. */
type Turn = [who: string, minutes: number, summary: string, type?: ContributionType];
/** A challenge put on the record after the turn that made it, and the answer given. */
interface Challenge {
	by: string;
	/** An organisation key, or a person's email. */
	to: string;
	kind: ChallengeKind;
	target?: ChallengeTarget;
	/** The paper challenged (its index in the meeting's papers) and the passage quoted. */
	paper?: number;
	quote?: string;
	text: string;
	answer: [by: string, text: string, status: ResponseStatus, effect?: DecisionEffect];
}
type Step = Turn | Challenge;
/** An action on the item's decision: the owner's organisation and person, due in days; later, its status. */
type ActionSpec = [
	text: string,
	org: string,
	owner: string | null,
	due: number,
	later?: ActionStatus
];
interface ItemRun {
	item: number;
	/** The minute the chair moves to it, at the earliest. */
	from: number;
	/** The minutes of the last meeting, approved under this item. */
	approvesPrevious?: boolean;
	steps: Step[];
	/** The draft wording rewritten before the decision, after a challenge. */
	redraft?: string;
	decision?: { outcome: DecisionOutcome; papers?: number[]; alternatives?: string };
	actions?: ActionSpec[];
}
export interface HistoryMeeting {
	/** Days before today, and the hour it starts. */
	daysAgo: number;
	hour: number;
	spec: (startsAt: Date) => MeetingSpec;
	apologies: string[];
	present: string[];
	items: ItemRun[];
	/** Minutes after the start at which the chair closes it. */
	closesAt: number;
}

const WELCOME = 'Welcome, apologies and declarations of interest';
const MINUTES = 'Minutes of the last meeting and matters arising';
const APPROVE = 'The board approves the minutes of its last meeting as a correct record.';
const PLACE = 'Council Chambers, Strathmuir';
/** The agenda item at which the board reviews the joint risk register (seed/risks.ts records the scores). */
export const RISK_REVIEW = 'Joint risk register: risks due for review';

const BOARD = ['chair', 'nhs', 'police', 'fire', 'enterprise', 'college', 'tsi', 'community'];
const everyoneBut = (...away: string[]) =>
	['officer', ...BOARD, 'tenants', 'hscp'].filter((m) => !away.includes(m)).map(e);

export const HISTORY: HistoryMeeting[] = [
	// About ten months ago: a round of updates. Long presentations, a couple of questions, no
	// challenges, one decision to note a report; the community members say nothing.
	{
		daysAgo: 300,
		hour: 10,
		spec: (startsAt) => ({
			title: 'Partnership Board: partner updates and performance',
			startsAt,
			durationMinutes: 120,
			place: PLACE,
			agenda: [
				[WELCOME, 'INFORMATION', 5, null],
				['Partner updates: round the table', 'INFORMATION', 35, null],
				[
					'Local Outcomes Improvement Plan: performance report, quarter 2',
					'INFORMATION',
					25,
					'council'
				],
				[
					'Locality plans: progress in Northfield, Riverside and Eastwood',
					'INFORMATION',
					20,
					'council'
				],
				['Budget outlook for next year: partners’ pressures', 'INFORMATION', 20, 'council'],
				['Any other business', 'INFORMATION', 5, null]
			],
			papers: [
				[
					'Local Outcomes Improvement Plan: quarter 2 performance',
					'PERFORMANCE',
					'council',
					2,
					'Eleven indicators on track, five amber, three red; the red ones are child poverty, healthy life expectancy and positive destinations.'
				],
				[
					'Budget outlook: partners’ financial pressures',
					'FINANCIAL',
					'council',
					4,
					'Partners expect savings of between 3% and 6% next year; no partner has yet set aside money for joint prevention work.'
				]
			],
			drafts: {
				2: 'The board notes the quarter 2 performance report on the Local Outcomes Improvement Plan.'
			}
		}),
		apologies: [],
		present: everyoneBut(),
		closesAt: 112,
		items: [
			{
				item: 1,
				from: 3,
				steps: [
					['nhs', 9, 'Updated on the vaccination programme and the new public health strategy.'],
					['police', 7, 'Updated on the division’s plan and staffing of community policing teams.'],
					['tsi', 2, 'Mentioned the volunteering awards next month.']
				]
			},
			{
				item: 2,
				from: 38,
				steps: [
					[
						'officer',
						14,
						'Took the board through the quarter 2 report, indicator by indicator: eleven on track, five amber, three red.'
					],
					['chair', 2, 'Asked whether the red indicators were expected to improve.', 'QUESTION'],
					[
						'officer',
						3,
						'Said the trend on child poverty would take longer than a year to turn.',
						'RESPONSE'
					]
				],
				decision: { outcome: 'NOTED' }
			},
			{
				item: 3,
				from: 62,
				steps: [
					[
						'officer',
						12,
						'Summarised progress on the three locality plans; Eastwood’s is furthest on, Riverside’s is still in draft.'
					]
				]
			},
			{
				item: 4,
				from: 80,
				steps: [
					[
						'chair',
						10,
						'Set out the council’s budget gap and the savings it must find before the spring.'
					],
					['college', 3, 'Asked whether partners could align their budget timetables.', 'QUESTION']
				]
			},
			{
				item: 5,
				from: 105,
				steps: [['police', 2, 'Reminded partners of the festive drink-driving campaign.']]
			}
		]
	},

	// About six and a half months ago: the budget and community safety. The first decisions of the year
	// and the first challenges: the third sector on the pooled fund, the tenants on the police's figures
	// and on the drug and alcohol services, whose funding is deferred. The safety item runs well over.
	{
		daysAgo: 200,
		hour: 14,
		spec: (startsAt) => ({
			title: 'Partnership Board: budget and community safety',
			startsAt,
			durationMinutes: 120,
			place: PLACE,
			agenda: [
				[WELCOME, 'INFORMATION', 5, null],
				[MINUTES, 'DECISION', 5, 'council'],
				[
					'Pooled prevention fund: partners’ contributions for next year',
					'DECISION',
					30,
					'council'
				],
				['Antisocial behaviour in Riverside: the partners’ response', 'SCRUTINY', 15, 'police'],
				['Drug and alcohol partnership: funding for next year', 'DECISION', 20, 'hscp'],
				['Any other business', 'INFORMATION', 5, null]
			],
			papers: [
				[
					'Pooled prevention fund: proposed contributions',
					'FINANCIAL',
					'council',
					2,
					'A fund of £300,000: the council £150,000, the health board £100,000, police and fire £25,000 each.'
				],
				[
					'Antisocial behaviour in Riverside: incidents and response',
					'PERFORMANCE',
					'police',
					3,
					'Reported incidents in Riverside fell by 12% in a year; response times met the target in nine months out of twelve.'
				],
				[
					'Drug and alcohol services: spend and outcomes',
					'FINANCIAL',
					'hscp',
					4,
					'£1.2 million a year across eleven services; waiting times for treatment met the standard in 84% of cases.'
				]
			],
			drafts: {
				1: APPROVE,
				2: 'The board agrees to set up a pooled prevention fund of £300,000 for next year, from the contributions in the paper.',
				3: 'The board notes the report on antisocial behaviour in Riverside and the partners’ response.',
				4: 'The board agrees the drug and alcohol partnership’s funding for next year at this year’s level.'
			}
		}),
		apologies: [e('fire')],
		present: everyoneBut('fire'),
		closesAt: 112,
		items: [
			{
				item: 1,
				from: 3,
				approvesPrevious: true,
				steps: [['officer', 2, 'Took the board through the matters arising; none outstanding.']],
				decision: { outcome: 'AGREED' }
			},
			{
				item: 2,
				from: 9,
				steps: [
					['officer', 8, 'Presented the proposed pooled fund and each partner’s share.'],
					[
						'tsi',
						4,
						'Challenged that the third sector has no say in how the fund is spent though it delivers most prevention work.',
						'CHALLENGE'
					],
					{
						by: 'tsi',
						to: 'council',
						kind: 'PROCESS',
						text: 'The third sector delivers much of the prevention work this fund pays for, but the paper gives it no place on the panel that allocates it. Why not?',
						answer: [
							'chair',
							'A third-sector place on the panel will be considered when its terms of reference are drafted.',
							'PARTLY'
						]
					},
					[
						'chair',
						3,
						'Said the panel’s terms of reference would come back to the board.',
						'RESPONSE'
					]
				],
				decision: { outcome: 'AGREED', papers: [0] },
				actions: [
					[
						'Draft terms of reference for the fund’s allocation panel',
						'council',
						'officer',
						60,
						'DONE'
					]
				]
			},
			{
				// Fifteen minutes allotted; it takes nearly thirty.
				item: 3,
				from: 30,
				steps: [
					['police', 9, 'Presented the figures and the division’s response in Riverside.'],
					[
						'tenants',
						5,
						'Challenged the paper for reading fewer reports as success without asking residents whether they feel safer.',
						'CHALLENGE'
					],
					{
						by: 'tenants',
						to: 'police',
						kind: 'COMMUNITY_VIEW',
						target: 'EVIDENCE',
						paper: 1,
						quote: 'Reported incidents in Riverside fell by 12% in a year',
						text: 'Tenants in Riverside tell us they stopped reporting because nothing happens. Fewer reports would look like success in these figures. Will you ask residents directly?',
						answer: [
							'police',
							'The division will run a residents’ safety survey in Riverside with the tenants’ federation this summer.',
							'ACTION_AGREED'
						]
					},
					[
						'community',
						4,
						'Described young people gathering at the station with nowhere else to go.'
					],
					['chair', 4, 'Summed up; the item had run over and the rest would be taken briefly.']
				],
				decision: { outcome: 'NOTED', papers: [1] },
				actions: [['Run a residents’ safety survey in Riverside', 'police', 'police', 90, 'DONE']]
			},
			{
				item: 4,
				from: 62,
				steps: [
					['hscp', 8, 'Presented the services’ spend and the waiting times.'],
					[
						'tenants',
						3,
						'Challenged rolling the funding forward without knowing which services work.',
						'CHALLENGE'
					],
					{
						by: 'tenants',
						to: 'hscp',
						kind: 'EVIDENCE',
						target: 'DECISION',
						text: 'The paper tells us what is spent, not what it achieves. How can the board fund eleven services at the same level without knowing which work?',
						answer: [
							'hscp',
							'An outcomes review of the eleven services will come back to the board; the decision waits for it.',
							'ACTION_AGREED',
							'DEFERRED'
						]
					}
				],
				decision: { outcome: 'DEFERRED', papers: [2] },
				actions: [
					[
						'Bring an outcomes review of the eleven drug and alcohol services',
						'hscp',
						'hscp',
						70,
						'DONE'
					]
				]
			},
			{ item: 5, from: 105, steps: [] }
		]
	},

	// Just over three months ago: health inequalities. Four challenges, two from community members and one
	// from the third sector; one left unresolved; a decision amended on equalities.
	{
		daysAgo: 100,
		hour: 10,
		spec: (startsAt) => ({
			title: 'Partnership Board: health inequalities',
			startsAt,
			durationMinutes: 120,
			place: PLACE,
			agenda: [
				[WELCOME, 'INFORMATION', 5, null],
				[MINUTES, 'DECISION', 5, 'council'],
				[
					'Health inequalities: the Director of Public Health’s annual report',
					'SCRUTINY',
					30,
					'nhs'
				],
				['Young people’s mental health: joint commissioning', 'DECISION', 25, 'hscp'],
				['Budget monitoring: quarter 1', 'SCRUTINY', 15, 'council'],
				[RISK_REVIEW, 'RISK_REVIEW', 10, 'council'],
				['Any other business', 'INFORMATION', 5, null]
			],
			papers: [
				[
					'Director of Public Health’s annual report',
					'RESEARCH',
					'nhs',
					2,
					'Healthy life expectancy is 13 years shorter in Northfield than in the least deprived part of Strathmuir, and the gap has not narrowed in five years.',
					'PUBLIC'
				],
				[
					'Young people’s mental health: options for joint commissioning',
					'RESEARCH',
					'hscp',
					3,
					'Three options costed; the preferred one is a single counselling service for 10 to 18 year olds in schools and community venues.'
				],
				[
					'Partners’ spend against the plan: quarter 1',
					'FINANCIAL',
					'council',
					4,
					'The pooled prevention fund is 22% spent after a quarter; £40,000 is uncommitted.'
				]
			],
			drafts: {
				1: APPROVE,
				2: 'The board notes the Director of Public Health’s annual report.',
				3: 'The board agrees to commission a single counselling service for young people aged 10 to 18, jointly funded by the council and the health and social care partnership.'
			}
		}),
		apologies: [e('police')],
		present: everyoneBut('police'),
		closesAt: 115,
		items: [
			{
				item: 1,
				from: 3,
				approvesPrevious: true,
				steps: [
					[
						'officer',
						3,
						'Reported the Riverside safety survey done and the drug and alcohol review due in the autumn.'
					]
				],
				decision: { outcome: 'AGREED' }
			},
			{
				item: 2,
				from: 10,
				steps: [
					[
						'nhs',
						10,
						'Presented the annual report: the gap in healthy life expectancy has not narrowed.'
					],
					[
						'community',
						4,
						'Challenged the report for recommending more of the same campaigns that have not closed the gap.',
						'CHALLENGE'
					],
					{
						by: 'community',
						to: 'nhs',
						kind: 'ASSUMPTION',
						target: 'EVIDENCE',
						paper: 0,
						quote: 'the gap has not narrowed in five years',
						text: 'If five years of campaigns have not narrowed the gap, why does the report recommend more campaigns? What would the health board do differently in Northfield?',
						answer: [
							'nhs',
							'The health board will pilot a community health worker post in Northfield, designed with residents, and report on it next year.',
							'ACTION_AGREED'
						]
					},
					['nhs', 4, 'Accepted the point and proposed a Northfield pilot.', 'RESPONSE'],
					['tenants', 3, 'Told of neighbours who wait weeks for a GP appointment.'],
					['tsi', 3, 'Asked how community groups could be funded to deliver the pilot.', 'QUESTION']
				],
				decision: { outcome: 'NOTED', papers: [0] },
				actions: [
					[
						'Design a community health worker pilot in Northfield with residents',
						'nhs',
						'nhs',
						120,
						'IN_PROGRESS'
					]
				]
			},
			{
				item: 3,
				from: 42,
				steps: [
					['hscp', 7, 'Presented the three options and the preferred single counselling service.'],
					[
						'tsi',
						4,
						'Challenged the preferred option for leaving out young people not in school.',
						'CHALLENGE'
					],
					{
						by: 'tsi',
						to: 'hscp',
						kind: 'EQUALITIES',
						target: 'DECISION',
						text: 'A service in schools misses the young people most at risk: those excluded or not attending. Will it reach them, and through whom?',
						answer: [
							'hscp',
							'Agreed: a third of the service’s sessions will be in community venues, run with youth work partners.',
							'ACTION_AGREED',
							'AMENDED'
						]
					},
					[
						'enterprise',
						3,
						'Challenged whether the cost per young person had been compared with the other options.',
						'CHALLENGE'
					],
					{
						by: 'enterprise',
						to: 'hscp',
						kind: 'ALTERNATIVE',
						paper: 1,
						text: 'The paper costs three options but compares them on reach, not on cost per young person seen. On that measure, is the preferred option still the best?',
						answer: [
							'hscp',
							'The preferred option costs about £40 more per young person, which the partnership judges worth it for one point of entry.',
							'ANSWERED'
						]
					}
				],
				redraft:
					'The board agrees to commission a single counselling service for young people aged 10 to 18, jointly funded by the council and the health and social care partnership, with a third of its sessions in community venues for young people not in school.',
				decision: {
					outcome: 'AGREED',
					papers: [1],
					alternatives:
						'Separate services in schools and the community; extending the current school counselling contract.'
				},
				actions: [
					['Commission the service and report the provider chosen', 'hscp', 'hscp', 90, 'DONE']
				]
			},
			{
				item: 4,
				from: 75,
				steps: [
					['officer', 6, 'Presented spend against the plan after the first quarter.'],
					[
						'tenants',
						3,
						'Challenged the £40,000 left uncommitted while warm spaces are unfunded.',
						'CHALLENGE'
					],
					{
						by: 'tenants',
						to: 'council',
						kind: 'RESOURCES',
						paper: 2,
						text: 'There is £40,000 uncommitted in the prevention fund while community groups are told there is no money for warm spaces this winter. Why not use it?',
						answer: [
							'chair',
							'The uncommitted money is held for the winter; the board will decide its use at the annual review.',
							'UNRESOLVED'
						]
					}
				]
			},
			// The joint risk register's review: the scores are recorded for the meeting by seed/risks.ts.
			{ item: 5, from: 100, steps: [] },
			{
				item: 6,
				from: 108,
				steps: []
			}
		]
	}
];

const isChallenge = (step: Step): step is Challenge => !Array.isArray(step);

/** Records one of the history's meetings; `previous` is the meeting whose minutes it approves. */
export async function runHistoryMeeting(
	run: Run,
	history: HistoryMeeting,
	orgIds: Map<string, string>,
	previous: Run | null
): Promise<void> {
	const officer = run.as(e('officer'));
	const chair = run.as(e('chair'));
	await run.before(8, 16, () => issueAgenda(officer, run.id));
	for (const email of history.apologies)
		await run.before(2, 10, () => recordAttendance(run.as(email), run.id, { status: 'APOLOGIES' }));
	run.minute = -6;
	await run.present(history.present);
	run.minute = 0;
	await run.start();

	const actions: [string, ActionStatus][] = [];
	for (const item of history.items) {
		run.minute = Math.max(run.minute + 1, item.from);
		await run.moveTo(item.item);
		for (const step of item.steps) {
			if (!isChallenge(step)) {
				const [who, minutes, summary, type] = step;
				await run.turn(e(who), minutes, summary, type);
				continue;
			}
			const raised = await run.now(() =>
				raiseChallenge(run.as(e(step.by)), run.id, {
					agendaItemId: run.item(item.item),
					...(orgIds.has(step.to)
						? { directedToOrganisationId: orgIds.get(step.to)! }
						: { directedToMembershipId: run.member(e(step.to)) }),
					kind: step.kind,
					target: step.target,
					text: step.text,
					...(step.paper === undefined
						? {}
						: { evidenceItemId: run.meeting.paperIds[step.paper], quote: step.quote })
				})
			);
			const [by, text, status, effect] = step.answer;
			await run.now(() =>
				respondToChallenge(officer, raised.id, {
					respondedByMembershipId: run.member(e(by)),
					text,
					status,
					effect: effect ?? 'NONE'
				})
			);
		}
		if (item.approvesPrevious && previous)
			await run.now(() => approveMinutes(officer, previous.id, { atMeetingId: run.id }));
		if (item.redraft) run.redraft(item.item, item.redraft);
		if (!item.decision) continue;
		const { outcome, papers = [], alternatives } = item.decision;
		run.minute += 1;
		const decision = await run.now(() =>
			recordDecision(chair, run.id, {
				agendaItemId: run.item(item.item),
				outcome,
				method: 'CONSENSUS',
				evidenceItemIds: papers.map((p) => run.meeting.paperIds[p]),
				alternatives
			})
		);
		for (const [text, org, owner, due, later] of item.actions ?? []) {
			const action = await run.now(() =>
				addAction(chair, decision.id, {
					text,
					ownerOrganisationId: orgIds.get(org)!,
					...(owner ? { ownerMembershipId: run.member(e(owner)) } : {}),
					dueOn: run.due(due)
				})
			);
			if (later) actions.push([action.id, later]);
		}
	}
	run.minute = Math.max(run.minute + 1, history.closesAt);
	await run.now(() => closeMeeting(chair, run.id));
	// The actions move on in the weeks after.
	for (const [index, [id, status]] of actions.entries())
		await run.before(-(14 + 7 * index), 11, () => updateAction(officer, id, { status }));
}

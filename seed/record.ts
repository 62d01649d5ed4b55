// The demo board's record: its past meetings run through the same commands the pages call, as the demo
// people, at the times they would have happened (platform/clock.ts), and the next meeting's agenda issued. First
// the year's four earlier meetings (seed/history.ts), the last one's minutes approved at the review. Four
// weeks ago the board reviewed the plan (its minutes approved at the special meeting a week ago); the
// special meeting's minutes wait for approval at the next meeting. Until the sync server exists, the
// commands read and write the meetings' documents here, in memory; they are stored afterwards.
import type * as Y from 'yjs';
import {
	addAction,
	commitResources,
	reportProgress,
	updateAction
} from '../src/lib/server/decisions/index.ts';
import { recordAttendance } from '../src/lib/server/meetings/index.ts';
import { raiseChallenge, respondToChallenge } from '../src/lib/server/meetings/index.ts';
import { atTime } from '../src/lib/server/platform/index.ts';
import { db, transaction } from '../src/lib/server/platform/index.ts';
import { amendDecision, recordDecision } from '../src/lib/server/decisions/index.ts';
import { declareInterest } from '../src/lib/server/meetings/index.ts';
import { HISTORY, RISK_REVIEW, runHistoryMeeting } from './history.ts';
import { demoPeople, Run } from './run.ts';
import {
	daysFromToday,
	storeMeetingDocuments,
	type DemoMeeting,
	type MeetingSpec
} from './meeting.ts';
import { withDocumentHost } from '../src/lib/server/meetings/index.ts';
import { issueAgenda } from '../src/lib/server/meetings/index.ts';
import { approveMinutes, closeMeeting } from '../src/lib/server/minutes/index.ts';
import { projectDocument } from '../src/lib/server/meetings/index.ts';
import { meetingDocuments, type DocumentKind } from '../src/lib/collab/documents.ts';

const e = (local: string) => `${local}@demo.example`;

/** Four weeks ago: the annual review of the plan, fully recorded, its minutes approved. */
export const REVIEW_MEETING = (startsAt: Date): MeetingSpec => ({
	title: 'Partnership Board: annual review',
	startsAt,
	durationMinutes: 120,
	place: 'Council Chambers, Strathmuir',
	agenda: [
		['Welcome, apologies and declarations of interest', 'INFORMATION', 5, null],
		['Local Outcomes Improvement Plan: annual progress report', 'SCRUTINY', 30, 'council'],
		['Community warm spaces fund: allocations for this winter', 'DECISION', 25, 'council'],
		['Young people’s employability pathway: joint funding', 'DECISION', 25, 'enterprise'],
		['Northfield Locality Forum: changes to bus routes', 'DISCUSSION', 20, 'ncc'],
		[RISK_REVIEW, 'RISK_REVIEW', 10, 'council'],
		['Any other business', 'INFORMATION', 5, null]
	],
	papers: [
		[
			'Local Outcomes Improvement Plan: annual progress report 2025/26',
			'PERFORMANCE',
			'council',
			1,
			'Overall, 14 of the plan’s 19 indicators improved this year, and the gap between the most and least deprived areas is closing on every measure we track.',
			'PUBLIC'
		],
		[
			'Warm spaces fund: applications and scoring',
			'FINANCIAL',
			'council',
			2,
			'Eleven applications asking for £58,400 against a fund of £40,000; the panel recommends eight, scored on reach, opening hours and accessibility.'
		],
		[
			'Young people not in education, employment or training: local figures',
			'STATISTICS',
			'enterprise',
			3,
			'One school leaver in twelve was not in a positive destination nine months on, twice the rate in Northfield.'
		],
		[
			'Northfield bus survey: what residents told us',
			'CONSULTATION',
			'ncc',
			4,
			'208 replies; the loss of the evening 14 service leaves older residents and shift workers without a way home after 7pm.'
		]
	],
	drafts: {
		1: 'The board notes the annual progress report on the Local Outcomes Improvement Plan.',
		2: 'The board agrees to fund the eight warm spaces recommended by the panel, £40,000 in total, from November to March.',
		3: 'The board agrees a joint employability pathway for young people leaving school without a positive destination, with Strathmuir Enterprise funding 20 paid placements and Strathmuir College offering 30 places on its foundation programme.'
	}
});

/** A week ago: a short special meeting on winter pressures, which approved the review's minutes. */
export const SPECIAL_MEETING = (startsAt: Date): MeetingSpec => ({
	title: 'Partnership Board: special meeting on winter pressures',
	startsAt,
	durationMinutes: 60,
	place: 'Committee Room 2, Strathmuir Council offices',
	agenda: [
		['Welcome and apologies', 'INFORMATION', 5, null],
		['Minutes of the last meeting and matters arising', 'DECISION', 10, 'council'],
		['Winter pressures: a shared response with health and social care', 'DECISION', 35, 'hscp']
	],
	papers: [
		[
			'Delayed discharges and care at home: the winter outlook',
			'PERFORMANCE',
			'hscp',
			2,
			'Delayed discharges rose by 30% last December; 40 more care-at-home hours a week would clear the usual winter backlog.'
		]
	],
	drafts: {
		1: 'The board approves the minutes of its annual review meeting as a correct record.',
		2: 'The board agrees a shared winter response: partners will second staff to the care-at-home team from December to February and report weekly on delayed discharges.'
	}
});

/** The seed's documents, served to the commands the way the sync server serves its own. */
class SeedDocuments {
	#docs = new Map<string, Y.Doc>();

	add(meeting: DemoMeeting): void {
		const names = meetingDocuments(meeting.meetingId);
		for (const kind of Object.keys(names) as DocumentKind[])
			this.#docs.set(names[kind], meeting.documents[kind]);
	}

	async withDocument<T>(docName: string, read: (doc: Y.Doc) => T | Promise<T>): Promise<T> {
		const doc = this.#docs.get(docName);
		if (!doc) throw new Error(`The demo seed has no document ${docName}`);
		return read(doc);
	}
}

export interface DemoBoard {
	partnershipId: string;
	orgIds: Map<string, string>;
	/** The year's meetings before the review, oldest first (seed/history.ts). */
	history: DemoMeeting[];
	review: DemoMeeting;
	special: DemoMeeting;
	upcoming: DemoMeeting;
}

/** Records the board's past meetings and issues the next agenda; then stores every document. */
export async function recordDemoBoard(board: DemoBoard): Promise<void> {
	const meetings = [...board.history, board.review, board.special, board.upcoming];
	const host = new SeedDocuments();
	for (const meeting of meetings) host.add(meeting);
	// The agendas and papers become rows the way any edit does: projected from the documents.
	for (const meeting of meetings) {
		const names = meetingDocuments(meeting.meetingId);
		await projectDocument(names.agenda, meeting.documents.agenda);
		await projectDocument(names.evidence, meeting.documents.evidence);
	}
	const people = await demoPeople(board.partnershipId);
	const starts = await db().meeting.findMany({
		where: { id: { in: meetings.map((m) => m.meetingId) } },
		select: { id: true, startsAt: true }
	});
	const startOf = (m: DemoMeeting) => starts.find((s) => s.id === m.meetingId)!.startsAt;
	const review = new Run(board.review, startOf(board.review), people);
	const special = new Run(board.special, startOf(board.special), people);
	const upcoming = new Run(board.upcoming, startOf(board.upcoming), people);
	const history = board.history.map((m) => new Run(m, startOf(m), people));

	// A hundred-odd small commits into an empty database.
	await withDocumentHost(host, async () => {
		for (const [index, run] of history.entries())
			await runHistoryMeeting(run, HISTORY[index], board.orgIds, history[index - 1] ?? null);
		await runReview(review, board.orgIds, history.at(-1) ?? null);
		await runSpecial(special, review, board.orgIds);
		await atTime(daysFromToday(-1, 16), () => issueAgenda(upcoming.as(e('officer')), upcoming.id));
	});
	await transaction(async (tx) => {
		for (const meeting of meetings) await storeMeetingDocuments(tx, meeting);
	});
}

async function runReview(
	run: Run,
	orgIds: Map<string, string>,
	previous: Run | null
): Promise<void> {
	const officer = run.as(e('officer'));
	const chair = run.as(e('chair'));
	await run.before(7, 16, () => issueAgenda(officer, run.id));
	// The college principal sends apologies, naming his head of skills to stand in.
	await run.before(2, 11, () =>
		recordAttendance(run.as(e('college')), run.id, {
			status: 'APOLOGIES',
			substituteId: run.member(e('skills'))
		})
	);

	run.minute = -10;
	await run.present([e('officer'), e('chair'), e('nhs'), e('police'), e('hscp'), e('enterprise')]);
	await run.now(() =>
		recordAttendance(officer, run.id, {
			membershipId: run.member(e('skills')),
			status: 'SUBSTITUTE_FOR',
			substituteForId: run.member(e('college'))
		})
	);
	run.minute = -4;
	await run.present([e('fire'), e('tsi'), e('community'), e('tenants')]);

	run.minute = 0;
	await run.start();
	run.minute = 1;
	// The last meeting's minutes, taken with the welcome.
	if (previous) await run.now(() => approveMinutes(officer, previous.id, { atMeetingId: run.id }));
	run.minute = 2;
	await run.now(() =>
		declareInterest(run.as(e('tsi')), run.id, {
			agendaItemId: run.item(2),
			nature:
				'Strathmuir Voluntary Action made two of the applications to the fund, and I sit on the board of a third applicant, Eastwood Development Trust',
			action: 'WITHDREW'
		})
	);

	// 1. The plan's annual report, under scrutiny.
	run.minute = Math.max(run.minute + 1, 5);
	await run.moveTo(1);
	await run.turn(
		e('officer'),
		9,
		'Presented the annual report: 14 of 19 indicators improved; child poverty and healthy life expectancy in Northfield did not.'
	);
	await run.turn(
		e('nhs'),
		4,
		'Asked why the drug deaths indicator is reported a year behind the others, and whether partners could share provisional figures.',
		'QUESTION'
	);
	await run.turn(
		e('community'),
		3,
		'Challenged the claim that the gap is closing on every measure: Northfield residents do not recognise it.',
		'CHALLENGE'
	);
	const onReport = await run.now(() =>
		raiseChallenge(run.as(e('community')), run.id, {
			agendaItemId: run.item(1),
			directedToOrganisationId: orgIds.get('council')!,
			kind: 'EVIDENCE',
			evidenceItemId: run.meeting.paperIds[0],
			quote:
				'the gap between the most and least deprived areas is closing on every measure we track',
			text: 'The report says the gap is closing on every measure, but its own tables show child poverty in Northfield rising for two years. Which measures does this sentence cover?'
		})
	);
	await run.turn(
		e('officer'),
		3,
		'Accepted that the sentence overstates the position; the ward tables will be published in full.',
		'RESPONSE'
	);
	await run.now(() =>
		respondToChallenge(officer, onReport.id, {
			text: 'The sentence refers to the plan-wide averages only. Child poverty in Northfield has risen; the report will be corrected and the figures for every ward published with it.',
			status: 'ACTION_AGREED',
			effect: 'NONE'
		})
	);
	await run.turn(
		e('chair'),
		5,
		'Asked theme group leads to bring the indicators that worsened to their next meetings.'
	);
	await run.turn(
		e('enterprise'),
		2,
		'Offered Strathmuir Enterprise’s data team to help with ward-level figures.'
	);
	run.minute += 2;
	const plan = await run.now(() =>
		recordDecision(chair, run.id, {
			agendaItemId: run.item(1),
			outcome: 'NOTED',
			method: 'CONSENSUS',
			evidenceItemIds: [run.meeting.paperIds[0]]
		})
	);
	await run.now(() =>
		addAction(chair, plan.id, {
			text: 'Correct the annual report and publish the indicator figures for every ward alongside it',
			ownerOrganisationId: orgIds.get('council')!,
			ownerMembershipId: run.member(e('officer')),
			dueOn: run.due(21)
		})
	);

	// 2. The warm spaces fund: put to a vote, the third sector member having withdrawn.
	run.minute = Math.max(run.minute + 1, 40);
	await run.moveTo(2);
	await run.turn(
		e('officer'),
		6,
		'Presented the panel’s recommendations: eight of eleven applications, £40,000 in total.'
	);
	await run.turn(
		e('hscp'),
		3,
		'Supported, and asked that spaces link to the falls prevention team.'
	);
	await run.turn(
		e('tenants'),
		4,
		'Challenged whether £40,000 can keep spaces open every weekday evening all winter.',
		'CHALLENGE'
	);
	const onFund = await run.now(() =>
		raiseChallenge(run.as(e('tenants')), run.id, {
			agendaItemId: run.item(2),
			directedToOrganisationId: orgIds.get('council')!,
			kind: 'RESOURCES',
			text: 'Eight spaces on £40,000 is £5,000 each for five months. The survey says people need evenings, and evenings cost most. Where does the rest of the money come from?'
		})
	);
	await run.now(() =>
		respondToChallenge(chair, onFund.id, {
			text: 'There is no more money in this year’s budget. The council will look again if the spaces run short in January.',
			status: 'UNRESOLVED',
			effect: 'NONE'
		})
	);
	await run.turn(
		e('nhs'),
		5,
		'Proposed taking the panel’s recommendation as it stands.',
		'PROPOSAL'
	);
	await run.turn(e('police'), 1, 'Supported the proposal.');
	const eligible = 9; // ten voting members here, less the one who withdrew
	const fund = await run.now(() =>
		recordDecision(chair, run.id, {
			agendaItemId: run.item(2),
			outcome: 'AGREED',
			method: 'VOTE',
			votes: { for: eligible - 2, against: 1, abstained: 1 },
			dissent: [
				{
					membershipId: run.member(e('tenants')),
					reason:
						'The fund is too small to open the spaces on weekday evenings, when people need them.'
				}
			],
			evidenceItemIds: [run.meeting.paperIds[1]],
			alternatives: 'Funding all eleven applications at a reduced rate.'
		})
	);
	const letters = await run.now(() =>
		addAction(chair, fund.id, {
			text: 'Write to the eight funded groups and the three not funded, with the panel’s reasons',
			ownerOrganisationId: orgIds.get('council')!,
			ownerMembershipId: run.member(e('officer')),
			dueOn: run.due(7)
		})
	);
	await run.now(() =>
		addAction(chair, fund.id, {
			text: 'Report how many people used each warm space, and on which evenings, by the end of January',
			ownerOrganisationId: orgIds.get('tsi')!,
			dueOn: run.due(70)
		})
	);

	// 3. The employability pathway: agreed, then amended after a challenge on equalities.
	run.minute = Math.max(run.minute + 1, 70);
	await run.moveTo(3);
	await run.turn(
		e('enterprise'),
		8,
		'Presented the pathway: paid placements with local employers, a college foundation course and a named key worker for each young person.'
	);
	await run.turn(
		e('skills'),
		3,
		'Said the college could offer 30 foundation places from January, subject to its board.'
	);
	await run.turn(e('nhs'), 2, 'Asked whether young carers would be eligible.', 'QUESTION');
	const pathway = await run.now(() =>
		recordDecision(chair, run.id, {
			agendaItemId: run.item(3),
			outcome: 'AGREED',
			method: 'CONSENSUS',
			evidenceItemIds: [run.meeting.paperIds[2]],
			commitments: [
				{
					organisationId: orgIds.get('enterprise')!,
					membershipId: run.member(e('enterprise')),
					text: 'Fund 20 paid placements of six months from January.'
				},
				{
					organisationId: orgIds.get('college')!,
					membershipId: run.member(e('skills')),
					text: 'Offer 30 places on the foundation programme from January.'
				}
			]
		})
	);
	await run.turn(
		e('tsi'),
		3,
		'Challenged the pathway for saying nothing about care-experienced and disabled young people.',
		'CHALLENGE'
	);
	const onPathway = await run.now(() =>
		raiseChallenge(run.as(e('tsi')), run.id, {
			agendaItemId: run.item(3),
			directedToMembershipId: run.member(e('enterprise')),
			target: 'DECISION',
			kind: 'EQUALITIES',
			text: 'Care-experienced and disabled young people are the most likely to have no positive destination, yet the decision does not mention them. Will places be kept for them?'
		})
	);
	await run.now(() =>
		respondToChallenge(officer, onPathway.id, {
			respondedByMembershipId: run.member(e('enterprise')),
			text: 'Agreed: a third of placements will be offered first to care-experienced and disabled young people, with the support they need to take them up.',
			status: 'ACTION_AGREED',
			effect: 'AMENDED'
		})
	);
	run.minute += 2;
	run.redraft(
		3,
		'The board agrees a joint employability pathway for young people leaving school without a positive destination, with Strathmuir Enterprise funding 20 paid placements and Strathmuir College offering 30 places on its foundation programme; a third of the placements are offered first to care-experienced and disabled young people.'
	);
	await run.now(() =>
		amendDecision(chair, pathway.id, {
			outcome: 'AGREED',
			method: 'CONSENSUS',
			evidenceItemIds: [run.meeting.paperIds[2]],
			commitments: [
				{
					organisationId: orgIds.get('enterprise')!,
					membershipId: run.member(e('enterprise')),
					text: 'Fund 20 paid placements of six months from January, a third offered first to care-experienced and disabled young people.'
				},
				{
					organisationId: orgIds.get('college')!,
					membershipId: run.member(e('skills')),
					text: 'Offer 30 places on the foundation programme from January.'
				}
			]
		})
	);
	const ratify = await run.now(() =>
		addAction(chair, pathway.id, {
			text: 'Take the commitment of 30 foundation places to the college board for ratification',
			ownerOrganisationId: orgIds.get('college')!,
			ownerMembershipId: run.member(e('skills')),
			dueOn: run.due(21)
		})
	);
	const steering = await run.now(() =>
		addAction(chair, pathway.id, {
			text: 'Set up the pathway’s steering group with the college, the third sector and young people',
			ownerOrganisationId: orgIds.get('enterprise')!,
			ownerMembershipId: run.member(e('enterprise')),
			dueOn: run.due(42)
		})
	);

	// 4. Northfield's bus routes: a discussion, no decision.
	run.minute = Math.max(run.minute + 1, 97);
	await run.moveTo(4);
	await run.turn(
		e('community'),
		5,
		'Reported the forum’s survey: losing the evening 14 service cuts older residents and shift workers off after 7pm.'
	);
	await run.turn(
		e('chair'),
		6,
		'Said the council will raise the route with the bus operator and the regional transport partnership.'
	);
	await run.turn(
		e('tenants'),
		2,
		'Asked that tenants’ groups be invited to that meeting.',
		'QUESTION'
	);

	// 5. The joint risk register: the risks due for review (seed/risks.ts records their new scores).
	run.minute = Math.max(run.minute + 1, 110);
	await run.moveTo(5);

	// 6. Any other business.
	run.minute = Math.max(run.minute + 1, 114);
	await run.moveTo(6);
	await run.turn(e('fire'), 2, 'Reminded partners of the bonfire season safety campaign.');
	run.minute += 2;
	await run.now(() => closeMeeting(chair, run.id));

	// Afterwards: some actions move on, others stay open as matters arising.
	await run.before(-3, 10, () => updateAction(officer, letters.id, { status: 'DONE' }));
	await run.before(-10, 14, () =>
		updateAction(run.as(e('skills')), ratify.id, { status: 'IN_PROGRESS' })
	);
	// The owners report how they are getting on: the ratification is held up, the steering group on its way.
	await run.before(-12, 11, () =>
		reportProgress(run.as(e('skills')), ratify.id, {
			on: run.due(12),
			note: 'The paper for the college board is drafted and agreed with the principal.',
			percent: 50,
			blockers:
				'The college board does not meet until after the due date; a special meeting has been asked for.'
		})
	);
	await run.before(-20, 15, () =>
		reportProgress(run.as(e('enterprise')), steering.id, {
			on: run.due(20),
			note: 'Terms of reference agreed with the college and the third sector interface; two young people’s places being filled through the youth forum.',
			percent: 60,
			milestone: 'Terms of reference agreed',
			status: 'IN_PROGRESS'
		})
	);
	// What the partners put into the steering group.
	await run.before(-20, 16, () =>
		commitResources(run.as(e('enterprise')), steering.id, {
			organisationId: orgIds.get('enterprise')!,
			money: 8000,
			staffDays: 30,
			note: 'A coordinator for the first year'
		})
	);
	await run.before(-21, 10, () =>
		commitResources(run.as(e('college')), steering.id, {
			organisationId: orgIds.get('college')!,
			staffDays: 15,
			note: 'Careers staff for the taster days'
		})
	);
}

async function runSpecial(run: Run, review: Run, orgIds: Map<string, string>): Promise<void> {
	const officer = run.as(e('officer'));
	const chair = run.as(e('chair'));
	await run.before(7, 15, () => issueAgenda(officer, run.id));
	await run.before(1, 9, () =>
		recordAttendance(run.as(e('fire')), run.id, { status: 'APOLOGIES' })
	);
	run.minute = -5;
	await run.present([
		e('officer'),
		e('chair'),
		e('nhs'),
		e('hscp'),
		e('police'),
		e('enterprise'),
		e('college'),
		e('tsi'),
		e('community'),
		e('tenants')
	]);
	run.minute = 0;
	await run.start();

	run.minute = Math.max(run.minute + 1, 3);
	await run.moveTo(1);
	await run.turn(
		e('officer'),
		4,
		'Took the board through the matters arising: the letters to warm spaces applicants have gone; the other actions are under way.'
	);
	await run.now(() => approveMinutes(officer, review.id, { atMeetingId: run.id }));
	await run.now(() =>
		recordDecision(chair, run.id, {
			agendaItemId: run.item(1),
			outcome: 'AGREED',
			method: 'CONSENSUS'
		})
	);

	run.minute = Math.max(run.minute + 1, 10);
	await run.moveTo(2);
	await run.turn(
		e('hscp'),
		10,
		'Set out the winter outlook: delayed discharges up by 30% last December, and 40 more care-at-home hours a week needed.'
	);
	await run.turn(e('nhs'), 6, 'Offered health board staff for weekend discharge planning.');
	await run.turn(e('chair'), 3, 'Asked partners what staff they could second.', 'QUESTION');
	await run.turn(e('tsi'), 4, 'Offered volunteer drivers for discharges home.');
	await run.turn(
		e('community'),
		2,
		'Asked that families be told earlier when someone is coming home.'
	);
	const winter = await run.now(() =>
		recordDecision(chair, run.id, {
			agendaItemId: run.item(2),
			outcome: 'AGREED',
			method: 'CONSENSUS',
			evidenceItemIds: [run.meeting.paperIds[0]]
		})
	);
	await run.now(() =>
		addAction(chair, winter.id, {
			text: 'Report delayed discharges to each board meeting this winter, starting at the next one',
			ownerOrganisationId: orgIds.get('hscp')!,
			ownerMembershipId: run.member(e('hscp')),
			dueOn: run.due(21)
		})
	);
	run.minute += 2;
	await run.now(() => closeMeeting(chair, run.id));
}

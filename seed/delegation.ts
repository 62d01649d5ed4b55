// The demo's schemes of delegation, and a Health and Wellbeing Theme Group meeting that shows them at work:
// one decision over the group's money limit, flagged for the board's ratification (still owed), and one
// within it whose health board commitment, given without delegated authority, the health board has since
// ratified. The board's own pathway decision (seed/record.ts) still waits for the college board.
import {
	createDemoMeeting,
	daysFromToday,
	storeMeetingDocuments,
	type MeetingSpec
} from './meeting.ts';
import type { DemoBoard } from './record.ts';
import { demoPeople, Run } from './run.ts';
import { recordDecision, recordRatification } from '../src/lib/server/decisions/index.ts';
import {
	issueAgenda,
	projectDocument,
	withDocumentHost
} from '../src/lib/server/meetings/index.ts';
import { closeMeeting } from '../src/lib/server/minutes/index.ts';
import { atTime, db, transaction } from '../src/lib/server/platform/index.ts';
import { writeDelegationScheme } from '../src/lib/server/structure/index.ts';
import { meetingDocuments, type DocumentKind } from '../src/lib/collab/documents.ts';
import type * as Y from 'yjs';

const e = (local: string) => `${local}@demo.example`;

const PLAN = 'Changes to the Local Outcomes Improvement Plan or its outcomes';
const SERVICES = 'Starting a new service, or closing one, that more than one partner funds';

type Scheme = { mayDecide: string; financialLimitPounds: number | null; reservedMatters: string[] };
const THEME: Scheme = {
	mayDecide:
		'Agree the theme’s delivery plan and the actions under it; commit partners’ staff time and funds already set aside for the theme; ask partners for reports.',
	financialLimitPounds: 50_000,
	reservedMatters: [PLAN, SERVICES]
};
const FORUM: Scheme = {
	mayDecide:
		'Agree the locality plan’s priorities and send them to the board or a theme group; award small grants from the locality fund.',
	financialLimitPounds: 5_000,
	reservedMatters: [PLAN, 'Spending from the locality fund outside the locality']
};
/** Each body's scheme by name: the board's written twice, so its page shows an earlier version. */
const SCHEMES: Record<string, Scheme[]> = {
	'Strathmuir Partnership Board': [
		{
			mayDecide:
				'Set and review the Local Outcomes Improvement Plan; take shared decisions on partners’ pooled resources; hold partners to account for delivering the plan.',
			financialLimitPounds: 150_000,
			reservedMatters: ['Commitments binding a partner’s own budget beyond the current year']
		},
		{
			mayDecide:
				'Set and review the Local Outcomes Improvement Plan; take shared decisions on partners’ pooled resources; hold partners to account for delivering the plan.',
			financialLimitPounds: 250_000,
			reservedMatters: [
				'Commitments binding a partner’s own budget beyond the current year',
				'Transfers of staff between partners'
			]
		}
	],
	'Strathmuir Delivery Group': [THEME],
	'Health and Wellbeing Theme Group': [THEME],
	'Community Safety Theme Group': [THEME],
	'Economy and Skills Theme Group': [THEME],
	'Children and Young People Theme Group': [THEME],
	'Northfield Locality Forum': [FORUM],
	'Riverside Locality Forum': [FORUM],
	'Eastwood Area Partnership': [FORUM]
};

/** Written by the partnership officer before the year's record begins; the board's revised since. */
export async function writeDemoSchemes(board: DemoBoard): Promise<void> {
	const people = await demoPeople(board.partnershipId);
	const officer = people.get(e('officer'))!.actor;
	const bodies = await db().body.findMany({ where: { partnershipId: board.partnershipId } });
	for (const body of bodies)
		for (const [i, scheme] of (SCHEMES[body.name] ?? []).entries())
			await atTime(daysFromToday(i ? -150 : -330, 11), () =>
				writeDelegationScheme(officer, body.id, scheme)
			);
}

const THEME_MEETING = (startsAt: Date): MeetingSpec => ({
	title: 'Health and Wellbeing Theme Group',
	startsAt,
	durationMinutes: 90,
	place: 'Strathmuir Health Centre, seminar room',
	agenda: [
		['Welcome, apologies and declarations of interest', 'INFORMATION', 5, null],
		['Community link workers in GP practices', 'DECISION', 30, 'hscp'],
		['Stop-smoking drop-ins in Northfield', 'DECISION', 25, 'nhs']
	],
	papers: [
		[
			'Community link workers: a costed proposal',
			'FINANCIAL',
			'hscp',
			1,
			'Two link workers for two years in the four Northfield and Eastwood practices: £80,000 from the theme’s fund and the partnership’s.'
		]
	],
	drafts: {
		1: 'The group agrees to fund two community link workers in GP practices in Northfield and Eastwood for two years, at £80,000, subject to the board’s ratification.',
		2: 'The group agrees weekly stop-smoking drop-ins at the Northfield community hub for a year, at £12,000, with health improvement staff running them.'
	}
});

/** Three weeks ago: the theme group meets; one decision over its limit, one within. */
export async function recordDemoThemeGroup(board: DemoBoard): Promise<void> {
	const people = await demoPeople(board.partnershipId);
	const group = await db().body.findFirstOrThrow({
		where: { partnershipId: board.partnershipId, name: 'Health and Wellbeing Theme Group' }
	});
	const officerId = people.get(e('officer'))!.actor.userId;
	const meeting = await transaction((tx) =>
		createDemoMeeting(tx, THEME_MEETING(daysFromToday(-21, 14)), {
			partnershipId: board.partnershipId,
			bodyId: group.id,
			createdById: officerId,
			orgIds: board.orgIds
		})
	);
	const names = meetingDocuments(meeting.meetingId);
	await projectDocument(names.agenda, meeting.documents.agenda);
	await projectDocument(names.evidence, meeting.documents.evidence);
	const startsAt = (await db().meeting.findUniqueOrThrow({ where: { id: meeting.meetingId } }))
		.startsAt;
	// The group's chair is the health board's director of public health.
	const run = new Run(meeting, startsAt, people, e('nhs'));
	const docs = new Map<string, Y.Doc>(
		(Object.keys(names) as DocumentKind[]).map((k) => [names[k], meeting.documents[k]])
	);
	const host = {
		withDocument: async <T>(name: string, read: (doc: Y.Doc) => T | Promise<T>) =>
			read(docs.get(name)!)
	};
	const officer = run.as(e('officer'));
	const chair = run.as(e('nhs'));
	await withDocumentHost(host, async () => {
		await run.before(8, 16, () => issueAgenda(officer, run.id));
		await run.present([
			e('nhs'),
			e('hscp'),
			e('health.improvement'),
			e('volunteering'),
			e('officer')
		]);
		await run.start();
		run.minute = 5;
		await run.moveTo(1);
		await run.turn(e('hscp'), 8, 'Presented the costed proposal for two link workers.');
		await run.turn(
			e('volunteering'),
			4,
			'Asked that the link workers refer people to the voluntary groups already running in both areas.',
			'QUESTION'
		);
		run.minute += 1;
		await run.now(() =>
			recordDecision(chair, run.id, {
				agendaItemId: run.item(1),
				outcome: 'AGREED',
				method: 'CONSENSUS',
				evidenceItemIds: [meeting.paperIds[0]],
				delegation: { amountPounds: 80_000, reservedMatters: [] }
			})
		);
		run.minute = 40;
		await run.moveTo(2);
		await run.turn(e('health.improvement'), 6, 'Set out the drop-ins and who would run them.');
		run.minute += 1;
		const dropIns = await run.now(() =>
			recordDecision(chair, run.id, {
				agendaItemId: run.item(2),
				outcome: 'AGREED',
				method: 'CONSENSUS',
				commitments: [
					{
						organisationId: board.orgIds.get('nhs')!,
						membershipId: run.member(e('health.improvement')),
						text: 'Two health improvement staff to run the drop-ins each week for a year.'
					}
				],
				delegation: { amountPounds: 12_000, reservedMatters: [] }
			})
		);
		run.minute = 70;
		await run.now(() => closeMeeting(chair, run.id));
		// The health board ratified its staff's commitment a fortnight later.
		await run.before(-14, 12, () =>
			recordRatification(run.as(e('nhs')), dropIns.id, {
				organisationId: board.orgIds.get('nhs')!,
				ratifiedOn: run.due(13),
				ratifiedBy: 'NHS Strathmuir board',
				reference: 'NHSS/26/088'
			})
		);
	});
	await transaction((tx) => storeMeetingDocuments(tx, meeting));
}

// Two joint meetings of the Health and Wellbeing Theme Group and the Northfield Locality Forum: one past,
// where both bodies were quorate and took a decision together, and one upcoming. Each body's members are
// seated and each body's quorum is counted from its own seats.
import {
	createDemoMeeting,
	daysFromToday,
	storeMeetingDocuments,
	type MeetingSpec
} from './meeting.ts';
import type { DemoBoard } from './record.ts';
import { demoPeople, Run } from './run.ts';
import { recordDecision } from '../src/lib/server/decisions/index.ts';
import {
	issueAgenda,
	projectDocument,
	withDocumentHost
} from '../src/lib/server/meetings/index.ts';
import { closeMeeting } from '../src/lib/server/minutes/index.ts';
import { db, transaction } from '../src/lib/server/platform/index.ts';
import { meetingDocuments, type DocumentKind } from '../src/lib/collab/documents.ts';
import type * as Y from 'yjs';

const e = (local: string) => `${local}@demo.example`;

const JOINT_MEETING = (startsAt: Date, upcoming: boolean): MeetingSpec => ({
	title: upcoming
		? 'Joint meeting: health and wellbeing in Northfield (autumn)'
		: 'Joint meeting: health and wellbeing in Northfield',
	startsAt,
	durationMinutes: 90,
	place: 'Northfield Community Hub, main hall',
	agenda: upcoming
		? [
				['Welcome, apologies and declarations of interest', 'INFORMATION', 5, null],
				['Walking groups: the first six months', 'DISCUSSION', 30, 'nhs']
			]
		: [
				['Welcome, apologies and declarations of interest', 'INFORMATION', 5, null],
				['Community walking groups in Northfield', 'DECISION', 30, 'nhs']
			],
	papers: [],
	drafts: upcoming
		? {}
		: {
				1: 'The theme group and the forum agree together to start three community walking groups in Northfield, led by volunteers with health improvement staff, and to hear back from residents in six months.'
			}
});

export async function recordDemoJointMeetings(board: DemoBoard): Promise<void> {
	const people = await demoPeople(board.partnershipId);
	const [group, forum] = await Promise.all(
		['Health and Wellbeing Theme Group', 'Northfield Locality Forum'].map((name) =>
			db().body.findFirstOrThrow({ where: { partnershipId: board.partnershipId, name } })
		)
	);
	const officerId = people.get(e('officer'))!.actor.userId;
	const where = {
		partnershipId: board.partnershipId,
		bodyId: group.id,
		createdById: officerId,
		orgIds: board.orgIds
	};
	const [past, upcoming] = await transaction(async (tx) => {
		const made = [
			await createDemoMeeting(tx, JOINT_MEETING(daysFromToday(-21, 18), false), where),
			await createDemoMeeting(tx, JOINT_MEETING(daysFromToday(24, 18), true), where)
		];
		for (const m of made)
			await tx.meetingBody.create({ data: { meetingId: m.meetingId, bodyId: forum.id } });
		return made;
	});
	for (const meeting of [past, upcoming]) {
		const names = meetingDocuments(meeting.meetingId);
		await projectDocument(names.agenda, meeting.documents.agenda);
		await projectDocument(names.evidence, meeting.documents.evidence);
	}
	const startsAt = (await db().meeting.findUniqueOrThrow({ where: { id: past.meetingId } }))
		.startsAt;
	const run = new Run(past, startsAt, people, e('nhs'));
	const names = meetingDocuments(past.meetingId);
	const docs = new Map<string, Y.Doc>(
		(Object.keys(names) as DocumentKind[]).map((k) => [names[k], past.documents[k]])
	);
	const host = {
		withDocument: async <T>(name: string, read: (doc: Y.Doc) => T | Promise<T>) =>
			read(docs.get(name)!)
	};
	const officer = run.as(e('officer'));
	await withDocumentHost(host, async () => {
		await run.before(8, 16, () => issueAgenda(officer, run.id));
		// Three of the group's voting members and all three of the forum's: both quorate.
		await run.present([
			e('nhs'),
			e('hscp'),
			e('health.improvement'),
			e('northfield'),
			e('community'),
			e('tenants'),
			e('officer')
		]);
		await run.start();
		run.minute = 5;
		await run.moveTo(1);
		await run.turn(
			e('health.improvement'),
			8,
			'Set out three walking routes and who would lead them.'
		);
		await run.turn(
			e('tenants'),
			4,
			'Asked that one route start from the tenants’ hall, for people who cannot walk far.',
			'QUESTION'
		);
		run.minute += 1;
		await run.now(() =>
			recordDecision(run.as(e('nhs')), run.id, {
				agendaItemId: run.item(1),
				outcome: 'AGREED',
				method: 'CONSENSUS',
				takenBy: [group.id, forum.id]
			})
		);
		run.minute = 45;
		await run.now(() => closeMeeting(run.as(e('nhs')), run.id));
	});
	await transaction(async (tx) => {
		await storeMeetingDocuments(tx, past);
		await storeMeetingDocuments(tx, upcoming);
	});
	// The upcoming one's agenda is out: both bodies' members have been told.
	await issueAgenda(officer, upcoming.meetingId);
}

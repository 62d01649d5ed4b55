// The demo partnership's next board meeting, with its shared documents already written: an agenda in the
// shape the research recommends (scrutiny and decisions, not only information), papers from several
// partners, and draft wording for the decisions. Stored as each document's first snapshot.
import * as Y from 'yjs';
import { addAgendaItem, AGENDA_FIELDS, agendaItems } from '../collab/agenda.ts';
import { decisionDrafts } from '../collab/decisions.ts';
import { meetingDocuments, type DocumentKind } from '../collab/documents.ts';
import { addEvidenceItem, EVIDENCE_FIELDS, evidenceItems } from '../collab/evidence.ts';
import { minutesText } from '../collab/minutes.ts';
import type { Tx } from './db.ts';
import type { ItemPurpose } from '../vocabulary.ts';

type Item = [title: string, purpose: ItemPurpose, minutes: number, presenter: string | null];
const AGENDA: Item[] = [
	['Welcome, apologies and declarations of interest', 'INFORMATION', 5, null],
	['Minutes of the last meeting and matters arising', 'DECISION', 10, 'council'],
	['Child poverty action plan: annual report', 'SCRUTINY', 30, 'council'],
	['Winter plan for community safety', 'DECISION', 25, 'police'],
	['Northfield Locality Forum priorities: warm spaces and bus routes', 'DISCUSSION', 20, 'ncc'],
	['Performance report: Local Outcomes Improvement Plan', 'INFORMATION', 15, 'council']
];

type Paper = [title: string, kind: string, source: string, item: number, summary: string];
const PAPERS: Paper[] = [
	[
		'Child poverty in Strathmuir: local figures 2025/26',
		'STATISTICS',
		'council',
		2,
		'One child in four lives in relative poverty after housing costs; highest in Northfield and Eastwood.'
	],
	[
		'Winter demand and fire safety visits: last three winters',
		'PERFORMANCE',
		'fire',
		3,
		'Home fire safety visits fell by a fifth last winter while dwelling fires rose in the same wards.'
	],
	[
		'Northfield residents’ survey on warm spaces',
		'CONSULTATION',
		'ncc',
		4,
		'312 residents answered; two in three want a warm space within walking distance on weekday evenings.'
	],
	[
		'Equality impact assessment of the winter plan',
		'EQUALITY_IMPACT',
		'council',
		3,
		'Older people living alone and disabled residents are most affected by reduced evening bus services.'
	]
];

const DRAFTS: Record<number, string> = {
	1: 'The board approves the minutes of its last meeting as a correct record.',
	3: 'The board agrees the winter plan for community safety, with partners committing the staff time set out in section 4, and asks for a progress report in March.'
};

function text(value: string): Y.Text {
	const t = new Y.Text();
	t.insert(0, value);
	return t;
}

/** Builds the four documents of the demo meeting. */
export function demoMeetingDocuments(orgIds: Map<string, string>): Record<DocumentKind, Y.Doc> {
	const agenda = new Y.Doc();
	const itemIds = AGENDA.map(([title, purpose, minutes, presenter]) => {
		const id = addAgendaItem(agenda);
		const item = agendaItems(agenda).get(id)!;
		(item.get(AGENDA_FIELDS.title) as Y.Text).insert(0, title);
		item.set(AGENDA_FIELDS.purpose, purpose);
		item.set(AGENDA_FIELDS.minutes, minutes);
		item.set(AGENDA_FIELDS.presenterOrganisationId, presenter ? orgIds.get(presenter)! : null);
		return id;
	});

	const evidence = new Y.Doc();
	for (const [title, kind, source, item, summary] of PAPERS) {
		const id = addEvidenceItem(evidence);
		const paper = evidenceItems(evidence).get(id)!;
		(paper.get(EVIDENCE_FIELDS.title) as Y.Text).insert(0, title);
		(paper.get(EVIDENCE_FIELDS.summary) as Y.Text).insert(0, summary);
		paper.set(EVIDENCE_FIELDS.kind, kind);
		paper.set(EVIDENCE_FIELDS.sourceOrganisationId, orgIds.get(source)!);
		paper.set(EVIDENCE_FIELDS.agendaItemId, itemIds[item]);
		paper.set(EVIDENCE_FIELDS.geography, 'Strathmuir');
	}

	const decisions = new Y.Doc();
	for (const [index, wording] of Object.entries(DRAFTS))
		decisionDrafts(decisions).set(itemIds[Number(index)], text(wording));

	const minutes = new Y.Doc();
	minutesText(minutes).insert(0, 'Present:\n\nApologies:\n\n1. Welcome\n');
	return { agenda, evidence, decisions, minutes };
}

/** Stores the demo meeting and its documents as their first snapshots; returns them for projection. */
export async function seedDemoMeeting(
	tx: Tx,
	where: { partnershipId: string; bodyId: string; createdById: string; orgIds: Map<string, string> }
): Promise<{ meetingId: string; documents: [string, Y.Doc][] }> {
	const startsAt = new Date();
	startsAt.setDate(startsAt.getDate() + 14);
	startsAt.setHours(10, 0, 0, 0);
	const meeting = await tx.meeting.create({
		data: {
			partnershipId: where.partnershipId,
			bodyId: where.bodyId,
			title: 'Partnership Board',
			startsAt,
			durationMinutes: 120,
			place: 'Council Chambers, Strathmuir',
			onlineLink: 'https://meet.example.org/strathmuir-board',
			createdById: where.createdById
		}
	});
	const docs = demoMeetingDocuments(where.orgIds);
	const names = meetingDocuments(meeting.id);
	const documents: [string, Y.Doc][] = [];
	for (const kind of Object.keys(docs) as DocumentKind[]) {
		await tx.docSnapshot.create({
			data: { docName: names[kind], seq: 0, state: Buffer.from(Y.encodeStateAsUpdate(docs[kind])) }
		});
		documents.push([names[kind], docs[kind]]);
	}
	return { meetingId: meeting.id, documents };
}

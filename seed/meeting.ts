// The demo partnership's board meetings and their shared documents: an agenda in the shape the research
// recommends (scrutiny and decisions, not only information), papers from several partners, and draft
// wording for the decisions. The documents are built here, served to the commands that record the past
// meetings (seed/record.ts), then stored as each document's first snapshot.
import * as Y from 'yjs';
import { addAgendaItem, AGENDA_FIELDS, agendaItems } from '../src/lib/collab/agenda.ts';
import { decisionDrafts } from '../src/lib/collab/decisions.ts';
import { meetingDocuments, type DocumentKind } from '../src/lib/collab/documents.ts';
import { addEvidenceItem, EVIDENCE_FIELDS, evidenceItems } from '../src/lib/collab/evidence.ts';
import { replaceMinutes } from '../src/lib/collab/minutes.ts';
import type { Tx } from '../src/lib/server/platform/index.ts';
import type { Confidentiality, EvidenceKind, ItemPurpose } from '../src/lib/vocabulary.ts';

type Item = [title: string, purpose: ItemPurpose, minutes: number, presenter: string | null];
type Paper = [
	title: string,
	kind: EvidenceKind,
	source: string,
	item: number,
	summary: string,
	confidentiality?: Confidentiality
];

export interface MeetingSpec {
	title: string;
	startsAt: Date;
	durationMinutes: number;
	place: string;
	agenda: Item[];
	/** Indexes of the items taken in private. */
	privateItems?: number[];
	papers: Paper[];
	/** Draft decision wording, by item index. */
	drafts: Record<number, string>;
	/** What the minutes document holds before the meeting. */
	minutes?: string;
}

export interface DemoMeeting {
	meetingId: string;
	itemIds: string[];
	paperIds: string[];
	documents: Record<DocumentKind, Y.Doc>;
}

/** A date `days` from today at the given time of day (local time, like a person scheduling it). */
export function daysFromToday(days: number, hours: number, minutes = 0): Date {
	const at = new Date();
	at.setDate(at.getDate() + days);
	at.setHours(hours, minutes, 0, 0);
	return at;
}

/** The board's next meeting: two weeks ahead, its agenda issued (by seed/record.ts). */
export const UPCOMING_MEETING = (): MeetingSpec => ({
	title: 'Partnership Board',
	startsAt: daysFromToday(14, 10),
	durationMinutes: 120,
	place: 'Council Chambers, Strathmuir',
	agenda: [
		['Welcome, apologies and declarations of interest', 'INFORMATION', 5, null],
		['Minutes of the last meeting and matters arising', 'DECISION', 10, 'council'],
		['Child poverty action plan: annual report', 'SCRUTINY', 25, 'council'],
		['Winter plan for community safety', 'DECISION', 25, 'police'],
		['Northfield Locality Forum priorities: warm spaces and bus routes', 'DISCUSSION', 20, 'ncc'],
		['Performance report: Local Outcomes Improvement Plan', 'PERFORMANCE', 10, 'council'],
		['Northfield community hub: lease negotiations', 'DISCUSSION', 10, 'council']
	],
	// 105 minutes in all, leaving room in the two hours.
	privateItems: [6],
	papers: [
		[
			'Child poverty in Strathmuir: local figures 2025/26',
			'STATISTICS',
			'council',
			2,
			'One child in four lives in relative poverty after housing costs; highest in Northfield and Eastwood.',
			'PUBLIC'
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
	],
	drafts: {
		1: 'The board approves the minutes of its last meeting as a correct record.',
		3: 'The board agrees the winter plan for community safety, with partners committing the staff time set out in section 4, and asks for a progress report in March.'
	},
	minutes: 'Present:\n\nApologies:\n\n1. Welcome\n'
});

function text(value: string): Y.Text {
	const t = new Y.Text();
	t.insert(0, value);
	return t;
}

/** Builds a meeting's four documents; gives the ids of its items and papers, in the spec's order. */
export function buildMeetingDocuments(spec: MeetingSpec, orgIds: Map<string, string>) {
	const agenda = new Y.Doc();
	const itemIds = spec.agenda.map(([title, purpose, minutes, presenter], index) => {
		const id = addAgendaItem(agenda);
		const item = agendaItems(agenda).get(id)!;
		(item.get(AGENDA_FIELDS.title) as Y.Text).insert(0, title);
		item.set(AGENDA_FIELDS.purpose, purpose);
		item.set(AGENDA_FIELDS.minutes, minutes);
		item.set(AGENDA_FIELDS.presenterOrganisationId, presenter ? orgIds.get(presenter)! : null);
		item.set(AGENDA_FIELDS.private, spec.privateItems?.includes(index) ?? false);
		return id;
	});

	const evidence = new Y.Doc();
	const paperIds = spec.papers.map(([title, kind, source, item, summary, confidentiality]) => {
		const id = addEvidenceItem(evidence);
		const paper = evidenceItems(evidence).get(id)!;
		(paper.get(EVIDENCE_FIELDS.title) as Y.Text).insert(0, title);
		(paper.get(EVIDENCE_FIELDS.summary) as Y.Text).insert(0, summary);
		paper.set(EVIDENCE_FIELDS.kind, kind);
		paper.set(EVIDENCE_FIELDS.sourceOrganisationId, orgIds.get(source)!);
		paper.set(EVIDENCE_FIELDS.agendaItemId, itemIds[item]);
		paper.set(EVIDENCE_FIELDS.geography, 'Strathmuir');
		paper.set(EVIDENCE_FIELDS.confidentiality, confidentiality ?? 'PARTNERS');
		return id;
	});

	const decisions = new Y.Doc();
	for (const [index, wording] of Object.entries(spec.drafts))
		decisionDrafts(decisions).set(itemIds[Number(index)], text(wording));

	const minutes = new Y.Doc();
	if (spec.minutes) replaceMinutes(minutes, spec.minutes);
	return { documents: { agenda, evidence, decisions, minutes }, itemIds, paperIds };
}

/** Stores the meeting (a draft) and builds its documents, not yet stored: see storeMeetingDocuments. */
export async function createDemoMeeting(
	tx: Tx,
	spec: MeetingSpec,
	where: { partnershipId: string; bodyId: string; createdById: string; orgIds: Map<string, string> }
): Promise<DemoMeeting> {
	const meeting = await tx.meeting.create({
		data: {
			partnershipId: where.partnershipId,
			bodyId: where.bodyId,
			title: spec.title,
			startsAt: spec.startsAt,
			durationMinutes: spec.durationMinutes,
			place: spec.place,
			onlineLink: 'https://meet.example.org/strathmuir-board',
			createdById: where.createdById,
			createdAt: new Date(Math.min(Date.now(), spec.startsAt.getTime() - 21 * 86_400_000))
		}
	});
	return { meetingId: meeting.id, ...buildMeetingDocuments(spec, where.orgIds) };
}

/** Each document's state as its first snapshot, the way the sync server would have stored it. */
export async function storeMeetingDocuments(tx: Tx, meeting: DemoMeeting): Promise<void> {
	const names = meetingDocuments(meeting.meetingId);
	for (const kind of Object.keys(meeting.documents) as DocumentKind[]) {
		await tx.docSnapshot.create({
			data: {
				docName: names[kind],
				seq: 0,
				state: Buffer.from(Y.encodeStateAsUpdate(meeting.documents[kind]))
			}
		});
	}
}

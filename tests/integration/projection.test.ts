// The projection against a real database file: rows follow the documents, malformed entries are left out,
// removed items are withdrawn rather than deleted, and nothing crosses into another meeting.
import { rmSync } from 'node:fs';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agendaItems } from '../../src/lib/collab/agenda.ts';
import { documentName, restrictedEvidenceName } from '../../src/lib/collab/documents.ts';
import { evidenceItems, restrictedEvidenceItem } from '../../src/lib/collab/evidence.ts';
import { makePartnership, type Fixture } from '../support/factories.ts';
import { freshDataDir, openDb, type TestDb, useDataDir, removeDataDir } from '../support/server.ts';

let dataDir: string;
let db: TestDb;
let fx: Fixture;
let other: Fixture;
let projectDocument: (name: string, doc: Y.Doc) => Promise<void>;
let disconnect: () => Promise<void>;

beforeAll(async () => {
	dataDir = await freshDataDir();
	useDataDir(dataDir);
	process.env.LOG_LEVEL = 'silent';
	({ projectDocument } = await import('../../src/lib/server/meetings/index.ts'));
	({ disconnect } = await import('../../src/lib/server/platform/index.ts'));
	db = openDb(dataDir);
	fx = await makePartnership(db, 'alpha');
	other = await makePartnership(db, 'beta');
});
afterAll(async () => {
	await disconnect?.();
	await db?.$disconnect();
	await removeDataDir(dataDir);
});

let counter = 0;
const newId = () => `id${String(++counter).padStart(22, '0')}`;

async function meetingOf(f: Fixture, agendaIssuedAt: Date | null = null) {
	return db.meeting.create({
		data: {
			partnershipId: f.partnership.id,
			bodyId: f.bodies.board.id,
			title: 'Board',
			startsAt: new Date('2026-06-01T09:00:00Z'),
			createdById: f.members.SECRETARIAT.userId,
			agendaIssuedAt,
			status: agendaIssuedAt ? 'AGENDA_ISSUED' : 'DRAFT'
		}
	});
}

function entry(map: Y.Map<Y.Map<unknown>>, key: string, fields: Record<string, unknown>) {
	const item = new Y.Map<unknown>();
	map.set(key, item);
	for (const [name, value] of Object.entries(fields)) {
		if (['title', 'notes', 'summary'].includes(name)) {
			const text = new Y.Text();
			text.insert(0, String(value));
			item.set(name, text);
		} else item.set(name, value);
	}
	return item;
}

describe('projecting the agenda', () => {
	it('creates rows in order, updates them, and withdraws removed items without deleting them', async () => {
		const meeting = await meetingOf(fx);
		const [a, b, c] = [newId(), newId(), newId()];
		const doc = new Y.Doc();
		const items = agendaItems(doc);
		entry(items, a, {
			title: 'Minutes of last meeting',
			purpose: 'DECISION',
			position: 2,
			private: true
		});
		entry(items, b, {
			title: 'Welcome',
			purpose: 'INFORMATION',
			position: 1,
			minutes: 5,
			presenterOrganisationId: fx.organisations.council.id
		});
		entry(items, c, { title: 'Too long', purpose: 'DISCUSSION', position: 3, minutes: 9000 });
		const name = documentName(meeting.id, 'agenda');
		await projectDocument(name, doc);

		const rows = () =>
			db.agendaItem.findMany({
				where: { meetingId: meeting.id },
				orderBy: [{ withdrawn: 'asc' }, { order: 'asc' }]
			});
		expect((await rows()).map((r) => [r.id, r.order, r.title, r.withdrawn])).toEqual([
			[b, 1, 'Welcome', false],
			[a, 2, 'Minutes of last meeting', false]
		]);
		expect((await rows())[0]).toMatchObject({
			minutes: 5,
			presenterOrganisationId: fx.organisations.council.id,
			private: false
		});
		expect((await rows())[1]).toMatchObject({ private: true });

		items.get(a)!.set('position', 0);
		items.delete(b);
		await projectDocument(name, doc);
		expect((await rows()).map((r) => [r.id, r.order, r.withdrawn])).toEqual([
			[a, 1, false],
			[b, 1, true]
		]);

		entry(items, b, { title: 'Welcome back', purpose: 'INFORMATION', position: 5 });
		items.get(a)!.set('private', false);
		await projectDocument(name, doc);
		expect((await db.agendaItem.findUnique({ where: { id: a } }))!.private).toBe(false);
		expect((await db.agendaItem.findUnique({ where: { id: b } }))!).toMatchObject({
			withdrawn: false,
			title: 'Welcome back',
			order: 2
		});
	});

	it('leaves an item’s row as it was while its entry is malformed', async () => {
		const meeting = await meetingOf(fx);
		const a = newId();
		const doc = new Y.Doc();
		const item = entry(agendaItems(doc), a, { title: 'Budget', purpose: 'DECISION', minutes: 20 });
		const name = documentName(meeting.id, 'agenda');
		await projectDocument(name, doc);
		item.set('purpose', 'NONSENSE');
		await projectDocument(name, doc);
		expect(await db.agendaItem.findUnique({ where: { id: a } })).toMatchObject({
			purpose: 'DECISION',
			withdrawn: false
		});
	});

	it('never touches another partnership’s meeting, whatever ids or presenters the document names', async () => {
		const ours = await meetingOf(fx);
		const theirs = await meetingOf(other);
		const shared = newId();
		const theirDoc = new Y.Doc();
		entry(agendaItems(theirDoc), shared, { title: 'Theirs', purpose: 'DECISION' });
		await projectDocument(documentName(theirs.id, 'agenda'), theirDoc);

		const doc = new Y.Doc();
		entry(agendaItems(doc), shared, { title: 'Hijacked', purpose: 'DECISION' });
		const borrowed = newId();
		entry(agendaItems(doc), borrowed, {
			title: 'Borrowed presenter',
			purpose: 'DECISION',
			presenterOrganisationId: other.organisations.council.id
		});
		await projectDocument(documentName(ours.id, 'agenda'), doc);
		expect(await db.agendaItem.findUnique({ where: { id: shared } })).toMatchObject({
			meetingId: theirs.id,
			title: 'Theirs'
		});
		expect(await db.agendaItem.count({ where: { meetingId: ours.id } })).toBe(0);
	});

	it('ignores documents of meetings that do not exist and names that are not ours', async () => {
		const doc = new Y.Doc();
		entry(agendaItems(doc), newId(), { title: 'Orphan', purpose: 'DECISION' });
		await expect(projectDocument(documentName('z'.repeat(24), 'agenda'), doc)).resolves.toBe(
			undefined
		);
		await expect(projectDocument('not-a-document', doc)).resolves.toBe(undefined);
	});
});

describe('projecting the evidence pack', () => {
	it('creates papers, marks those added after the agenda was issued as late, and withdraws removed ones', async () => {
		const meeting = await meetingOf(fx);
		const [early, late] = [newId(), newId()];
		const doc = new Y.Doc();
		const items = evidenceItems(doc);
		entry(items, early, {
			title: 'Early paper',
			kind: 'RESEARCH',
			confidentiality: 'PUBLIC',
			date: '2026-05-01'
		});
		const name = documentName(meeting.id, 'evidence');
		await projectDocument(name, doc);
		await db.meeting.update({
			where: { id: meeting.id },
			data: { status: 'AGENDA_ISSUED', agendaIssuedAt: new Date() }
		});
		entry(items, late, { title: 'Late paper', kind: 'FINANCIAL' });
		items.get(early)!.set('geography', 'West');
		await projectDocument(name, doc);

		const rows = await db.evidenceItem.findMany({ where: { meetingId: meeting.id } });
		expect(rows.find((r) => r.id === early)).toMatchObject({
			late: false,
			geography: 'West',
			confidentiality: 'PUBLIC',
			date: new Date('2026-05-01T00:00:00Z')
		});
		expect(rows.find((r) => r.id === late)).toMatchObject({
			late: true,
			confidentiality: 'PARTNERS'
		});

		items.delete(early);
		await projectDocument(name, doc);
		expect(await db.evidenceItem.findUnique({ where: { id: early } })).toMatchObject({
			withdrawn: true
		});
	});

	it('never creates a restricted paper from the pack, nor overwrites or withdraws one', async () => {
		const meeting = await meetingOf(fx);
		const restricted = await db.evidenceItem.create({
			data: {
				id: newId(),
				meetingId: meeting.id,
				title: 'Safeguarding case review',
				confidentiality: 'RESTRICTED',
				allowedOrganisationIds: [fx.organisations.health.id]
			}
		});
		const claimed = newId();
		const doc = new Y.Doc();
		entry(evidenceItems(doc), claimed, {
			title: 'Claims restriction',
			confidentiality: 'RESTRICTED'
		});
		entry(evidenceItems(doc), restricted.id, { title: 'Now public!', confidentiality: 'PUBLIC' });
		await projectDocument(documentName(meeting.id, 'evidence'), doc);
		expect(await db.evidenceItem.findUnique({ where: { id: claimed } })).toBeNull();
		expect(await db.evidenceItem.findUnique({ where: { id: restricted.id } })).toMatchObject({
			title: 'Safeguarding case review',
			confidentiality: 'RESTRICTED',
			withdrawn: false
		});
	});

	it('updates a restricted paper from its own document, but not who may see it', async () => {
		const meeting = await meetingOf(fx);
		const allowed = JSON.stringify([fx.organisations.health.id]);
		const paper = await db.evidenceItem.create({
			data: {
				id: newId(),
				meetingId: meeting.id,
				title: 'Case review',
				confidentiality: 'RESTRICTED',
				allowedOrganisationIds: allowed
			}
		});
		const doc = new Y.Doc();
		const item = restrictedEvidenceItem(doc);
		const summary = new Y.Text();
		summary.insert(0, 'Three families affected');
		item.set('summary', summary);
		item.set('kind', 'LIVED_EXPERIENCE');
		item.set('confidentiality', 'PUBLIC');
		item.set('allowedOrganisationIds', JSON.stringify([fx.organisations.tsi.id]));
		await projectDocument(restrictedEvidenceName(meeting.id, paper.id), doc);
		expect(await db.evidenceItem.findUnique({ where: { id: paper.id } })).toMatchObject({
			title: 'Case review',
			summary: 'Three families affected',
			kind: 'LIVED_EXPERIENCE',
			confidentiality: 'RESTRICTED',
			allowedOrganisationIds: allowed
		});
	});
});

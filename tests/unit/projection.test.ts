import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { agendaItems } from '../../src/lib/collab/agenda.ts';
import { evidenceItems, restrictedEvidenceItem } from '../../src/lib/collab/evidence.ts';
import {
	readAgenda,
	readEvidencePack,
	readRestrictedPaper
} from '../../src/lib/server/meetings/index.ts';

const council = 'c'.repeat(24);
const health = 'h'.repeat(24);
const orgs = new Set([council, health]);
const id = (n: number) => `item${String(n).padStart(20, '0')}`;

function text(value: string): Y.Text {
	const t = new Y.Text();
	t.insert(0, value);
	return t;
}

/** Adds an entry the way the editors do: a Y.Map of fields, Y.Text for the written ones. */
function put(map: Y.Map<Y.Map<unknown>>, key: string, fields: Record<string, unknown>) {
	const entry = new Y.Map<unknown>();
	map.set(key, entry);
	for (const [name, value] of Object.entries(fields))
		entry.set(
			name,
			typeof value === 'string' && ['title', 'notes', 'summary'].includes(name)
				? text(value)
				: value
		);
	return entry;
}

describe('reading the agenda', () => {
	it('ranks items by position, then id, and reads their fields', () => {
		const doc = new Y.Doc();
		const items = agendaItems(doc);
		put(items, id(2), {
			title: 'Budget',
			purpose: 'DECISION',
			position: 2,
			minutes: 30,
			presenterOrganisationId: council,
			notes: ' Paper A ',
			private: true
		});
		put(items, id(1), { title: 'Welcome', purpose: 'INFORMATION', position: 1 });
		put(items, id(3), { title: 'Tie later id', purpose: 'DISCUSSION', position: 2 });
		const { rows, skipped } = readAgenda(doc, orgs);
		expect(skipped).toEqual([]);
		expect(rows.map((r) => [r.id, r.order])).toEqual([
			[id(1), 1],
			[id(2), 2],
			[id(3), 3]
		]);
		expect(rows[1]).toEqual({
			id: id(2),
			order: 2,
			title: 'Budget',
			purpose: 'DECISION',
			presenterOrganisationId: council,
			minutes: 30,
			notes: 'Paper A',
			private: true
		});
		// Items written before the flag existed are public.
		expect(rows[0]).toMatchObject({
			presenterOrganisationId: null,
			minutes: null,
			notes: '',
			private: false
		});
	});

	it.each([
		['an unknown purpose', { purpose: 'GOSSIP' }, 'purpose'],
		['minutes over 600', { minutes: 601 }, 'minutes'],
		['fractional minutes', { minutes: 2.5 }, 'minutes'],
		['negative minutes', { minutes: -1 }, 'minutes'],
		[
			'a presenter from another partnership',
			{ presenterOrganisationId: 'x'.repeat(24) },
			'presenterOrganisationId'
		],
		['a title that is a number', { title: 42 }, 'title'],
		['a private flag that is not yes or no', { private: 'yes' }, 'private']
	])('skips an item with %s and keeps the others', (_, bad, field) => {
		const doc = new Y.Doc();
		const items = agendaItems(doc);
		put(items, id(1), { title: 'Good', purpose: 'DECISION', position: 1 });
		const entry = put(items, id(2), { title: 'Bad', purpose: 'DECISION', position: 2 });
		for (const [k, v] of Object.entries(bad)) entry.set(k, v);
		const { rows, skipped, ids } = readAgenda(doc, orgs);
		expect(rows.map((r) => r.id)).toEqual([id(1)]);
		expect(skipped).toHaveLength(1);
		expect(skipped[0].id).toBe(id(2));
		expect(Object.keys(skipped[0].problems)).toContain(field);
		expect(ids.has(id(2))).toBe(true);
	});

	it('skips ids that are not ours and entries that are not maps', () => {
		const doc = new Y.Doc();
		const items = agendaItems(doc);
		put(items, 'Not An Id!', { title: 'x', purpose: 'DECISION' });
		(items as Y.Map<unknown>).set(id(4), 'just a string');
		const { rows, skipped } = readAgenda(doc, orgs);
		expect(rows).toEqual([]);
		expect(skipped.map((s) => s.id).sort()).toEqual(['Not An Id!', id(4)].sort());
	});

	it('reads the same rows from a copy of the document built from its update', () => {
		const doc = new Y.Doc();
		put(agendaItems(doc), id(1), { title: 'Synced', purpose: 'SCRUTINY', position: 5 });
		const copy = new Y.Doc();
		Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
		expect(readAgenda(copy, orgs).rows).toEqual(readAgenda(doc, orgs).rows);
	});
});

describe('reading the evidence pack', () => {
	it('reads public and partners papers, defaulting to partners', () => {
		const doc = new Y.Doc();
		const items = evidenceItems(doc);
		put(items, id(1), {
			title: 'Child poverty statistics',
			kind: 'STATISTICS',
			sourceOrganisationId: health,
			date: '2026-02-28',
			geography: 'North locality',
			agendaItemId: id(9),
			summary: 'Rates rose.',
			confidentiality: 'PUBLIC',
			position: 1
		});
		put(items, id(2), { title: 'Draft plan' });
		const { rows, skipped } = readEvidencePack(doc, orgs);
		expect(skipped).toEqual([]);
		expect(rows).toContainEqual({
			id: id(1),
			title: 'Child poverty statistics',
			kind: 'STATISTICS',
			sourceOrganisationId: health,
			date: new Date('2026-02-28T00:00:00Z'),
			geography: 'North locality',
			agendaItemId: id(9),
			summary: 'Rates rose.',
			confidentiality: 'PUBLIC'
		});
		expect(rows.find((r) => r.id === id(2))).toMatchObject({
			confidentiality: 'PARTNERS',
			kind: null,
			date: null
		});
	});

	it.each([
		['claims to be restricted', { confidentiality: 'RESTRICTED' }, 'confidentiality'],
		['has an unknown kind', { kind: 'RUMOUR' }, 'kind'],
		['has a date that does not exist', { date: '2026-02-30' }, 'date'],
		[
			'has a source from elsewhere',
			{ sourceOrganisationId: 'x'.repeat(24) },
			'sourceOrganisationId'
		],
		['points at a malformed agenda item id', { agendaItemId: 'DROP TABLE' }, 'agendaItemId']
	])('skips a paper that %s', (_, bad, field) => {
		const doc = new Y.Doc();
		put(evidenceItems(doc), id(1), { title: 'Paper', ...bad });
		const { rows, skipped } = readEvidencePack(doc, orgs);
		expect(rows).toEqual([]);
		expect(Object.keys(skipped[0].problems)).toEqual([field]);
	});
});

describe('reading a restricted paper’s own document', () => {
	it('gives only the fields the document holds, never confidentiality', () => {
		const doc = new Y.Doc();
		const item = restrictedEvidenceItem(doc);
		item.set('summary', text('Named individuals at risk'));
		item.set('geography', 'East');
		item.set('confidentiality', 'PUBLIC');
		expect(readRestrictedPaper(doc, orgs)).toEqual({
			fields: { summary: 'Named individuals at risk', geography: 'East' }
		});
	});

	it('keeps the title it was added with while the document’s title is blank', () => {
		const doc = new Y.Doc();
		restrictedEvidenceItem(doc).set('title', new Y.Text());
		expect(readRestrictedPaper(doc, orgs)).toEqual({ fields: {} });
	});

	it('reports a malformed field instead of throwing', () => {
		const doc = new Y.Doc();
		restrictedEvidenceItem(doc).set('kind', 'GOSSIP');
		expect(readRestrictedPaper(doc, orgs)).toMatchObject({
			skipped: { problems: { kind: expect.any(String) } }
		});
	});
});

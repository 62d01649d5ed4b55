import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	addAgendaItem,
	AGENDA_FIELDS,
	agendaItems,
	moveEntry,
	orderedEntries,
	totalMinutes
} from '../../src/lib/collab/agenda.ts';

function sync(a: Y.Doc, b: Y.Doc) {
	Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
	Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}
const titles = (doc: Y.Doc) =>
	orderedEntries(agendaItems(doc)).map((e) => String(e.item.get(AGENDA_FIELDS.title)));

function agendaWith(...names: string[]) {
	const doc = new Y.Doc();
	for (const name of names) {
		const id = addAgendaItem(doc);
		(agendaItems(doc).get(id)!.get(AGENDA_FIELDS.title) as Y.Text).insert(0, name);
	}
	return doc;
}

describe('the agenda document', () => {
	it('keeps items in the order they were added, with ids of the server’s record form', () => {
		const doc = agendaWith('Welcome', 'Budget', 'Any other business');
		expect(titles(doc)).toEqual(['Welcome', 'Budget', 'Any other business']);
		for (const id of agendaItems(doc).keys()) expect(id).toMatch(/^[a-z0-9]{20,32}$/);
	});

	it('moves an item anywhere by changing only that item', () => {
		const doc = agendaWith('A', 'B', 'C', 'D');
		const [a] = orderedEntries(agendaItems(doc));
		moveEntry(agendaItems(doc), a.id, 2);
		expect(titles(doc)).toEqual(['B', 'C', 'A', 'D']);
		moveEntry(agendaItems(doc), a.id, 0);
		expect(titles(doc)).toEqual(['A', 'B', 'C', 'D']);
		moveEntry(agendaItems(doc), a.id, 9);
		expect(titles(doc)).toEqual(['B', 'C', 'D', 'A']);
	});

	it('merges a move made by one person with a title edit made by another at the same time', () => {
		const one = agendaWith('Welcome', 'Budget', 'Housing');
		const two = new Y.Doc();
		sync(one, two);
		const budget = orderedEntries(agendaItems(one))[1];
		moveEntry(agendaItems(one), budget.id, 0);
		(agendaItems(two).get(budget.id)!.get(AGENDA_FIELDS.title) as Y.Text).insert(6, ' 2027');
		sync(one, two);
		expect(titles(one)).toEqual(['Budget 2027', 'Welcome', 'Housing']);
		expect(titles(two)).toEqual(titles(one));
	});

	it('totals the minutes allotted, ignoring items without a time', () => {
		const doc = agendaWith('A', 'B', 'C');
		const [a, b] = orderedEntries(agendaItems(doc));
		a.item.set(AGENDA_FIELDS.minutes, 20);
		b.item.set(AGENDA_FIELDS.minutes, 45);
		expect(totalMinutes(agendaItems(doc))).toBe(65);
	});
});

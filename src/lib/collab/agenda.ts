// The agenda document's shape. Items live in a map keyed by id (the id the AgendaItem row keeps), each a
// Y.Map of its fields, ordered by position (see ordered-map.ts).
import * as Y from 'yjs';
import { newItemId, nextPosition, POSITION } from './ordered-map.ts';

export { moveEntry, orderedEntries } from './ordered-map.ts';

export const AGENDA_ITEMS = 'items';
export const AGENDA_FIELDS = {
	title: 'title', // Y.Text
	purpose: 'purpose', // an ItemPurpose: 'DECISION' | 'DISCUSSION' | … | 'PERFORMANCE' | 'RISK_REVIEW'
	presenterOrganisationId: 'presenterOrganisationId', // string | null
	minutes: 'minutes', // number | null
	notes: 'notes', // Y.Text
	private: 'private', // boolean: taken in private, left out of the public pages
	position: POSITION // number: items are shown in ascending position
} as const;

export function agendaItems(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
	return doc.getMap(AGENDA_ITEMS);
}

export type AgendaPurpose =
	'DECISION' | 'DISCUSSION' | 'SCRUTINY' | 'INFORMATION' | 'PERFORMANCE' | 'RISK_REVIEW';

export function addAgendaItem(doc: Y.Doc, id = newItemId()): string {
	const items = agendaItems(doc);
	const item = new Y.Map<unknown>();
	item.set(AGENDA_FIELDS.title, new Y.Text());
	item.set(AGENDA_FIELDS.notes, new Y.Text());
	item.set(AGENDA_FIELDS.purpose, 'DISCUSSION');
	item.set(AGENDA_FIELDS.presenterOrganisationId, null);
	item.set(AGENDA_FIELDS.minutes, null);
	item.set(AGENDA_FIELDS.private, false);
	item.set(AGENDA_FIELDS.position, nextPosition(items));
	items.set(id, item);
	return id;
}

/** Minutes allotted across items, against the meeting's length. */
export function totalMinutes(items: Y.Map<Y.Map<unknown>>): number {
	let total = 0;
	for (const item of items.values()) {
		const minutes = item.get(AGENDA_FIELDS.minutes);
		if (typeof minutes === 'number' && Number.isFinite(minutes)) total += minutes;
	}
	return total;
}

// The agenda document's shape. Items live in a map keyed by id (the id the AgendaItem row keeps), each a
// Y.Map of its fields; order is a number per item, so moving one item is one small change that merges
// cleanly with edits made elsewhere at the same time.
import * as Y from 'yjs';

export const AGENDA_ITEMS = 'items';
export const AGENDA_FIELDS = {
	title: 'title', // Y.Text
	purpose: 'purpose', // 'DECISION' | 'DISCUSSION' | 'SCRUTINY' | 'INFORMATION'
	presenterOrganisationId: 'presenterOrganisationId', // string | null
	minutes: 'minutes', // number | null
	notes: 'notes', // Y.Text
	position: 'position' // number: items are shown in ascending position
} as const;

export function agendaItems(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
	return doc.getMap(AGENDA_ITEMS);
}

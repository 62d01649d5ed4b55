// The evidence pack document's shape: papers keyed by id (the id the EvidenceItem row keeps). Public and
// partners-only papers live here; a restricted paper's fields live in its own document
// (restrictedEvidenceName) under EVIDENCE_ITEM, with the same field names.
import * as Y from 'yjs';
import { newItemId, nextPosition, POSITION } from './ordered-map.ts';

export const EVIDENCE_ITEMS = 'items';
/** The one map of a restricted paper's own document. */
export const EVIDENCE_ITEM = 'item';
export const EVIDENCE_FIELDS = {
	title: 'title', // Y.Text
	kind: 'kind', // EvidenceKind
	sourceOrganisationId: 'sourceOrganisationId', // string | null
	date: 'date', // 'YYYY-MM-DD' | null
	geography: 'geography', // string
	agendaItemId: 'agendaItemId', // string | null: the item this paper supports
	summary: 'summary', // Y.Text, written together
	confidentiality: 'confidentiality', // 'PUBLIC' | 'PARTNERS' (restricted papers are not in the pack)
	position: POSITION // number
} as const;

export function evidenceItems(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
	return doc.getMap(EVIDENCE_ITEMS);
}

export function restrictedEvidenceItem(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap(EVIDENCE_ITEM);
}

/** Fields shared by a pack paper and a restricted paper's own document. */
export function fillEvidenceItem(item: Y.Map<unknown>): void {
	item.set(EVIDENCE_FIELDS.title, new Y.Text());
	item.set(EVIDENCE_FIELDS.summary, new Y.Text());
	item.set(EVIDENCE_FIELDS.kind, 'RESEARCH');
	item.set(EVIDENCE_FIELDS.sourceOrganisationId, null);
	item.set(EVIDENCE_FIELDS.date, null);
	item.set(EVIDENCE_FIELDS.geography, '');
	item.set(EVIDENCE_FIELDS.agendaItemId, null);
}

export function addEvidenceItem(doc: Y.Doc, id = newItemId()): string {
	const items = evidenceItems(doc);
	const item = new Y.Map<unknown>();
	fillEvidenceItem(item);
	item.set(EVIDENCE_FIELDS.confidentiality, 'PARTNERS');
	item.set(EVIDENCE_FIELDS.position, nextPosition(items));
	items.set(id, item);
	return id;
}

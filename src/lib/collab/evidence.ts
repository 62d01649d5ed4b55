// The evidence pack document's shape: papers keyed by id (the id the EvidenceItem row keeps). Public and
// partners-only papers live here; a restricted paper's fields live in its own document
// (restrictedEvidenceName) under EVIDENCE_ITEM, with the same field names.
import * as Y from 'yjs';

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
	position: 'position' // number
} as const;

export function evidenceItems(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
	return doc.getMap(EVIDENCE_ITEMS);
}

export function restrictedEvidenceItem(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap(EVIDENCE_ITEM);
}

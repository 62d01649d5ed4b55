// The decision log document: the draft wording of the proposed decision for each agenda item, keyed by
// the agenda item's id, each a Y.Text written together. Recording a decision (a later issue) freezes the
// server's copy of this text into a DecisionVersion.
import * as Y from 'yjs';

export const DECISION_DRAFTS = 'drafts';

export function decisionDrafts(doc: Y.Doc): Y.Map<Y.Text> {
	return doc.getMap(DECISION_DRAFTS);
}

// The draft minutes document: one text written together.
import * as Y from 'yjs';

export const MINUTES_TEXT = 'minutes';

export function minutesText(doc: Y.Doc): Y.Text {
	return doc.getText(MINUTES_TEXT);
}

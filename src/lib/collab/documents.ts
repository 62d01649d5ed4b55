// The shared documents of a meeting and their names, as the editors, the sync server and the API use them.
// A restricted evidence paper has a document of its own, so its content is only ever sent to the
// organisations allowed to see it: a Yjs document cannot be sent in part.

export const DOCUMENT_KINDS = ['agenda', 'evidence', 'decisions', 'minutes'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export interface DocumentAddress {
	meetingId: string;
	kind: DocumentKind;
	/** Set for a restricted evidence paper's own document. */
	evidenceItemId?: string;
}

const ID = '[a-z0-9]{16,40}';
const NAME = new RegExp(`^meeting:(${ID}):(agenda|evidence|decisions|minutes)(?::(${ID}))?$`);

export function documentName(meetingId: string, kind: DocumentKind): string {
	return `meeting:${meetingId}:${kind}`;
}

export function restrictedEvidenceName(meetingId: string, evidenceItemId: string): string {
	return `meeting:${meetingId}:evidence:${evidenceItemId}`;
}

/** Reads a document name; null for anything that is not one of ours. */
export function parseDocumentName(name: string): DocumentAddress | null {
	const match = NAME.exec(name);
	if (!match) return null;
	const [, meetingId, kind, evidenceItemId] = match;
	if (evidenceItemId && kind !== 'evidence') return null;
	return { meetingId, kind: kind as DocumentKind, ...(evidenceItemId ? { evidenceItemId } : {}) };
}

export function meetingDocuments(meetingId: string): Record<DocumentKind, string> {
	return Object.fromEntries(DOCUMENT_KINDS.map((k) => [k, documentName(meetingId, k)])) as Record<
		DocumentKind,
		string
	>;
}

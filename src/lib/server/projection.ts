// Projects a meeting's shared documents one way into tables: the agenda into AgendaItem rows and the
// evidence pack into EvidenceItem rows, keyed by the ids the documents gave them. Called by the sync
// server after updates to a document are stored.
import type * as Y from 'yjs';

/** Reads the document and brings its rows up to date. Malformed entries are skipped and logged. */
export async function projectDocument(docName: string, doc: Y.Doc): Promise<void> {
	// Filled in with the meetings domain (same change set): until then nothing is projected.
	void docName;
	void doc;
}

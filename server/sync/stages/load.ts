// Stage "load": a document's stored state, rebuilt in memory before anyone is answered (never empty when
// the store cannot be read: the connection is closed instead).
import * as Y from 'yjs';

export interface LoadedDocument {
	doc: Y.Doc;
	/** Log entries besides the snapshot, and their bytes: what compaction would fold. */
	logCount: number;
	logBytes: number;
}

export interface LoadDocument {
	/** Throws if anything stored cannot be read. */
	load(docName: string): Promise<LoadedDocument>;
}

/** A document rebuilt from its snapshot and the updates after it, applied in order. */
export function rebuild(snapshot: Uint8Array | null, updates: Uint8Array[]): Y.Doc {
	const doc = new Y.Doc({ gc: true });
	try {
		if (snapshot) Y.applyUpdate(doc, snapshot);
		for (const update of updates) Y.applyUpdate(doc, update);
	} catch (error) {
		doc.destroy();
		throw error;
	}
	return doc;
}

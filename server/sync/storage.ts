// Where a document's updates are kept: the update log (DocUpdate), its snapshot (DocSnapshot) and who
// edited it when (DocEditSession). Loading reads them here; the writes are in update-log.ts, each one
// transaction, so a crash loses nothing half-way.
import type * as Y from 'yjs';
import { db } from '../../src/lib/server/platform/index.ts';
import { rebuild } from './update-log.ts';

export { compactDocument, rebuild, storeUpdates, type StoredUpdate } from './update-log.ts';

export interface LoadedDocument {
	doc: Y.Doc;
	/** The highest sequence number stored for the document (snapshot or log). */
	seq: number;
	/** Log rows after the snapshot, and their bytes: what compaction would fold. */
	logCount: number;
	logBytes: number;
}

/** Loads a document from snapshot + remaining log. Throws if anything stored cannot be read. */
export async function loadDocument(docName: string): Promise<LoadedDocument> {
	const [snapshot, rows] = await db().$transaction([
		db().docSnapshot.findUnique({ where: { docName } }),
		db().docUpdate.findMany({
			where: { docName },
			orderBy: { seq: 'asc' },
			select: { seq: true, data: true }
		})
	]);
	const after = rows.filter((row) => !snapshot || row.seq > snapshot.seq);
	const doc = rebuild(
		snapshot ? new Uint8Array(snapshot.state) : null,
		after.map((row) => new Uint8Array(row.data))
	);
	const seq = Math.max(snapshot?.seq ?? 0, rows.at(-1)?.seq ?? 0);
	const logBytes = after.reduce((sum, row) => sum + row.data.length, 0);
	return { doc, seq, logCount: after.length, logBytes };
}

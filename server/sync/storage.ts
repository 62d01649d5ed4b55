// Where a document's updates are kept: the update log (DocUpdate), its snapshot (DocSnapshot) and who
// edited it when (DocEditSession). Every write here is one transaction, so a crash loses nothing half-way.
import * as Y from 'yjs';
import { db, type Tx } from '../../src/lib/server/db.ts';
import { EDIT_SESSION_GAP_MS } from './limits.ts';

export interface StoredUpdate {
	docName: string;
	seq: number;
	data: Uint8Array;
	userId: string | null;
	at: Date;
}

export interface LoadedDocument {
	doc: Y.Doc;
	/** The highest sequence number stored for the document (snapshot or log). */
	seq: number;
	/** Log rows after the snapshot, and their bytes: what compaction would fold. */
	logCount: number;
	logBytes: number;
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

interface OpenSession {
	id: number;
	endedAt: Date;
}

/** The latest editing session per document and user, so most batches need not read it back. */
const openSessions = new Map<string, OpenSession>();

async function recordEditSessions(
	tx: Tx,
	updates: StoredUpdate[]
): Promise<Map<string, OpenSession>> {
	const groups = new Map<
		string,
		{ docName: string; userId: string; first: Date; last: Date; n: number }
	>();
	for (const u of updates) {
		if (!u.userId) continue;
		const key = `${u.docName}\n${u.userId}`;
		const group = groups.get(key);
		if (group) {
			group.last = u.at;
			group.n++;
		} else groups.set(key, { docName: u.docName, userId: u.userId, first: u.at, last: u.at, n: 1 });
	}
	const written = new Map<string, OpenSession>();
	for (const [key, g] of groups) {
		const open =
			openSessions.get(key) ??
			(await tx.docEditSession.findFirst({
				where: { docName: g.docName, userId: g.userId },
				orderBy: { endedAt: 'desc' },
				select: { id: true, endedAt: true }
			}));
		if (open && g.first.getTime() - open.endedAt.getTime() < EDIT_SESSION_GAP_MS) {
			await tx.docEditSession.update({
				where: { id: open.id },
				data: { endedAt: g.last, updates: { increment: g.n } }
			});
			written.set(key, { id: open.id, endedAt: g.last });
		} else {
			const created = await tx.docEditSession.create({
				data: {
					docName: g.docName,
					userId: g.userId,
					startedAt: g.first,
					endedAt: g.last,
					updates: g.n
				},
				select: { id: true, endedAt: true }
			});
			written.set(key, created);
		}
	}
	return written;
}

/** Stores a batch of accepted updates and extends their editors' sessions, in one transaction. */
export async function storeUpdates(updates: StoredUpdate[]): Promise<void> {
	const sessions = await db().$transaction(async (tx) => {
		await tx.docUpdate.createMany({
			data: updates.map((u) => ({ ...u, data: new Uint8Array(u.data) }))
		});
		return recordEditSessions(tx, updates);
	});
	for (const [key, session] of sessions) openSessions.set(key, session);
}

/**
 * Folds the log up to `upToSeq` into the snapshot: rebuilds the document from the stored snapshot and
 * log (never from memory), writes the new snapshot and deletes the folded rows, in one transaction.
 * Returns how many rows were folded.
 */
export async function compactDocument(docName: string, upToSeq: number): Promise<number> {
	return db().$transaction(async (tx) => {
		const snapshot = await tx.docSnapshot.findUnique({ where: { docName } });
		if (snapshot && snapshot.seq >= upToSeq) return 0;
		const rows = await tx.docUpdate.findMany({
			where: { docName, seq: { gt: snapshot?.seq ?? 0, lte: upToSeq } },
			orderBy: { seq: 'asc' },
			select: { data: true }
		});
		const doc = rebuild(
			snapshot ? new Uint8Array(snapshot.state) : null,
			rows.map((row) => new Uint8Array(row.data))
		);
		const state = new Uint8Array(Y.encodeStateAsUpdate(doc));
		doc.destroy();
		await tx.docSnapshot.upsert({
			where: { docName },
			create: { docName, seq: upToSeq, state },
			update: { seq: upToSeq, state }
		});
		const { count } = await tx.docUpdate.deleteMany({ where: { docName, seq: { lte: upToSeq } } });
		return count;
	});
}

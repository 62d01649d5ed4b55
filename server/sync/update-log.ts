// Writing the update log: appending a batch of accepted updates (extending their editors' sessions) and
// folding the log into a snapshot, each one SQLite transaction on a connection of its own. Through Prisma this cost ~10 ms a batch (an
// interactive transaction per call), most of the sync server's edit-to-peer latency; through
// better-sqlite3 it is well under a millisecond. The journal is WAL with synchronous=FULL, so a batch is
// on disk before anyone is sent it: even a power cut, not only SIGKILL, loses no update a client received.
// Compaction runs in the same writer queue, so it too must be quick: through Prisma it held up the
// edits queued behind it for tens of milliseconds. SQLite only, like the rest of the storage for now.
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { loadConfig, sqliteFile } from '../../src/lib/server/platform/index.ts';
import { EDIT_SESSION_GAP_MS } from './limits.ts';

export interface StoredUpdate {
	docName: string;
	seq: number;
	data: Uint8Array;
	userId: string | null;
	at: Date;
}

interface OpenSession {
	id: number;
	endedAt: Date;
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

/** DateTime as Prisma writes it in SQLite, so Prisma reads these rows back as it reads its own. */
const stamp = (date: Date) => date.toISOString().replace('Z', '+00:00');

function open(file: string) {
	const connection = new Database(file, { timeout: 5000 });
	connection.pragma('journal_mode = WAL');
	connection.pragma('synchronous = FULL');
	const insertUpdate = connection.prepare(
		'INSERT INTO "DocUpdate" ("docName", "seq", "data", "userId", "at") VALUES (?, ?, ?, ?, ?)'
	);
	const lastSession = connection.prepare(
		'SELECT "id", "endedAt" FROM "DocEditSession" WHERE "docName" = ? AND "userId" = ? ' +
			'ORDER BY "endedAt" DESC LIMIT 1'
	);
	const extendSession = connection.prepare(
		'UPDATE "DocEditSession" SET "endedAt" = ?, "updates" = "updates" + ? WHERE "id" = ?'
	);
	const startSession = connection.prepare(
		'INSERT INTO "DocEditSession" ("docName", "userId", "startedAt", "endedAt", "updates") ' +
			'VALUES (?, ?, ?, ?, ?)'
	);
	/** The latest session per document and user, so most batches need not read it back. */
	const openSessions = new Map<string, OpenSession>();

	const append = connection.transaction((updates: StoredUpdate[]) => {
		const groups = new Map<
			string,
			{ docName: string; userId: string; first: Date; last: Date; n: number }
		>();
		for (const u of updates) {
			insertUpdate.run(u.docName, u.seq, Buffer.from(u.data), u.userId, stamp(u.at));
			if (!u.userId) continue;
			const key = `${u.docName}\n${u.userId}`;
			const group = groups.get(key);
			if (group) {
				group.last = u.at;
				group.n++;
			} else
				groups.set(key, { docName: u.docName, userId: u.userId, first: u.at, last: u.at, n: 1 });
		}
		const written = new Map<string, OpenSession>();
		for (const [key, g] of groups) {
			let open = openSessions.get(key);
			if (!open) {
				const row = lastSession.get(g.docName, g.userId) as
					{ id: number; endedAt: string } | undefined;
				if (row) open = { id: row.id, endedAt: new Date(row.endedAt) };
			}
			if (open && g.first.getTime() - open.endedAt.getTime() < EDIT_SESSION_GAP_MS) {
				extendSession.run(stamp(g.last), g.n, open.id);
				written.set(key, { id: open.id, endedAt: g.last });
			} else {
				const { lastInsertRowid } = startSession.run(
					g.docName,
					g.userId,
					stamp(g.first),
					stamp(g.last),
					g.n
				);
				written.set(key, { id: Number(lastInsertRowid), endedAt: g.last });
			}
		}
		return written;
	});

	const readSnapshot = connection.prepare(
		'SELECT "seq", "state" FROM "DocSnapshot" WHERE "docName" = ?'
	);
	const readLog = connection.prepare(
		'SELECT "data" FROM "DocUpdate" WHERE "docName" = ? AND "seq" > ? AND "seq" <= ? ORDER BY "seq"'
	);
	const writeSnapshot = connection.prepare(
		'INSERT INTO "DocSnapshot" ("docName", "seq", "state", "updatedAt") VALUES (?, ?, ?, ?) ' +
			'ON CONFLICT ("docName") DO UPDATE SET "seq" = excluded."seq", "state" = excluded."state", ' +
			'"updatedAt" = excluded."updatedAt"'
	);
	const deleteLog = connection.prepare(
		'DELETE FROM "DocUpdate" WHERE "docName" = ? AND "seq" <= ?'
	);

	/** Rebuilds from what is stored (never from memory), writes the snapshot, deletes the folded rows. */
	const compact = connection.transaction((docName: string, upToSeq: number): number => {
		const snapshot = readSnapshot.get(docName) as { seq: number; state: Buffer } | undefined;
		if (snapshot && snapshot.seq >= upToSeq) return 0;
		const rows = readLog.all(docName, snapshot?.seq ?? 0, upToSeq) as { data: Buffer }[];
		const doc = rebuild(
			snapshot ? new Uint8Array(snapshot.state) : null,
			rows.map((row) => new Uint8Array(row.data))
		);
		const state = Buffer.from(Y.encodeStateAsUpdate(doc));
		doc.destroy();
		writeSnapshot.run(docName, upToSeq, state, stamp(new Date()));
		return deleteLog.run(docName, upToSeq).changes;
	});

	return {
		compact,
		append(updates: StoredUpdate[]): void {
			// The sessions are remembered only once the transaction has committed.
			for (const [key, session] of append(updates)) openSessions.set(key, session);
		},
		close: () => connection.close()
	};
}

let log: ReturnType<typeof open> | undefined;
const updateLog = () => (log ??= open(sqliteFile(loadConfig().databaseUrl)));

/** Stores a batch of accepted updates and extends their editors' sessions, in one transaction. */
export async function storeUpdates(updates: StoredUpdate[]): Promise<void> {
	updateLog().append(updates);
}

/**
 * Folds the log up to `upToSeq` into the snapshot, in one transaction, so a crash half-way loses nothing.
 * Returns how many rows were folded.
 */
export async function compactDocument(docName: string, upToSeq: number): Promise<number> {
	return updateLog().compact(docName, upToSeq);
}

export function closeUpdateLog(): void {
	log?.close();
	log = undefined;
}

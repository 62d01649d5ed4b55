// The update log in SQLite: appending a batch of accepted updates (with the record-history stage, in the
// same transaction) and folding the log into a snapshot, each one transaction on a connection of its own.
// Through Prisma this cost ~10 ms a batch (an interactive transaction per call), most of the sync server's
// edit-to-peer latency; through better-sqlite3 it is well under a millisecond. The journal is WAL with
// synchronous=FULL, so a batch is on disk before anyone is sent it: even a power cut, not only SIGKILL,
// loses no update a client received. Compaction runs in the same writer queue, so it too must be quick:
// through Prisma it held up the edits queued behind it for tens of milliseconds.
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import type { RecordHistory } from '../stages/history.ts';
import { rebuild } from '../stages/load.ts';
import type { StoredUpdate, StoreUpdates } from '../stages/store.ts';
import { SqliteEditHistory } from './edit-history.ts';
import { stamp } from './stamp.ts';

function open(file: string, history: (connection: Database.Database) => RecordHistory) {
	const connection = new Database(file, { timeout: 5000 });
	connection.pragma('journal_mode = WAL');
	connection.pragma('synchronous = FULL');
	const recorder = history(connection);
	const insertUpdate = connection.prepare(
		'INSERT INTO "DocUpdate" ("docName", "seq", "data", "userId", "at") VALUES (?, ?, ?, ?, ?)'
	);
	const append = connection.transaction((updates: StoredUpdate[]) => {
		for (const u of updates)
			insertUpdate.run(u.docName, u.seq, Buffer.from(u.data), u.userId, stamp(u.at));
		return recorder.record(updates);
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
			const committed = append(updates);
			committed?.();
		},
		close: () => connection.close()
	};
}

/** The log on the SQLite file `file`, opened on first use; edit sessions recorded alongside. */
export class SqliteUpdateLog implements StoreUpdates {
	#log: ReturnType<typeof open> | undefined;

	constructor(
		private readonly file: () => string,
		private readonly history: (connection: Database.Database) => RecordHistory = (connection) =>
			new SqliteEditHistory(connection)
	) {}

	#open() {
		return (this.#log ??= open(this.file(), this.history));
	}

	async append(updates: StoredUpdate[]): Promise<void> {
		this.#open().append(updates);
	}

	async compact(docName: string, upToSeq: number): Promise<number> {
		return this.#open().compact(docName, upToSeq);
	}

	close(): void {
		this.#log?.close();
		this.#log = undefined;
	}
}

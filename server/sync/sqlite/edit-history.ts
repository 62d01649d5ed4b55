// Who edited which document when, in SQLite (DocEditSession): a person's updates less than
// EDIT_SESSION_GAP_MS apart extend one session. Runs inside the update log's transaction.
import type Database from 'better-sqlite3';
import { EDIT_SESSION_GAP_MS } from '../limits.ts';
import type { RecordHistory } from '../stages/history.ts';
import type { StoredUpdate } from '../stages/store.ts';
import { stamp } from './stamp.ts';

interface OpenSession {
	id: number;
	endedAt: Date;
}

interface Group {
	docName: string;
	userId: string;
	first: Date;
	last: Date;
	n: number;
}

export class SqliteEditHistory implements RecordHistory {
	/** The latest session per document and user, so most batches need not read it back. */
	#openSessions = new Map<string, OpenSession>();
	#lastSession: Database.Statement;
	#extendSession: Database.Statement;
	#startSession: Database.Statement;

	constructor(connection: Database.Database) {
		this.#lastSession = connection.prepare(
			'SELECT "id", "endedAt" FROM "DocEditSession" WHERE "docName" = ? AND "userId" = ? ' +
				'ORDER BY "endedAt" DESC LIMIT 1'
		);
		this.#extendSession = connection.prepare(
			'UPDATE "DocEditSession" SET "endedAt" = ?, "updates" = "updates" + ? WHERE "id" = ?'
		);
		this.#startSession = connection.prepare(
			'INSERT INTO "DocEditSession" ("docName", "userId", "startedAt", "endedAt", "updates") ' +
				'VALUES (?, ?, ?, ?, ?)'
		);
	}

	/** Inside the transaction; the sessions are remembered only once it has committed. */
	record(updates: StoredUpdate[]): () => void {
		const groups = new Map<string, Group>();
		for (const u of updates) {
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
			let open = this.#openSessions.get(key);
			if (!open) {
				const row = this.#lastSession.get(g.docName, g.userId) as
					{ id: number; endedAt: string } | undefined;
				if (row) open = { id: row.id, endedAt: new Date(row.endedAt) };
			}
			if (open && g.first.getTime() - open.endedAt.getTime() < EDIT_SESSION_GAP_MS) {
				this.#extendSession.run(stamp(g.last), g.n, open.id);
				written.set(key, { id: open.id, endedAt: g.last });
			} else {
				const { lastInsertRowid } = this.#startSession.run(
					g.docName,
					g.userId,
					stamp(g.first),
					stamp(g.last),
					g.n
				);
				written.set(key, { id: Number(lastInsertRowid), endedAt: g.last });
			}
		}
		return () => {
			for (const [key, session] of written) this.#openSessions.set(key, session);
		};
	}
}

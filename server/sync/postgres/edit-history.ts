// Who edited which document when, in PostgreSQL (DocEditSession): a person's updates less than
// EDIT_SESSION_GAP_MS apart extend one session. Runs inside the update log's transaction.
import { EDIT_SESSION_GAP_MS } from '../limits.ts';
import type { RecordHistory, Statements } from '../stages/history.ts';
import type { StoredUpdate } from '../stages/store.ts';

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

const LAST_SESSION =
	'SELECT "id", "endedAt" FROM "DocEditSession" WHERE "docName" = $1 AND "userId" = $2 ' +
	'ORDER BY "endedAt" DESC LIMIT 1';
const EXTEND_SESSION =
	'UPDATE "DocEditSession" SET "endedAt" = $1, "updates" = "updates" + $2 WHERE "id" = $3';
const START_SESSION =
	'INSERT INTO "DocEditSession" ("docName", "userId", "startedAt", "endedAt", "updates") ' +
	'VALUES ($1, $2, $3, $4, $5) RETURNING "id"';

export class PostgresEditHistory implements RecordHistory {
	/** The latest session per document and user, so most batches need not read it back. */
	#openSessions = new Map<string, OpenSession>();

	/** Inside the transaction; the sessions are remembered only once it has committed. */
	async record(updates: StoredUpdate[], transaction: Statements): Promise<() => void> {
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
				const { rows } = await transaction.query<OpenSession>(LAST_SESSION, [g.docName, g.userId]);
				open = rows[0];
			}
			if (open && g.first.getTime() - open.endedAt.getTime() < EDIT_SESSION_GAP_MS) {
				await transaction.query(EXTEND_SESSION, [g.last, g.n, open.id]);
				written.set(key, { id: open.id, endedAt: g.last });
			} else {
				const { rows } = await transaction.query<{ id: number }>(START_SESSION, [
					g.docName,
					g.userId,
					g.first,
					g.last,
					g.n
				]);
				written.set(key, { id: rows[0].id, endedAt: g.last });
			}
		}
		return () => {
			for (const [key, session] of written) this.#openSessions.set(key, session);
		};
	}
}

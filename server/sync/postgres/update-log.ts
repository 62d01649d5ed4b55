// The update log in PostgreSQL: appending a batch of accepted updates (with the record-history stage, in
// the same transaction) and folding the log into a snapshot. Plain SQL on the process's pool: a batch is
// one multi-row INSERT, so a group commit costs one round trip and one fsync whatever its size. A batch is
// committed (synchronous_commit on) before anyone is sent it: even a power cut, not only SIGKILL, loses no
// update a client received. The database numbers the updates (one sequence for every document and every
// instance). Compaction takes the document's advisory lock, so two compactions of one document (two
// instances, say) never fold the same rows, and deletes exactly the rows it folded in: an update another
// instance commits meanwhile stays in the log, whatever its number.
import type pg from 'pg';
import * as Y from 'yjs';
import { pool } from '../../../src/lib/server/platform/index.ts';
import type { RecordHistory, Statements } from '../stages/history.ts';
import { rebuild } from '../stages/load.ts';
import type { StoredUpdate, StoreUpdates } from '../stages/store.ts';
import { PostgresEditHistory } from './edit-history.ts';

// Rows are numbered in the order given (the sequence is drawn after sorting by position).
const APPEND =
	'INSERT INTO "DocUpdate" ("seq", "docName", "data", "userId", "at") ' +
	`SELECT nextval('"DocUpdate_seq_seq"'), u."docName", u."data", u."userId", u."at" ` +
	'FROM unnest($1::text[], $2::bytea[], $3::text[], $4::timestamptz[]) ' +
	'WITH ORDINALITY AS u("docName", "data", "userId", "at", "position") ORDER BY u."position" ' +
	'RETURNING "seq"';
const LOCK_DOCUMENT = 'SELECT pg_advisory_xact_lock(hashtextextended($1, 0))';
const READ_SNAPSHOT = 'SELECT "seq", "state" FROM "DocSnapshot" WHERE "docName" = $1';
const READ_LOG = 'SELECT "seq", "data" FROM "DocUpdate" WHERE "docName" = $1 ORDER BY "seq"';
const WRITE_SNAPSHOT =
	'INSERT INTO "DocSnapshot" ("docName", "seq", "state", "updatedAt") VALUES ($1, $2, $3, now()) ' +
	'ON CONFLICT ("docName") DO UPDATE SET "seq" = excluded."seq", "state" = excluded."state", ' +
	'"updatedAt" = excluded."updatedAt"';
const DELETE_FOLDED = 'DELETE FROM "DocUpdate" WHERE "seq" = ANY($1::bigint[])';

/** Runs `work` in one transaction on a connection of the pool. */
async function inTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
	const client = await pool().connect();
	try {
		await client.query('BEGIN');
		const result = await work(client);
		await client.query('COMMIT');
		return result;
	} catch (error) {
		await client.query('ROLLBACK').catch(() => undefined);
		throw error;
	} finally {
		client.release();
	}
}

/** The log in the process's database; edit sessions recorded alongside. */
export class PostgresUpdateLog implements StoreUpdates {
	constructor(private readonly history: RecordHistory = new PostgresEditHistory()) {}

	async append(updates: StoredUpdate[]): Promise<number[]> {
		const [seqs, committed] = await inTransaction(async (client) => {
			const { rows } = await client.query<{ seq: string }>(APPEND, [
				updates.map((u) => u.docName),
				updates.map((u) => Buffer.from(u.data.buffer, u.data.byteOffset, u.data.byteLength)),
				updates.map((u) => u.userId),
				updates.map((u) => u.at)
			]);
			return [
				rows.map((row) => Number(row.seq)),
				await this.history.record(updates, client as Statements)
			];
		});
		committed?.();
		return seqs;
	}

	/** Rebuilds from what is stored (never from memory), writes the snapshot, deletes the folded rows. */
	compact(docName: string): Promise<number> {
		return inTransaction(async (client) => {
			await client.query(LOCK_DOCUMENT, [docName]);
			const snapshot = (
				await client.query<{ seq: string; state: Buffer }>(READ_SNAPSHOT, [docName])
			).rows[0];
			const { rows } = await client.query<{ seq: string; data: Buffer }>(READ_LOG, [docName]);
			if (rows.length === 0) return 0;
			const doc = rebuild(
				snapshot ? new Uint8Array(snapshot.state) : null,
				rows.map((row) => new Uint8Array(row.data))
			);
			const state = Buffer.from(Y.encodeStateAsUpdate(doc));
			doc.destroy();
			const seqs = rows.map((row) => row.seq);
			await client.query(WRITE_SNAPSHOT, [docName, seqs.at(-1), state]);
			return (await client.query(DELETE_FOLDED, [seqs])).rowCount ?? 0;
		});
	}

	/** The pool is the process's, closed with it. */
	close(): void {}
}

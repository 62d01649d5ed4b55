// Loading a document from PostgreSQL: its snapshot (DocSnapshot) and every log entry still stored
// (DocUpdate), read by one statement, so a compaction committing meanwhile cannot make the two disagree.
// Every remaining entry is applied, whatever its number: an entry another instance committed late, with a
// number below the snapshot's, is still in the log, and one already in the snapshot changes nothing.
import { pool } from '../../../src/lib/server/platform/index.ts';
import { rebuild, type LoadDocument, type LoadedDocument } from '../stages/load.ts';

const READ_DOCUMENT =
	'SELECT 0 AS "part", 0::bigint AS "seq", "state" AS "data" FROM "DocSnapshot" WHERE "docName" = $1 ' +
	'UNION ALL SELECT 1, "seq", "data" FROM "DocUpdate" WHERE "docName" = $1 ORDER BY "part", "seq"';

export const postgresLoad: LoadDocument = {
	async load(docName: string): Promise<LoadedDocument> {
		const { rows } = await pool().query<{ part: number; data: Buffer }>(READ_DOCUMENT, [docName]);
		const snapshot = rows[0]?.part === 0 ? rows[0] : undefined;
		const log = snapshot ? rows.slice(1) : rows;
		const doc = rebuild(
			snapshot ? new Uint8Array(snapshot.data) : null,
			log.map((row) => new Uint8Array(row.data))
		);
		const logBytes = log.reduce((sum, row) => sum + row.data.length, 0);
		return { doc, logCount: log.length, logBytes };
	}
};

// Loading a document from SQLite: its snapshot (DocSnapshot) and the log after it (DocUpdate), read in
// one transaction through the app's database client.
import { db } from '../../../src/lib/server/platform/index.ts';
import { rebuild, type LoadDocument, type LoadedDocument } from '../stages/load.ts';

export const sqliteLoad: LoadDocument = {
	async load(docName: string): Promise<LoadedDocument> {
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
};

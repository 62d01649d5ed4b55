// Reading the SQLite file the previous version kept its record in (data/workspace.db), with no native
// driver: sql.js (SQLite compiled to WebAssembly) opens a copy of the file in memory; the file itself is
// only read. The previous version wrote in WAL mode, so its newest changes may still be in
// workspace.db-wal beside the file (after a crash or a kill, or while it runs). SQLite in memory cannot
// read a WAL file, so the WAL's committed frames are laid onto the copy here first, as SQLite's own
// checkpoint would lay them onto the file: https://www.sqlite.org/fileformat.html#the_write_ahead_log
import { existsSync, readFileSync, statSync } from 'node:fs';
import initSqlJs, { type Database, type SqlValue } from 'sql.js';

export type { SqlValue };

const SQLITE_HEADER = 'SQLite format 3\0';
const WAL_HEADER_BYTES = 32;
const FRAME_HEADER_BYTES = 24;

export class UnreadableSqlite extends Error {}

export interface SqliteCopy {
	db: Database;
	/** Committed pages taken from the -wal file (0 when there was none, or it held nothing new). */
	walPages: number;
	close(): void;
}

/** SQLite's WAL checksum: pairs of 32-bit words, in the byte order the WAL's magic number names. */
function checksum(
	view: DataView,
	start: number,
	length: number,
	bigEndian: boolean,
	sums: [number, number]
): [number, number] {
	let [s0, s1] = sums;
	for (let at = start; at < start + length; at += 8) {
		s0 = (s0 + view.getUint32(at, !bigEndian) + s1) >>> 0;
		s1 = (s1 + view.getUint32(at + 4, !bigEndian) + s0) >>> 0;
	}
	return [s0, s1];
}

/** The database's page size from its header (1 there means 65536). */
function pageSizeOf(image: Uint8Array): number | null {
	if (image.length < 100) return null;
	const size = (image[16] << 8) | image[17];
	return size === 1 ? 65536 : size;
}

/**
 * The database as it stands with the WAL's committed transactions applied: each page from the last valid
 * commit that wrote it, the file cut or grown to the size that commit gives. Frames after the last commit,
 * or from before the WAL was last restarted (other salts), or with a bad checksum are left out, as SQLite
 * leaves them out.
 */
export function applyWal(main: Uint8Array, wal: Uint8Array): { image: Uint8Array; pages: number } {
	if (wal.length < WAL_HEADER_BYTES) return { image: main, pages: 0 };
	const view = new DataView(wal.buffer, wal.byteOffset, wal.byteLength);
	const magic = view.getUint32(0);
	if (magic !== 0x377f0682 && magic !== 0x377f0683)
		throw new UnreadableSqlite('The -wal file beside the database is not a SQLite WAL file.');
	const bigEndian = (magic & 1) === 1;
	const pageSize = view.getUint32(8);
	const salts = [view.getUint32(16), view.getUint32(20)];
	let sums = checksum(view, 0, 24, bigEndian, [0, 0]);
	if (sums[0] !== view.getUint32(24) || sums[1] !== view.getUint32(28))
		return { image: main, pages: 0 };
	const mainPageSize = pageSizeOf(main);
	if (mainPageSize !== null && mainPageSize !== pageSize)
		throw new UnreadableSqlite(
			`The -wal file's page size (${pageSize}) is not the database's (${mainPageSize}).`
		);

	const committed = new Map<number, number>();
	let pending = new Map<number, number>();
	let pagesAfterCommit: number | null = null;
	const frameBytes = FRAME_HEADER_BYTES + pageSize;
	for (let at = WAL_HEADER_BYTES; at + frameBytes <= wal.length; at += frameBytes) {
		if (view.getUint32(at + 8) !== salts[0] || view.getUint32(at + 12) !== salts[1]) break;
		sums = checksum(view, at, 8, bigEndian, sums);
		sums = checksum(view, at + FRAME_HEADER_BYTES, pageSize, bigEndian, sums);
		if (sums[0] !== view.getUint32(at + 16) || sums[1] !== view.getUint32(at + 20)) break;
		pending.set(view.getUint32(at), at + FRAME_HEADER_BYTES);
		const databasePages = view.getUint32(at + 4);
		if (databasePages) {
			for (const [page, offset] of pending) committed.set(page, offset);
			pending = new Map();
			pagesAfterCommit = databasePages;
		}
	}
	if (pagesAfterCommit === null) return { image: main, pages: 0 };

	const image = new Uint8Array(pagesAfterCommit * pageSize);
	image.set(main.subarray(0, Math.min(main.length, image.length)));
	let pages = 0;
	for (const [page, offset] of committed) {
		if (page > pagesAfterCommit) continue;
		image.set(wal.subarray(offset, offset + pageSize), (page - 1) * pageSize);
		pages++;
	}
	return { image, pages };
}

/**
 * Opens an in-memory copy of the SQLite file at `path` (with its WAL applied) and checks that SQLite finds
 * it whole. Throws UnreadableSqlite, saying why, for anything that is not a readable SQLite database.
 */
export async function openSqliteCopy(path: string): Promise<SqliteCopy> {
	if (!existsSync(path) || !statSync(path).isFile())
		throw new UnreadableSqlite(`There is no file at ${path}.`);
	const journal = `${path}-journal`;
	if (existsSync(journal) && statSync(journal).size > 0)
		throw new UnreadableSqlite(
			`${journal} is there: SQLite was stopped in the middle of writing. Open the database once with ` +
				`the sqlite3 program (sqlite3 ${path} "PRAGMA quick_check"), which finishes or undoes that ` +
				'write, then copy again.'
		);
	let image: Uint8Array = readFileSync(path);
	const walFile = `${path}-wal`;
	let walPages = 0;
	if (existsSync(walFile)) {
		const applied = applyWal(image, readFileSync(walFile));
		image = applied.image;
		walPages = applied.pages;
	}
	if (
		image.length < 100 ||
		Buffer.from(image.subarray(0, SQLITE_HEADER.length)).toString('latin1') !== SQLITE_HEADER
	)
		throw new UnreadableSqlite(`${path} is not a SQLite database.`);
	// Bytes 18 and 19 say WAL mode (2); the copy (in memory only) is read in SQLite's ordinary mode (1).
	image[18] = 1;
	image[19] = 1;

	const SQL = await initSqlJs();
	const db = new SQL.Database(image);
	try {
		const [check] = db.exec('PRAGMA quick_check');
		const problems = (check?.values ?? []).map((row) => String(row[0])).filter((r) => r !== 'ok');
		if (problems.length)
			throw new UnreadableSqlite(
				`SQLite finds ${path} damaged: ${problems.slice(0, 5).join('; ')}`
			);
	} catch (error) {
		db.close();
		if (error instanceof UnreadableSqlite) throw error;
		throw new UnreadableSqlite(`${path} could not be read as a SQLite database: ${error}`);
	}
	return { db, walPages, close: () => db.close() };
}

/** Every row of a query, as arrays of values in the order of the columns named. */
export function* rowsOf(db: Database, sql: string): Generator<SqlValue[]> {
	const statement = db.prepare(sql);
	try {
		while (statement.step()) yield statement.get();
	} finally {
		statement.free();
	}
}

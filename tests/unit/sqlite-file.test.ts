// Reading the previous version's SQLite file with its WAL (server/postgres/sqlite-file.ts). The fixture
// (tests/fixtures/sqlite-wal.ts) was written by SQLite itself (better-sqlite3, page size 512, WAL mode, no
// automatic checkpoint) and copied while still open, as a crash would leave it: notes.sqlite holds the checkpointed rows one, two, three;
// notes.sqlite-wal holds four transactions after them, a frame each for the first three:
//   frame 0: insert 4 'four'; frame 1: update 2 to 'two, changed'; frame 2: delete 1;
//   frames 3 to 5: one transaction inserting 5 'five' and 6, 600 x's (on an overflow page).
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UnreadableSqlite, openSqliteCopy, rowsOf } from '../../server/postgres/sqlite-file.ts';
import { NOTES_DB, NOTES_WAL } from '../fixtures/sqlite-wal.ts';
import { TMP_DIR } from '../support/paths.ts';

const PAGE = 512;
const FRAME = 24 + PAGE;

mkdirSync(TMP_DIR, { recursive: true });
const dir = mkdtempSync(join(TMP_DIR, 'sqlite-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const FIXTURE = join(dir, 'notes.sqlite');
writeFileSync(FIXTURE, Buffer.from(NOTES_DB, 'base64'));
writeFileSync(`${FIXTURE}-wal`, Buffer.from(NOTES_WAL, 'base64'));

/** The fixture copied under a new name, its WAL changed by `wal` (or left out when it gives null). */
function copyWith(name: string, wal: (bytes: Buffer) => Buffer | null): string {
	const path = join(dir, name);
	copyFileSync(FIXTURE, path);
	const changed = wal(readFileSync(`${FIXTURE}-wal`));
	if (changed) writeFileSync(`${path}-wal`, changed);
	return path;
}

async function notes(path: string): Promise<{ rows: [number, string][]; walPages: number }> {
	const copy = await openSqliteCopy(path);
	try {
		const rows = [...rowsOf(copy.db, 'SELECT "id", "text" FROM "Note" ORDER BY "id"')].map(
			([id, text]) => [id, String(text).slice(0, 10)] as [number, string]
		);
		return { rows, walPages: copy.walPages };
	} finally {
		copy.close();
	}
}

describe('reading a SQLite file left in WAL mode', () => {
	it('applies every committed transaction in the WAL, overflow pages included', async () => {
		const { rows, walPages } = await notes(FIXTURE);
		expect(rows).toEqual([
			[2, 'two, chang'],
			[3, 'three'],
			[4, 'four'],
			[5, 'five'],
			[6, 'xxxxxxxxxx']
		]);
		expect(walPages).toBeGreaterThan(0);
		const copy = await openSqliteCopy(FIXTURE);
		expect([...rowsOf(copy.db, 'SELECT length("text") FROM "Note" WHERE "id" = 6')]).toEqual([
			[600]
		]);
		copy.close();
	});

	it('reads the file alone as it was checkpointed when there is no WAL', async () => {
		const { rows, walPages } = await notes(copyWith('alone.sqlite', () => null));
		expect(rows).toEqual([
			[1, 'one'],
			[2, 'two'],
			[3, 'three']
		]);
		expect(walPages).toBe(0);
	});

	it('leaves out a transaction whose frames were not all written', async () => {
		const cut = copyWith('cut.sqlite', (wal) => wal.subarray(0, wal.length - 100));
		expect((await notes(cut)).rows).toEqual([
			[2, 'two, chang'],
			[3, 'three'],
			[4, 'four']
		]);
	});

	it('stops at the first frame whose checksum fails, as SQLite does', async () => {
		const damaged = copyWith('damaged.sqlite', (wal) => {
			const copy = Buffer.from(wal);
			copy[32 + FRAME + 24 + 100] ^= 0xff; // a byte of frame 1's page
			return copy;
		});
		expect((await notes(damaged)).rows).toEqual([
			[1, 'one'],
			[2, 'two'],
			[3, 'three'],
			[4, 'four']
		]);
	});

	it('ignores a WAL left from before its last restart (other salts)', async () => {
		const stale = copyWith('stale.sqlite', (wal) => {
			const copy = Buffer.from(wal);
			// The header's salt-1 no longer matches the frames'.
			copy.writeUInt32BE(copy.readUInt32BE(16) + 1, 16);
			return copy;
		});
		// The header's own checksum fails first, so the whole WAL is ignored.
		expect((await notes(stale)).rows).toEqual([
			[1, 'one'],
			[2, 'two'],
			[3, 'three']
		]);
	});

	it('refuses what is not a SQLite database, or not a WAL, saying so', async () => {
		const text = join(dir, 'text.sqlite');
		writeFileSync(
			text,
			'not a database, only some text that is long enough to have a header. '.repeat(3)
		);
		await expect(openSqliteCopy(text)).rejects.toThrow(UnreadableSqlite);
		await expect(openSqliteCopy(text)).rejects.toThrow(/is not a SQLite database/);
		const badWal = copyWith('bad-wal.sqlite', () => Buffer.alloc(64, 7));
		await expect(openSqliteCopy(badWal)).rejects.toThrow(/not a SQLite WAL file/);
		await expect(openSqliteCopy(join(dir, 'missing.sqlite'))).rejects.toThrow(/There is no file/);
	});
});

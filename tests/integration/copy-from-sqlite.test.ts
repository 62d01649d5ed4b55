// `npm run copy-from-sqlite`: a SQLite database made as the previous version made it (its migrations, from
// tests/fixtures/sqlite-schema.sql, recorded in _prisma_migrations as Prisma recorded them; values in the
// forms it wrote: ISO text dates, CURRENT_TIMESTAMP defaults, 0/1 booleans, JSON as text, BLOBs), with its
// files folder and device-cookie key, copied into a fresh PostgreSQL database through the command itself.
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';
import initSqlJs from 'sql.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decisionHash, type VersionContent } from '../../src/lib/server/decisions/index.ts';
import { CopyFailed, copyFromSqlite } from '../../server/postgres/copy-from-sqlite.ts';
import { databaseOf } from '../support/database.ts';
import { TMP_DIR } from '../support/paths.ts';
import { freshDataDir, openDb, removeDataDir, type TestDb } from '../support/server.ts';

const SCHEMA = readFileSync(resolve('tests/fixtures/sqlite-schema.sql'), 'utf8');
/** The previous version's DateTime as its SQLite adapter wrote it. */
const stamp = (iso: string) => iso.replace('Z', '+00:00');

const FILE = Buffer.from(
	'The winter plan, as the board saw it.\nWith a pound sign £ and an em dash —.\n'
);
const FILE_SHA = createHash('sha256').update(FILE).digest('hex');
const KEY = randomBytes(32);
/** A Session's secret hash and a document snapshot's state: bytes that must come through as they are. */
const SECRET_HASH = createHash('sha256').update('session secret').digest();
const SNAPSHOT_STATE = Uint8Array.from([1, 2, 0, 255, 3]);
const DOC_A = 'meeting:m-board:minutes';
const DOC_B = 'meeting:m-board:agenda';

const v1Content: VersionContent = {
	decisionId: 'd-winter',
	version: 1,
	wording: 'The board agrees the winter plan.',
	outcome: 'AGREED',
	method: 'CONSENSUS',
	votes: null,
	dissent: [{ membershipId: 'ms-tsi', reason: 'Too little time to consult.' }],
	evidenceItemIds: ['e-winter'],
	alternatives: 'Wait a month.',
	commitments: [
		{
			organisationId: 'org-council',
			membershipId: 'ms-admin',
			text: 'Fund the first month.',
			withAuthority: true
		}
	],
	quorate: true,
	participants: ['ms-tsi', 'ms-admin'],
	recordedById: 'u-admin',
	recordedAt: '2026-11-30T19:05:00.123Z',
	previousHash: null
};
const V1_HASH = decisionHash(v1Content);
const v2Content: VersionContent = {
	...v1Content,
	version: 2,
	wording: 'The board agrees the winter plan, amended.',
	method: 'VOTE',
	votes: { for: 5, against: 1, abstained: 0 },
	dissent: [],
	evidenceItemIds: [],
	commitments: [],
	quorate: false,
	participants: ['ms-admin'],
	recordedAt: '2026-11-30T19:20:00.000Z',
	previousHash: V1_HASH
};
const V2_HASH = decisionHash(v2Content);
const MINUTES = 'Present: the chair and partners.\nThe board agreed the winter plan.';
const MINUTES_HASH = createHash('sha256').update(`m-board\n1\n${MINUTES}`).digest('hex');

mkdirSync(TMP_DIR, { recursive: true });
const scratch = mkdtempSync(join(TMP_DIR, 'copy-from-sqlite-'));

/**
 * An old data folder: workspace.db as the previous version's migrations made it, with a small record,
 * files/ and device-cookie.key beside it. `tamper` stores the second decision version with a wrong hash.
 */
async function oldDataFolder(name: string, options: { tamper?: boolean } = {}): Promise<string> {
	const folder = join(scratch, name);
	mkdirSync(join(folder, 'files'), { recursive: true });
	const SQL = await initSqlJs();
	const db = new SQL.Database();
	db.run(`CREATE TABLE "_prisma_migrations" (
		"id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME,
		"migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME,
		"started_at" DATETIME NOT NULL DEFAULT current_timestamp,
		"applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`);
	const parts = SCHEMA.split(/^-- Migration: (\S+)$/m).slice(1);
	for (let i = 0; i < parts.length; i += 2) {
		db.exec(parts[i + 1]);
		db.run(
			`INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "applied_steps_count")
			VALUES (?, ?, ?, ?, 1)`,
			[
				`mig-${i}`,
				createHash('sha256')
					.update(parts[i + 1])
					.digest('hex'),
				Date.now(),
				parts[i]
			]
		);
	}
	const insert = (table: string, row: Record<string, string | number | Uint8Array | null>) =>
		db.run(
			`INSERT INTO "${table}" (${Object.keys(row)
				.map((k) => `"${k}"`)
				.join(', ')}) VALUES (${Object.keys(row)
				.map(() => '?')
				.join(', ')})`,
			Object.values(row)
		);

	insert('Partnership', {
		id: 'p-strathmuir',
		slug: 'strathmuir',
		name: 'Strathmuir Partnership',
		area: 'Strathmuir',
		createdAt: stamp('2026-11-01T09:00:00.000Z')
	});
	insert('Organisation', {
		id: 'org-council',
		partnershipId: 'p-strathmuir',
		name: 'Strathmuir Council',
		sector: 'COUNCIL',
		statutory: 1,
		createdAt: stamp('2026-11-01T09:00:01.000Z')
	});
	// createdAt left to the column's default: CURRENT_TIMESTAMP's '2026-12-07 10:00:00' form.
	insert('Organisation', {
		id: 'org-tsi',
		partnershipId: 'p-strathmuir',
		name: 'Strathmuir Voluntary Action',
		sector: 'THIRD_SECTOR',
		statutory: 0
	});
	for (const [id, email, name] of [
		['u-admin', 'admin@strathmuir.example', 'Fiona Admin'],
		['u-tsi', 'tsi@strathmuir.example', 'Tam Voluntary']
	])
		insert('User', {
			id,
			email,
			name,
			passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
			createdAt: stamp('2026-11-01T09:00:02.000Z')
		});
	insert('Membership', {
		id: 'ms-admin',
		userId: 'u-admin',
		partnershipId: 'p-strathmuir',
		organisationId: 'org-council',
		role: 'ADMIN',
		delegatedAuthority: 1,
		createdAt: stamp('2026-11-01T09:00:03.000Z')
	});
	insert('Membership', {
		id: 'ms-tsi',
		userId: 'u-tsi',
		partnershipId: 'p-strathmuir',
		organisationId: 'org-tsi',
		role: 'MEMBER',
		capacity: 'FROM_SECTOR',
		createdAt: stamp('2026-11-01T09:00:04.000Z')
	});
	insert('Session', {
		id: 's-admin',
		userId: 'u-admin',
		secretHash: SECRET_HASH,
		createdAt: stamp('2026-12-01T08:00:00.000Z'),
		expiresAt: stamp('2026-12-31T08:00:00.000Z')
	});
	// The forum made before the board it was later put under: the copy must put the board in first.
	insert('Body', {
		id: 'b-forum',
		partnershipId: 'p-strathmuir',
		name: 'Northfield Forum',
		kind: 'LOCALITY_FORUM',
		createdAt: stamp('2026-11-01T09:00:00.000Z')
	});
	insert('Body', {
		id: 'b-board',
		partnershipId: 'p-strathmuir',
		name: 'Partnership Board',
		kind: 'BOARD',
		leadOrganisationId: 'org-council',
		quorum: 3,
		createdAt: stamp('2026-11-01T09:00:30.000Z')
	});
	db.run(`UPDATE "Body" SET "parentId" = 'b-board' WHERE "id" = 'b-forum'`);
	insert('Meeting', {
		id: 'm-board',
		partnershipId: 'p-strathmuir',
		bodyId: 'b-board',
		title: 'Partnership Board: winter',
		startsAt: stamp('2026-11-30T18:00:00.000Z'),
		status: 'CLOSED',
		startedAt: stamp('2026-11-30T18:01:00.000Z'),
		closedAt: stamp('2026-11-30T20:00:00.000Z'),
		createdById: 'u-admin',
		createdAt: stamp('2026-11-10T12:00:00.000Z')
	});
	insert('AgendaItem', {
		id: 'a-winter',
		meetingId: 'm-board',
		order: 1,
		title: 'Winter plan',
		purpose: 'DECISION',
		private: 1,
		updatedAt: stamp('2026-11-10T12:00:00.000Z')
	});
	insert('EvidenceItem', {
		id: 'e-winter',
		meetingId: 'm-board',
		agendaItemId: 'a-winter',
		title: 'Winter plan (restricted)',
		kind: 'RESEARCH',
		confidentiality: 'RESTRICTED',
		allowedOrganisationIds: '["org-council","org-tsi"]',
		fileName: 'winter-plan.txt',
		fileType: 'text/plain; charset=utf-8',
		fileSize: FILE.length,
		fileSha256: FILE_SHA,
		late: 1,
		createdById: 'u-admin',
		createdAt: stamp('2026-11-20T10:00:00.000Z'),
		updatedAt: stamp('2026-11-20T10:00:00.000Z')
	});
	insert('Decision', {
		id: 'd-winter',
		partnershipId: 'p-strathmuir',
		bodyId: 'b-board',
		meetingId: 'm-board',
		agendaItemId: 'a-winter',
		createdAt: stamp(v1Content.recordedAt)
	});
	for (const [id, content, hash] of [
		['v1', v1Content, V1_HASH],
		[
			'v2',
			v2Content,
			options.tamper ? V2_HASH.replace(/^./, (c) => (c === '0' ? '1' : '0')) : V2_HASH
		]
	] as const)
		insert('DecisionVersion', {
			id,
			decisionId: content.decisionId,
			version: content.version,
			wording: content.wording,
			outcome: content.outcome,
			method: content.method,
			votesFor: content.votes?.for ?? null,
			votesAgainst: content.votes?.against ?? null,
			votesAbstained: content.votes?.abstained ?? null,
			alternatives: content.alternatives,
			quorate: content.quorate ? 1 : 0,
			participants: JSON.stringify(content.participants),
			hash,
			previousHash: content.previousHash,
			recordedById: content.recordedById,
			recordedAt: stamp(content.recordedAt)
		});
	insert('DecisionDissent', {
		id: 'dd-1',
		versionId: 'v1',
		membershipId: 'ms-tsi',
		reason: 'Too little time to consult.'
	});
	insert('DecisionEvidence', { versionId: 'v1', evidenceItemId: 'e-winter' });
	insert('DecisionCommitment', {
		id: 'dc-1',
		versionId: 'v1',
		organisationId: 'org-council',
		membershipId: 'ms-admin',
		text: 'Fund the first month.',
		withAuthority: 1
	});
	insert('MinutesVersion', {
		id: 'mv-1',
		meetingId: 'm-board',
		version: 1,
		text: MINUTES,
		hash: MINUTES_HASH,
		approvedAtMeetingId: 'm-board',
		approvedById: 'u-admin',
		approvedAt: stamp('2026-12-05T18:00:00.000Z')
	});
	insert('AuditEvent', {
		id: 'ae-1',
		at: stamp('2026-11-30T19:05:00.123Z'),
		actorUserId: 'u-admin',
		partnershipId: 'p-strathmuir',
		action: 'recorded',
		entity: 'Decision',
		entityId: 'd-winter',
		detail: JSON.stringify({ meetingId: 'm-board', version: 1, hash: V1_HASH, votes: null })
	});
	insert('Priority', {
		id: 'pr-1',
		partnershipId: 'p-strathmuir',
		raisedByBodyId: 'b-forum',
		currentBodyId: 'b-board',
		title: 'Warm spaces',
		said: 'People want somewhere warm to go.',
		engagementMethod: 'WORKSHOP',
		engagementFrom: stamp('2026-10-01T00:00:00.000Z'),
		participants: 40,
		standardsMet: '["INCLUSION","SUPPORT"]',
		status: 'SUBMITTED',
		lastEventAt: stamp('2026-10-20T10:00:00.000Z'),
		createdById: 'u-tsi',
		createdAt: stamp('2026-10-20T10:00:00.000Z')
	});
	// A number, as Prisma's other SQLite date format stores it: milliseconds since 1970.
	insert('Notification', {
		id: 'n-1',
		userId: 'u-tsi',
		partnershipId: 'p-strathmuir',
		message: 'The board recorded a decision.',
		createdAt: Date.UTC(2026, 10, 30, 19, 6)
	});
	// Two documents' updates, rowids not in document order: minutes' seq 3 went in before its seq 2.
	for (const [docName, seq, byte, at] of [
		[DOC_A, 1, 0xa1, stamp('2026-12-01T10:00:00.001Z')],
		[DOC_B, 1, 0xb1, stamp('2026-12-01T10:00:00.002Z')],
		[DOC_A, 3, 0xa3, stamp('2026-12-01T10:00:00.004Z')],
		[DOC_A, 2, 0xa2, stamp('2026-12-01T10:00:00.003Z')],
		[DOC_B, 2, 0xb2, '2026-12-01 10:00:05']
	] as const)
		insert('DocUpdate', {
			docName,
			seq,
			data: Uint8Array.from([byte, seq]),
			userId: 'u-admin',
			at
		});
	insert('DocSnapshot', {
		docName: DOC_A,
		seq: 0,
		state: SNAPSHOT_STATE,
		updatedAt: stamp('2026-12-01T09:00:00.000Z')
	});
	insert('DocEditSession', {
		id: 7,
		docName: DOC_A,
		userId: 'u-admin',
		startedAt: stamp('2026-12-01T10:00:00.001Z'),
		endedAt: stamp('2026-12-01T10:00:00.004Z'),
		updates: 3
	});

	writeFileSync(join(folder, 'workspace.db'), db.export());
	db.close();
	writeFileSync(join(folder, 'files', FILE_SHA), FILE);
	writeFileSync(join(folder, 'files', `${FILE_SHA}.0d5c.partial`), 'half an upload');
	writeFileSync(join(folder, 'device-cookie.key'), KEY);
	return folder;
}

/** Row counts of every table of the record in the SQLite file. */
async function sqliteCounts(file: string): Promise<Record<string, number>> {
	const SQL = await initSqlJs();
	const db = new SQL.Database(readFileSync(file));
	const tables = db
		.exec(
			"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'"
		)[0]
		.values.map(([name]) => String(name));
	const counts = Object.fromEntries(
		tables.map((t) => [t, Number(db.exec(`SELECT count(*) FROM "${t}"`)[0].values[0][0])])
	);
	db.close();
	return counts;
}

async function postgresCounts(url: string, tables: string[]): Promise<Record<string, number>> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		const counts: Record<string, number> = {};
		for (const t of tables)
			counts[t] = Number((await client.query(`SELECT count(*) AS n FROM "${t}"`)).rows[0].n);
		return counts;
	} finally {
		await client.end();
	}
}

/** `npm run copy-from-sqlite -- <db>` on the data folder's database, as an operator runs it. */
function runCommand(
	dataDir: string,
	database: string
): Promise<{ code: number; stdout: string; stderr: string }> {
	return new Promise((done) =>
		execFile(
			'npm',
			['run', '--silent', 'copy-from-sqlite', '--', database],
			{
				env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: databaseOf(dataDir) },
				timeout: 60_000
			},
			(error, stdout, stderr) =>
				done({ code: error ? ((error.code as number) ?? 1) : 0, stdout, stderr })
		)
	);
}

const EVERY_TABLE = [
	'FileContent',
	'ServerSecret',
	'Partnership',
	'User',
	'DecisionVersion',
	'AuditEvent',
	'DocUpdate',
	'DocSnapshot'
];

describe('copying the previous version’s SQLite record into PostgreSQL', () => {
	let old: string;
	let dataDir: string;
	let db: TestDb;
	let first: { code: number; stdout: string; stderr: string };
	beforeAll(async () => {
		old = await oldDataFolder('old');
		dataDir = await freshDataDir();
		db = openDb(dataDir);
		first = await runCommand(dataDir, join(old, 'workspace.db'));
	}, 90_000);
	afterAll(async () => {
		await db?.$disconnect();
		if (dataDir) await removeDataDir(dataDir);
	});

	it('copies every table, with the same number of rows, and says what it checked', async () => {
		expect(first.stderr).toBe('');
		expect(first.code).toBe(0);
		const source = await sqliteCounts(join(old, 'workspace.db'));
		expect(Object.keys(source).length).toBeGreaterThan(40);
		expect(await postgresCounts(databaseOf(dataDir), Object.keys(source))).toEqual(source);
		expect(first.stdout).toContain('in one transaction');
		expect(first.stdout).toMatch(/DecisionVersion\s+2\n/);
		expect(first.stdout).toContain(
			'2 decision version(s) of 1 decision(s): each hash recomputed from the copied rows'
		);
		expect(first.stdout).toContain('1 minutes version(s): each hash recomputed');
		expect(first.stdout).toContain('5 document update(s) of 2 document(s)');
		expect(first.stdout).toContain(`Files: 1 (${FILE.length} bytes)`);
		expect(first.stdout).toContain(`${FILE_SHA}.0d5c.partial`);
	});

	it('keeps dates, booleans, JSON and bytes as they were', async () => {
		const partnership = await db.partnership.findUniqueOrThrow({ where: { id: 'p-strathmuir' } });
		expect(partnership.createdAt.toISOString()).toBe('2026-11-01T09:00:00.000Z');
		const organisations = await db.organisation.findMany({ orderBy: { id: 'asc' } });
		expect(organisations.map((o) => [o.id, o.sector, o.statutory])).toEqual([
			['org-council', 'COUNCIL', true],
			['org-tsi', 'THIRD_SECTOR', false]
		]);
		// A CURRENT_TIMESTAMP default ('YYYY-MM-DD HH:MM:SS') is UTC, and within a minute of the build.
		expect(Math.abs(organisations[1].createdAt.getTime() - Date.now())).toBeLessThan(120_000);
		const membership = await db.membership.findUniqueOrThrow({ where: { id: 'ms-tsi' } });
		expect([membership.capacity, membership.delegatedAuthority, membership.title]).toEqual([
			'FROM_SECTOR',
			false,
			''
		]);
		const paper = await db.evidenceItem.findUniqueOrThrow({ where: { id: 'e-winter' } });
		expect(paper.allowedOrganisationIds).toEqual(['org-council', 'org-tsi']);
		expect([paper.confidentiality, paper.late, paper.withdrawn, paper.date]).toEqual([
			'RESTRICTED',
			true,
			false,
			null
		]);
		const event = await db.auditEvent.findUniqueOrThrow({ where: { id: 'ae-1' } });
		expect(event.detail).toEqual({ meetingId: 'm-board', version: 1, hash: V1_HASH, votes: null });
		expect(event.at.toISOString()).toBe('2026-11-30T19:05:00.123Z');
		const priority = await db.priority.findUniqueOrThrow({ where: { id: 'pr-1' } });
		expect(priority.standardsMet).toEqual(['INCLUSION', 'SUPPORT']);
		expect(priority.engagementTo).toBeNull();
		const session = await db.session.findUniqueOrThrow({ where: { id: 's-admin' } });
		expect(Buffer.from(session.secretHash).equals(SECRET_HASH)).toBe(true);
		const notification = await db.notification.findUniqueOrThrow({ where: { id: 'n-1' } });
		expect(notification.createdAt.toISOString()).toBe('2026-11-30T19:06:00.000Z');
		const item = await db.agendaItem.findUniqueOrThrow({ where: { id: 'a-winter' } });
		expect(item.private).toBe(true);
		const bodies = await db.body.findMany({ orderBy: { id: 'asc' } });
		expect(bodies.map((b) => [b.id, b.parentId, b.quorum])).toEqual([
			['b-board', null, 3],
			['b-forum', 'b-board', null]
		]);
		const snapshot = await db.docSnapshot.findUniqueOrThrow({ where: { docName: DOC_A } });
		expect([...snapshot.state]).toEqual([...SNAPSHOT_STATE]);
	});

	it('keeps decision versions whose hashes still verify, chained as before', async () => {
		const versions = await db.decisionVersion.findMany({
			where: { decisionId: 'd-winter' },
			orderBy: { version: 'asc' },
			include: { dissent: true, evidence: true, commitments: true }
		});
		expect(versions.map((v) => [v.version, v.hash, v.previousHash])).toEqual([
			[1, V1_HASH, null],
			[2, V2_HASH, V1_HASH]
		]);
		expect(versions[0].recordedAt.toISOString()).toBe(v1Content.recordedAt);
		expect(versions[0].participants).toEqual(v1Content.participants);
		expect([versions[0].quorate, versions[1].quorate]).toEqual([true, false]);
		expect(versions[0].commitments[0].withAuthority).toBe(true);
		const minutes = await db.minutesVersion.findUniqueOrThrow({ where: { id: 'mv-1' } });
		expect(minutes.hash).toBe(MINUTES_HASH);
	});

	it('numbers document updates anew, keeping each document’s order', async () => {
		const updates = await db.docUpdate.findMany({ orderBy: { seq: 'asc' } });
		const order = (docName: string) =>
			updates.filter((u) => u.docName === docName).map((u) => [...u.data]);
		expect(order(DOC_A)).toEqual([
			[0xa1, 1],
			[0xa2, 2],
			[0xa3, 3]
		]);
		expect(order(DOC_B)).toEqual([
			[0xb1, 1],
			[0xb2, 2]
		]);
		const last = updates.find((u) => u.data[0] === 0xb2)!;
		expect(last.at.toISOString()).toBe('2026-12-01T10:00:05.000Z');
		expect(last.userId).toBe('u-admin');
	});

	it('puts the files in FileContent and the device-cookie key in ServerSecret', async () => {
		const files = await db.fileContent.findMany();
		expect(files.map((f) => [f.sha256, f.size])).toEqual([[FILE_SHA, FILE.length]]);
		expect(Buffer.from(files[0].bytes).equals(FILE)).toBe(true);
		const secret = await db.serverSecret.findUniqueOrThrow({ where: { name: 'device-cookie' } });
		expect(Buffer.from(secret.value).equals(KEY)).toBe(true);
	});

	it('refuses a second copy into the same database, and changes nothing', async () => {
		const before = await postgresCounts(databaseOf(dataDir), EVERY_TABLE);
		const again = await runCommand(dataDir, join(old, 'workspace.db'));
		expect(again.code).toBe(1);
		expect(again.stderr).toContain(
			'Refused: The target database already holds 1 partnership(s) and 2 user(s).'
		);
		expect(again.stderr).toContain('Nothing was changed.');
		expect(await postgresCounts(databaseOf(dataDir), EVERY_TABLE)).toEqual(before);
	});

	it('leaves the edit-session numbering after the copied rows', async () => {
		const made = await db.docEditSession.create({
			data: {
				docName: DOC_B,
				userId: 'u-tsi',
				startedAt: new Date(),
				endedAt: new Date(),
				updates: 1
			}
		});
		expect(made.id).toBe(8);
	});
});

describe('a SQLite record that does not check out', () => {
	let dataDir: string;
	let target: pg.Pool;
	beforeAll(async () => {
		dataDir = await freshDataDir();
		target = new pg.Pool({ connectionString: databaseOf(dataDir) });
	});
	afterAll(async () => {
		await target?.end();
		if (dataDir) await removeDataDir(dataDir);
		rmSync(scratch, { recursive: true, force: true });
	});

	it('is not copied when a decision version’s hash differs: the target stays empty', async () => {
		const old = await oldDataFolder('tampered', { tamper: true });
		const copying = copyFromSqlite(target, {
			database: join(old, 'workspace.db'),
			files: join(old, 'files'),
			key: join(old, 'device-cookie.key')
		});
		await expect(copying).rejects.toThrow(CopyFailed);
		await expect(copying).rejects.toThrow(
			/DecisionVersion v2 \(decision d-winter, version 2\): its content does not give its stored hash/
		);
		const counts = await postgresCounts(databaseOf(dataDir), EVERY_TABLE);
		expect(Object.values(counts).every((n) => n === 0)).toBe(true);
	});

	it('names the table, column and row of a value it cannot read', async () => {
		const old = await oldDataFolder('bad-date');
		const SQL = await initSqlJs();
		const file = join(old, 'workspace.db');
		const db = new SQL.Database(readFileSync(file));
		db.run(`UPDATE "Meeting" SET "startsAt" = 'next Tuesday' WHERE "id" = 'm-board'`);
		writeFileSync(file, db.export());
		db.close();
		await expect(
			copyFromSqlite(target, { database: file, files: join(old, 'files'), key: join(old, 'k') })
		).rejects.toThrow(
			'Meeting.startsAt of id "m-board": the value "next Tuesday" cannot be read as a date and time'
		);
		expect((await postgresCounts(databaseOf(dataDir), EVERY_TABLE)).Partnership).toBe(0);
	});
});

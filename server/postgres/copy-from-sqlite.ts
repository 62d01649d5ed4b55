// Copying the whole record from the previous version's SQLite file (data/workspace.db, with the uploaded
// files in data/files and the device-cookie key in data/device-cookie.key) into the PostgreSQL database
// this version uses: `npm run copy-from-sqlite` (scripts/copy-from-sqlite.ts). In one transaction, into a
// database that holds no record yet; checked before it commits: every table's row count, every decision
// version's hash and chain and every minutes version's hash recomputed from the copied rows, each
// document's updates in their order, each file's bytes against its SHA-256. Anything amiss rolls it all
// back. The tables and columns are PostgreSQL's own (read from its catalogue, so the order of inserting
// follows the foreign keys); each value is converted by the type of its column there.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type pg from 'pg';
import {
	contentOf,
	decisionHash,
	type HashedVersion
} from '../../src/lib/server/decisions/index.ts';
import { minutesHash } from '../../src/lib/server/minutes/index.ts';
import { openSqliteCopy, rowsOf, type SqlValue, type SqliteCopy } from './sqlite-file.ts';

/** The migrations of the last version on SQLite: a file lacking one is from an older version still. */
export const LAST_SQLITE_MIGRATIONS = [
	'20261122000000_workspace',
	'20261123190000_meetings',
	'20261123220000_meeting_record',
	'20261123233000_priorities',
	'20261124000000_review',
	'20261206161500_auth_token_scope_expiry',
	'20261206161500_restricted_adders_organisation',
	'20261206162000_review_frozen_reviews_and_forum_verdicts'
];

/** PostgreSQL tables filled from elsewhere than a SQLite table of the same name, or not at all. */
const NOT_FROM_TABLES = new Set(['_prisma_migrations', 'FileContent', 'ServerSecret']);
/** Tables the SQLite version never had (issue 15's records): they start empty. */
const NEW_SINCE_SQLITE = new Set([
	'Indicator',
	'MeetingBody',
	'DecisionBody',
	'IndicatorReading',
	'ActionUpdate',
	'ActionResource',
	'Ratification',
	'PartnerStatement',
	'Risk',
	'RiskReview',
	'RiskVersion',
	'RiskOutcome',
	'RiskDecision',
	'RiskAction',
	'DelegationScheme',
	'DelegationCheck',
	'MatterArising',
	'DecisionReferral',
	'OutboundMail',
	'MailPreference',
	'CalendarFeed',
	'MeetingCalendar',
	'ResidentSupport',
	'ResidentComment',
	'DailyRun',
	'ReviewPseudonym'
]);
/** SQLite's own tables and Prisma's record of migrations: not part of the record. */
const SQLITE_BOOKKEEPING = /^(sqlite_.*|_prisma_migrations)$/;
/** The name the device-cookie key has in ServerSecret (src/lib/server/auth/device-cookie.ts). */
const DEVICE_COOKIE_SECRET = 'device-cookie';
/** One copy at a time into a database: a constant of this command's own ("copysqlt" in ASCII). */
const COPY_LOCK = 0x636f707973716c74n;

/**
 * Where the columns differ in meaning. DocUpdate's `seq` was a number per document, beside an `id`; it is
 * now numbered by the database across all documents. Rows go in in the old (document, seq) order, so each
 * document keeps its order.
 */
const SPECIAL: Record<
	string,
	{ notCopied: string[]; notRead: string[]; orderBy: string; key: string[] }
> = {
	DocUpdate: {
		notCopied: ['seq'],
		notRead: ['id', 'seq'],
		orderBy: '"docName", "seq"',
		key: ['docName', 'seq']
	}
};

/** The target already holds a record: nothing was changed. */
export class CopyRefused extends Error {}
/** The copy could not be made, or did not check out: rolled back, nothing was changed. */
export class CopyFailed extends Error {}

export interface CopySource {
	/** The SQLite file (workspace.db). */
	database: string;
	/** The folder of uploaded files, named by their SHA-256. */
	files: string;
	/** Whether a missing files folder is an error (named by the operator) or means there are none. */
	filesRequired?: boolean;
	/** The device-cookie signing key (32 bytes). */
	key: string;
	keyRequired?: boolean;
}

export interface CopyReport {
	source: string;
	/** Tables in the order copied, with their row counts (equal in both, or the copy would have failed). */
	tables: { name: string; rows: number }[];
	files: { count: number; bytes: number; folder: string | null; skipped: string[] };
	key: { copied: boolean; path: string };
	checked: {
		decisionVersions: number;
		decisions: number;
		minutesVersions: number;
		documentUpdates: number;
		documents: number;
	};
	/** Pages laid on from workspace.db-wal (changes the old version had not yet folded into the file). */
	walPages: number;
	/** Things worth knowing that did not stop the copy. */
	notes: string[];
	ms: { prepare: number; copy: number; check: number; total: number };
}

interface Column {
	name: string;
	/** PostgreSQL's data_type, or the enum's name for enum columns. */
	type: string;
	enumLabels?: Set<string>;
	nullable: boolean;
	hasDefault: boolean;
	serial: boolean;
}

interface Table {
	name: string;
	columns: Column[];
	primaryKey: string[];
	/** Foreign keys to other tables (for the order) and to itself (for the order of its rows). */
	references: Set<string>;
	selfReferences: { column: string; referenced: string }[];
}

const q = (name: string) => `"${name.replaceAll('"', '""')}"`;

// ---------------------------------------------------------------------------------------------------
// The target's tables, from PostgreSQL's catalogue.

async function targetTables(client: pg.ClientBase): Promise<Table[]> {
	const columns = await client.query<{
		table: string;
		column: string;
		data_type: string;
		udt_name: string;
		nullable: boolean;
		default: string | null;
	}>(
		`SELECT c.table_name::text AS "table", c.column_name::text AS "column", c.data_type::text,
			c.udt_name::text, c.is_nullable = 'YES' AS "nullable", c.column_default::text AS "default"
		FROM information_schema.columns c
		JOIN information_schema.tables t
			ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
		WHERE c.table_schema = current_schema()
		ORDER BY c.table_name, c.ordinal_position`
	);
	const enums = await client.query<{ name: string; labels: string[] }>(
		`SELECT t.typname::text AS "name", array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS "labels"
		FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`
	);
	const keys = await client.query<{
		kind: string;
		table: string;
		references: string | null;
		columns: string[];
		referenced: string[] | null;
	}>(
		`SELECT con.contype::text AS "kind", cl.relname::text AS "table", ref.relname::text AS "references",
			ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(n, i)
				JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.i) AS "columns",
			ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(n, i)
				JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.i) AS "referenced"
		FROM pg_constraint con
		JOIN pg_class cl ON cl.oid = con.conrelid
		JOIN pg_namespace ns ON ns.oid = cl.relnamespace
		LEFT JOIN pg_class ref ON ref.oid = con.confrelid
		WHERE con.contype IN ('p', 'f') AND ns.nspname = current_schema()`
	);
	const labels = new Map(enums.rows.map((row) => [row.name, new Set(row.labels)]));
	const tables = new Map<string, Table>();
	for (const row of columns.rows) {
		let table = tables.get(row.table);
		if (!table) {
			table = {
				name: row.table,
				columns: [],
				primaryKey: [],
				references: new Set(),
				selfReferences: []
			};
			tables.set(row.table, table);
		}
		const isEnum = row.data_type === 'USER-DEFINED' && labels.has(row.udt_name);
		table.columns.push({
			name: row.column,
			type: isEnum ? row.udt_name : row.data_type,
			enumLabels: isEnum ? labels.get(row.udt_name) : undefined,
			nullable: row.nullable,
			hasDefault: row.default !== null,
			serial: row.default?.startsWith('nextval(') ?? false
		});
	}
	for (const key of keys.rows) {
		const table = tables.get(key.table);
		if (!table) continue;
		if (key.kind === 'p') table.primaryKey = key.columns;
		else if (key.references === key.table)
			key.columns.forEach((column, i) =>
				table.selfReferences.push({ column, referenced: key.referenced![i] })
			);
		else if (key.references) table.references.add(key.references);
	}
	return [...tables.values()];
}

/** Tables in an order where each comes after every table it refers to (by name where free to choose). */
function inKeyOrder(tables: Table[]): Table[] {
	const byName = new Map(tables.map((t) => [t.name, t]));
	const done = new Set<string>();
	const ordered: Table[] = [];
	const visit = (table: Table, path: string[]) => {
		if (done.has(table.name)) return;
		if (path.includes(table.name))
			throw new CopyFailed(
				`The foreign keys go round in a loop: ${[...path, table.name].join(' → ')}`
			);
		for (const name of [...table.references].sort()) {
			const referenced = byName.get(name);
			if (referenced) visit(referenced, [...path, table.name]);
		}
		done.add(table.name);
		ordered.push(table);
	};
	for (const table of [...tables].sort((a, b) => (a.name < b.name ? -1 : 1))) visit(table, []);
	return ordered;
}

// ---------------------------------------------------------------------------------------------------
// Converting SQLite's values to PostgreSQL's.

const ISO_LIKE =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * A SQLite date and time as PostgreSQL reads it. Prisma wrote ISO 8601 text
 * ('2026-12-01T10:00:00.000+00:00'); SQL's CURRENT_TIMESTAMP writes '2026-12-01 10:00:00', in UTC; a
 * number is milliseconds since 1970 (Prisma's other format), or seconds when too small to be milliseconds
 * of any date after 1973.
 */
export function sqliteTimestamp(value: SqlValue): string {
	let date: Date | undefined;
	if (typeof value === 'number' || (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value))) {
		const n = Number(value);
		date = new Date(Math.abs(n) < 1e11 ? n * 1000 : n);
	} else if (typeof value === 'string') {
		const m = ISO_LIKE.exec(value.trim());
		if (m) {
			const [, y, mo, d, h = '00', mi = '00', s = '00', fraction = '', zone = 'Z'] = m;
			const ms = (fraction + '000').slice(0, 3);
			const offset =
				zone.toUpperCase() === 'Z'
					? 'Z'
					: `${zone.slice(0, 3)}:${zone.slice(3).replace(':', '').padEnd(2, '0')}`;
			date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}${offset}`);
		}
	}
	if (!date || Number.isNaN(date.getTime())) throw new Error('cannot be read as a date and time');
	return date.toISOString();
}

/** PostgreSQL's text cannot hold the NUL character, which SQLite's can. */
function withoutNul(text: string): string {
	if (text.includes('\u0000'))
		throw new Error('holds a NUL character, which PostgreSQL cannot store');
	return text;
}

function convert(column: Column, value: SqlValue): unknown {
	if (value === null) return null;
	switch (column.type) {
		case 'text':
			if (value instanceof Uint8Array) throw new Error('holds bytes, not text');
			return withoutNul(String(value));
		case 'integer':
		case 'bigint': {
			const n = typeof value === 'string' ? Number(value) : value;
			if (typeof n !== 'number' || !Number.isInteger(n)) throw new Error('is not a whole number');
			return n;
		}
		case 'boolean':
			if (value === 1 || value === 0) return value === 1;
			if (value === 'true' || value === 'false') return value === 'true';
			throw new Error('is not a true/false value (0 or 1)');
		case 'timestamp with time zone':
			return sqliteTimestamp(value);
		case 'jsonb':
			if (value instanceof Uint8Array) throw new Error('holds bytes, not JSON');
			let json: unknown;
			try {
				json = JSON.parse(String(value));
			} catch {
				throw new Error('is not valid JSON');
			}
			return withoutNul(JSON.stringify(json));
		case 'bytea':
			if (!(value instanceof Uint8Array)) throw new Error('holds text, not bytes');
			return Buffer.from(value);
		default:
			if (column.enumLabels) {
				if (typeof value !== 'string' || !column.enumLabels.has(value))
					throw new Error(`is not one of the ${column.type} values`);
				return value;
			}
			throw new Error(`has a PostgreSQL type (${column.type}) this copy does not know`);
	}
}

/** The array type unnest() takes a column's values as. */
function arrayType(column: Column): string {
	const scalar: Record<string, string> = {
		text: 'text',
		integer: 'int4',
		bigint: 'int8',
		boolean: 'bool',
		'timestamp with time zone': 'timestamptz',
		jsonb: 'jsonb',
		bytea: 'bytea'
	};
	return `${scalar[column.type] ?? q(column.type)}[]`;
}

function sizeOf(value: unknown): number {
	if (value === null) return 1;
	if (Buffer.isBuffer(value)) return value.length * 2;
	return typeof value === 'string' ? value.length : 8;
}

// ---------------------------------------------------------------------------------------------------
// The copy.

interface Plan {
	table: Table;
	/** Target columns filled from the source, in order. */
	columns: Column[];
	sourceRows: number;
}

function sqliteColumns(db: SqliteCopy['db'], table: string): Set<string> {
	return new Set([...rowsOf(db, `PRAGMA table_info(${q(table)})`)].map((row) => String(row[1])));
}

/** Checks the SQLite file is the last SQLite version's, table by table and column by column. */
function plan(source: SqliteCopy, tables: Table[], notes: string[]): Plan[] {
	const problems: string[] = [];
	const migrations = [
		...rowsOf(
			source.db,
			"SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'"
		)
	].length
		? new Set(
				[
					...rowsOf(
						source.db,
						'SELECT "migration_name" FROM "_prisma_migrations" ' +
							'WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL'
					)
				].map((row) => String(row[0]))
			)
		: null;
	if (migrations) {
		const missing = LAST_SQLITE_MIGRATIONS.filter((name) => !migrations.has(name));
		if (missing.length)
			problems.push(
				`it lacks ${missing.length} migration(s) of the last version that used SQLite (${missing.join(', ')}): ` +
					'start that version once on it, so it migrates, then copy'
			);
	} else
		notes.push('The SQLite file has no record of its migrations: its tables were checked instead.');

	const sourceTables = new Set(
		[...rowsOf(source.db, "SELECT name FROM sqlite_master WHERE type = 'table'")].map((row) =>
			String(row[0])
		)
	);
	const targets = new Map(tables.map((t) => [t.name, t]));
	for (const name of sourceTables)
		if (!SQLITE_BOOKKEEPING.test(name) && !targets.has(name))
			problems.push(`its table ${name} has no place in PostgreSQL`);

	const plans: Plan[] = [];
	for (const table of tables) {
		if (NOT_FROM_TABLES.has(table.name)) continue;
		if (NEW_SINCE_SQLITE.has(table.name) && !sourceTables.has(table.name)) continue;
		if (!sourceTables.has(table.name)) {
			problems.push(`it has no table ${table.name}`);
			continue;
		}
		const special = SPECIAL[table.name];
		const have = sqliteColumns(source.db, table.name);
		const columns: Column[] = [];
		for (const column of table.columns) {
			if (special?.notCopied.includes(column.name)) continue;
			if (have.has(column.name)) columns.push(column);
			else if (!column.nullable && !column.hasDefault)
				problems.push(`its table ${table.name} has no column ${column.name}`);
		}
		const kept = new Set(table.columns.map((c) => c.name));
		for (const name of have)
			if (!kept.has(name) && !special?.notRead.includes(name))
				problems.push(`its column ${table.name}.${name} has no place in PostgreSQL`);
		const [[count]] = [...rowsOf(source.db, `SELECT count(*) FROM ${q(table.name)}`)];
		plans.push({ table, columns, sourceRows: Number(count) });
	}
	if (problems.length)
		throw new CopyFailed(
			`The SQLite file is not one this copy can read whole:\n- ${problems.join('\n- ')}`
		);
	return plans;
}

/** The columns that name a row in messages. */
function keyColumns(table: Table): string[] {
	return SPECIAL[table.name]?.key ?? table.primaryKey;
}

/** A row's key, for messages. */
function keyOf(table: Table, row: Map<string, SqlValue>): string {
	const parts = keyColumns(table).map((c) => `${c} ${JSON.stringify(row.get(c) ?? null)}`);
	return parts.length ? parts.join(', ') : 'a row';
}

/** The source rows of a table, converted, in the order they go in. */
function readRows(source: SqliteCopy, { table, columns }: Plan): unknown[][] {
	const special = SPECIAL[table.name];
	const wanted = [...new Set([...columns.map((c) => c.name), ...keyColumns(table)])];
	const sql =
		`SELECT ${wanted.map(q).join(', ')} FROM ${q(table.name)}` +
		(special ? ` ORDER BY ${special.orderBy}` : '');
	const rows: unknown[][] = [];
	for (const values of rowsOf(source.db, sql)) {
		const raw = new Map(wanted.map((name, i) => [name, values[i]]));
		rows.push(
			columns.map((column) => {
				try {
					return convert(column, raw.get(column.name) ?? null);
				} catch (error) {
					throw new CopyFailed(
						`${table.name}.${column.name} of ${keyOf(table, raw)}: the value ` +
							`${JSON.stringify(describe(raw.get(column.name) ?? null))} ${(error as Error).message}`
					);
				}
			})
		);
	}
	return table.selfReferences.length ? parentsFirst(table, columns, rows) : rows;
}

function describe(value: SqlValue): SqlValue {
	if (value instanceof Uint8Array) return `(${value.length} bytes)`;
	return typeof value === 'string' && value.length > 80 ? `${value.slice(0, 80)}…` : value;
}

/** A table that refers to itself (a body's parent body): each row after the row it refers to. */
function parentsFirst(table: Table, columns: Column[], rows: unknown[][]): unknown[][] {
	const at = (name: string) => columns.findIndex((c) => c.name === name);
	const links = table.selfReferences.map((r) => ({ from: at(r.column), to: at(r.referenced) }));
	if (links.some((l) => l.from < 0 || l.to < 0)) return rows;
	const ordered: unknown[][] = [];
	const placed = new Set<unknown[]>();
	const visiting = new Set<unknown[]>();
	const index = links.map((l) => new Map(rows.map((row) => [row[l.to], row])));
	const place = (row: unknown[]) => {
		if (placed.has(row)) return;
		if (visiting.has(row)) throw new CopyFailed(`${table.name} rows refer to each other in a loop`);
		visiting.add(row);
		links.forEach((l, i) => {
			const parent = row[l.from] === null ? undefined : index[i].get(row[l.from]);
			if (parent && parent !== row) place(parent);
		});
		placed.add(row);
		ordered.push(row);
	};
	rows.forEach(place);
	return ordered;
}

const BATCH_ROWS = 1000;
const BATCH_CHARS = 16 * 1024 * 1024;

/** Inserts the rows in batches, each one INSERT … SELECT FROM unnest(), keeping their order. */
async function insertRows(
	client: pg.ClientBase,
	table: Table,
	columns: Column[],
	rows: unknown[][]
): Promise<void> {
	if (!rows.length) return;
	const names = columns.map((_, i) => `c${i}`);
	const sql =
		`INSERT INTO ${q(table.name)} (${columns.map((c) => q(c.name)).join(', ')}) ` +
		`SELECT ${names.map((n) => `u.${n}`).join(', ')} FROM unnest(` +
		columns.map((c, i) => `$${i + 1}::${arrayType(c)}`).join(', ') +
		`) WITH ORDINALITY AS u(${names.join(', ')}, "position") ORDER BY u."position"`;
	let start = 0;
	while (start < rows.length) {
		let end = start;
		let chars = 0;
		while (
			end < rows.length &&
			end - start < BATCH_ROWS &&
			(chars < BATCH_CHARS || end === start)
		) {
			chars += rows[end].reduce<number>((sum, value) => sum + sizeOf(value), 0);
			end++;
		}
		const batch = rows.slice(start, end);
		await client.query(
			sql,
			columns.map((_, i) => batch.map((row) => row[i]))
		);
		start = end;
	}
	for (const column of columns.filter((c) => c.serial))
		await client.query(
			`SELECT setval(pg_get_serial_sequence($1, $2), (SELECT max(${q(column.name)}) FROM ${q(table.name)}))`,
			[q(table.name), column.name]
		);
}

interface FileToCopy {
	sha256: string;
	path: string;
}

/** The uploaded files: every file named by a SHA-256; anything else is listed as skipped. */
function filesIn(folder: string): { files: FileToCopy[]; skipped: string[] } {
	const files: FileToCopy[] = [];
	const skipped: string[] = [];
	for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) =>
		a.name < b.name ? -1 : 1
	)) {
		if (entry.isFile() && /^[0-9a-f]{64}$/.test(entry.name))
			files.push({ sha256: entry.name, path: join(folder, entry.name) });
		else skipped.push(entry.name);
	}
	return { files, skipped };
}

async function copyFiles(
	client: pg.ClientBase,
	files: FileToCopy[]
): Promise<{ count: number; bytes: number }> {
	let bytes = 0;
	for (const file of files) {
		const content = readFileSync(file.path);
		const actual = createHash('sha256').update(content).digest('hex');
		if (actual !== file.sha256)
			throw new CopyFailed(
				`The file ${file.path} is damaged: its SHA-256 is ${actual}, not the ${file.sha256} it is named by.`
			);
		await client.query(
			'INSERT INTO "FileContent" ("sha256", "size", "bytes", "createdAt") VALUES ($1, $2, $3, $4) ' +
				'ON CONFLICT ("sha256") DO NOTHING',
			[file.sha256, content.length, content, statSync(file.path).mtime.toISOString()]
		);
		bytes += content.length;
	}
	return { count: files.length, bytes };
}

// ---------------------------------------------------------------------------------------------------
// The checks, on what PostgreSQL now holds, before it commits.

/** Every decision version's hash, recomputed from the copied rows as the app does (contentOf). */
async function checkDecisionVersions(
	client: pg.ClientBase
): Promise<{ versions: number; decisions: number }> {
	const versions = await client.query<{
		id: string;
		decisionId: string;
		version: number;
		wording: string;
		outcome: string;
		method: string;
		votesFor: number | null;
		votesAgainst: number | null;
		votesAbstained: number | null;
		alternatives: string;
		quorate: boolean;
		participants: unknown;
		hash: string;
		previousHash: string | null;
		recordedById: string;
		recordedAt: Date;
	}>(
		`SELECT "id", "decisionId", "version", "wording", "outcome"::text, "method"::text, "votesFor",
			"votesAgainst", "votesAbstained", "alternatives", "quorate", "participants", "hash", "previousHash",
			"recordedById", "recordedAt"
		FROM "DecisionVersion" ORDER BY "decisionId", "version"`
	);
	const byVersion = <T extends { versionId: string }>(rows: T[]) => {
		const map = new Map<string, T[]>();
		for (const row of rows) map.set(row.versionId, [...(map.get(row.versionId) ?? []), row]);
		return map;
	};
	const dissent = byVersion(
		(
			await client.query<{ versionId: string; membershipId: string; reason: string }>(
				'SELECT "versionId", "membershipId", "reason" FROM "DecisionDissent"'
			)
		).rows
	);
	const evidence = byVersion(
		(
			await client.query<{ versionId: string; evidenceItemId: string }>(
				'SELECT "versionId", "evidenceItemId" FROM "DecisionEvidence"'
			)
		).rows
	);
	const commitments = byVersion(
		(
			await client.query<{
				versionId: string;
				organisationId: string;
				membershipId: string | null;
				text: string;
				withAuthority: boolean;
			}>(
				'SELECT "versionId", "organisationId", "membershipId", "text", "withAuthority" FROM "DecisionCommitment"'
			)
		).rows
	);

	const wrong: string[] = [];
	let previous: (typeof versions.rows)[number] | undefined;
	for (const row of versions.rows) {
		const content = contentOf({
			...row,
			outcome: row.outcome as HashedVersion['outcome'],
			method: row.method as HashedVersion['method'],
			participants: row.participants as HashedVersion['participants'],
			dissent: dissent.get(row.id) ?? [],
			evidence: evidence.get(row.id) ?? [],
			commitments: commitments.get(row.id) ?? []
		});
		const name = `DecisionVersion ${row.id} (decision ${row.decisionId}, version ${row.version})`;
		if (decisionHash(content) !== row.hash)
			wrong.push(`${name}: its content does not give its stored hash`);
		const first = previous?.decisionId !== row.decisionId;
		const expected = first ? 1 : previous!.version + 1;
		if (row.version !== expected)
			wrong.push(`${name}: version ${expected} was expected after the one before`);
		if (row.previousHash !== (first ? null : previous!.hash))
			wrong.push(`${name}: it does not name the hash of the version before it`);
		previous = row;
	}
	if (wrong.length)
		throw new CopyFailed(
			`Decision versions do not check out after copying:\n- ${wrong.slice(0, 20).join('\n- ')}` +
				(wrong.length > 20 ? `\n- and ${wrong.length - 20} more` : '')
		);
	return {
		versions: versions.rows.length,
		decisions: new Set(versions.rows.map((r) => r.decisionId)).size
	};
}

async function checkMinutesVersions(client: pg.ClientBase): Promise<number> {
	const { rows } = await client.query<{
		id: string;
		meetingId: string;
		version: number;
		text: string;
		hash: string;
	}>('SELECT "id", "meetingId", "version", "text", "hash" FROM "MinutesVersion"');
	const wrong = rows.filter((r) => minutesHash(r.meetingId, r.version, r.text) !== r.hash);
	if (wrong.length)
		throw new CopyFailed(
			`Minutes versions do not check out after copying:\n- ${wrong
				.slice(0, 20)
				.map((r) => `MinutesVersion ${r.id} (meeting ${r.meetingId}, version ${r.version})`)
				.join('\n- ')}`
		);
	return rows.length;
}

/** Each document's updates are the same bytes in the same order as in SQLite. */
async function checkDocumentUpdates(
	client: pg.ClientBase,
	source: SqliteCopy
): Promise<{ updates: number; documents: number }> {
	const digest = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
	const expected = new Map<string, string[]>();
	for (const [docName, data] of rowsOf(
		source.db,
		'SELECT "docName", "data" FROM "DocUpdate" ORDER BY "docName", "seq"'
	))
		expected.set(String(docName), [
			...(expected.get(String(docName)) ?? []),
			digest(data as Uint8Array)
		]);
	const { rows } = await client.query<{ docName: string; digest: string }>(
		`SELECT "docName", encode(sha256("data"), 'hex') AS "digest" FROM "DocUpdate" ORDER BY "seq"`
	);
	const actual = new Map<string, string[]>();
	for (const row of rows) actual.set(row.docName, [...(actual.get(row.docName) ?? []), row.digest]);
	for (const [docName, digests] of expected) {
		const copied = actual.get(docName) ?? [];
		if (copied.join() !== digests.join())
			throw new CopyFailed(
				`The updates of document ${docName} are not the same, in the same order, after copying.`
			);
	}
	return { updates: rows.length, documents: expected.size };
}

async function countOf(client: pg.ClientBase, table: string): Promise<number> {
	const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${q(table)}`);
	return Number(rows[0].n);
}

// ---------------------------------------------------------------------------------------------------

/**
 * Copies the record in `source` into the database `target` reaches, in one transaction, checked before it
 * commits. Throws CopyRefused when the target already holds a record, CopyFailed when the copy cannot be
 * made or does not check out (the message names the table and row); either way nothing was changed.
 * `progress` hears a line per step.
 */
export async function copyFromSqlite(
	target: pg.Pool,
	from: CopySource,
	progress: (line: string) => void = () => undefined
): Promise<CopyReport> {
	const began = performance.now();
	const notes: string[] = [];

	const filesFolder = existsSync(from.files) && statSync(from.files).isDirectory();
	if (!filesFolder && from.filesRequired)
		throw new CopyFailed(`There is no folder of files at ${from.files}.`);
	const keyFile = existsSync(from.key) && statSync(from.key).isFile();
	if (!keyFile && from.keyRequired) throw new CopyFailed(`There is no key file at ${from.key}.`);

	progress(`Reading ${from.database}`);
	const source = await openSqliteCopy(from.database);
	let client: pg.PoolClient | undefined;
	try {
		if (source.walPages)
			notes.push(
				`${source.walPages} page(s) of recent changes were read from ${from.database}-wal ` +
					'(the old version had not yet folded them into the file).'
			);
		const { files, skipped } = filesFolder
			? filesIn(from.files)
			: { files: [], skipped: [] as string[] };
		if (!filesFolder) notes.push(`There is no folder of files at ${from.files}: no files copied.`);
		if (skipped.length)
			notes.push(
				`${skipped.length} item(s) in ${from.files} are not named by a SHA-256 and were left out: ` +
					skipped.slice(0, 10).join(', ')
			);
		const key = keyFile ? readFileSync(from.key) : null;
		if (!key)
			notes.push(`There is no key file at ${from.key}: a new key will be made on first use.`);
		else if (key.length !== 32)
			notes.push(`The key file holds ${key.length} bytes, not the usual 32; copied as it is.`);

		client = await target.connect();
		await client.query('BEGIN');
		await client.query('SELECT pg_advisory_xact_lock($1)', [COPY_LOCK.toString()]);
		const tables = inKeyOrder(await targetTables(client));
		if (!tables.some((t) => t.name === 'Partnership'))
			throw new CopyFailed('The target database has no Partnership table: is it migrated?');

		const partnerships = await countOf(client, 'Partnership');
		const users = await countOf(client, 'User');
		if (partnerships || users)
			throw new CopyRefused(
				`The target database already holds ${partnerships} partnership(s) and ${users} user(s). ` +
					'The copy goes only into a database with no record in it. Nothing was changed.'
			);
		const occupied: string[] = [];
		for (const table of tables)
			if (!NOT_FROM_TABLES.has(table.name) && (await countOf(client, table.name)))
				occupied.push(table.name);
		if (occupied.length)
			throw new CopyRefused(
				`The target database already holds rows in ${occupied.join(', ')}. The copy goes only into ` +
					'a database with no record in it. Nothing was changed.'
			);

		const plans = plan(source, tables, notes);
		const prepareMs = performance.now() - began;
		const copyBegan = performance.now();
		const rowCount = plans.reduce((sum, p) => sum + p.sourceRows, 0);
		progress(`Copying ${plans.length} tables (${rowCount} rows)`);
		for (const p of plans) {
			const rows = readRows(source, p);
			try {
				await insertRows(client, p.table, p.columns, rows);
			} catch (error) {
				if (error instanceof CopyFailed) throw error;
				const e = error as Error & { detail?: string };
				throw new CopyFailed(
					`Copying ${p.table.name} failed: ${e.message}${e.detail ? ` (${e.detail})` : ''}`
				);
			}
		}
		progress(`Copying ${files.length} file(s)`);
		const copied = await copyFiles(client, files);
		if (key)
			await client.query(
				'INSERT INTO "ServerSecret" ("name", "value") VALUES ($1, $2) ' +
					'ON CONFLICT ("name") DO UPDATE SET "value" = excluded."value"',
				[DEVICE_COOKIE_SECRET, key]
			);
		const copyMs = performance.now() - copyBegan;

		progress('Checking the copy');
		const checkBegan = performance.now();
		const counted: { name: string; rows: number }[] = [];
		const differ: string[] = [];
		for (const p of plans) {
			const rows = await countOf(client, p.table.name);
			counted.push({ name: p.table.name, rows });
			if (rows !== p.sourceRows)
				differ.push(`${p.table.name}: ${p.sourceRows} in SQLite, ${rows} in PostgreSQL`);
		}
		if (differ.length)
			throw new CopyFailed(`Row counts differ after copying:\n- ${differ.join('\n- ')}`);
		const badFiles = await client.query<{ sha256: string }>(
			`SELECT "sha256" FROM "FileContent" WHERE encode(sha256("bytes"), 'hex') <> "sha256" ` +
				'OR "size" <> length("bytes")'
		);
		if (badFiles.rows.length)
			throw new CopyFailed(
				`Files do not match their SHA-256 after copying: ${badFiles.rows.map((r) => r.sha256).join(', ')}`
			);
		const missing = await client.query<{ sha256: string; table: string }>(
			`SELECT DISTINCT "fileSha256" AS "sha256", 'EvidenceItem' AS "table" FROM "EvidenceItem"
				WHERE "fileSha256" IS NOT NULL AND "fileSha256" NOT IN (SELECT "sha256" FROM "FileContent")
			UNION SELECT DISTINCT "sha256", 'PriorityFile' FROM "PriorityFile"
				WHERE "sha256" NOT IN (SELECT "sha256" FROM "FileContent")`
		);
		if (missing.rows.length)
			notes.push(
				`${missing.rows.length} file(s) that papers name were not in ${from.files} (so were missing ` +
					`before the copy too): ${missing.rows
						.slice(0, 10)
						.map((r) => `${r.sha256} (${r.table})`)
						.join(', ')}`
			);
		const decisions = await checkDecisionVersions(client);
		const minutesVersions = await checkMinutesVersions(client);
		const documents = await checkDocumentUpdates(client, source);
		const checkMs = performance.now() - checkBegan;

		await client.query('COMMIT');
		return {
			source: from.database,
			tables: counted,
			files: {
				count: copied.count,
				bytes: copied.bytes,
				folder: filesFolder ? from.files : null,
				skipped
			},
			key: { copied: key !== null, path: from.key },
			checked: {
				decisionVersions: decisions.versions,
				decisions: decisions.decisions,
				minutesVersions,
				documentUpdates: documents.updates,
				documents: documents.documents
			},
			walPages: source.walPages,
			notes,
			ms: {
				prepare: Math.round(prepareMs),
				copy: Math.round(copyMs),
				check: Math.round(checkMs),
				total: Math.round(performance.now() - began)
			}
		};
	} catch (error) {
		await client?.query('ROLLBACK').catch(() => undefined);
		throw error;
	} finally {
		client?.release();
		source.close();
	}
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The report, as the command prints it. */
export function formatReport(report: CopyReport, into: string): string {
	const width = Math.max(...report.tables.map((t) => t.name.length));
	const total = report.tables.reduce((sum, t) => sum + t.rows, 0);
	const c = report.checked;
	const lines = [
		`Copied ${report.source}`,
		`into ${into}, in one transaction.`,
		'',
		'Tables (rows):',
		...[...report.tables]
			.sort((a, b) => (a.name < b.name ? -1 : 1))
			.map((t) => `  ${t.name.padEnd(width)}  ${String(t.rows).padStart(7)}`),
		`  ${'Total'.padEnd(width)}  ${String(total).padStart(7)} in ${report.tables.length} tables`,
		'',
		report.files.folder
			? `Files: ${report.files.count} (${report.files.bytes} bytes) from ${report.files.folder} into FileContent`
			: 'Files: none (no files folder)',
		report.key.copied
			? `Device-cookie key: copied from ${report.key.path} into ServerSecret`
			: 'Device-cookie key: none found (a new one is made on first use)',
		'',
		'Checked before committing:',
		`  row counts of all ${report.tables.length} tables equal SQLite's`,
		`  ${c.decisionVersions} decision version(s) of ${c.decisions} decision(s): each hash recomputed from the copied rows, and the chain of versions`,
		`  ${c.minutesVersions} minutes version(s): each hash recomputed`,
		`  ${c.documentUpdates} document update(s) of ${c.documents} document(s): the same bytes in the same order`,
		`  ${report.files.count} file(s): bytes match the SHA-256 they are named by`,
		'',
		`Took ${seconds(report.ms.total)} (reading the SQLite file and both schemas ${seconds(report.ms.prepare)}, ` +
			`copying ${seconds(report.ms.copy)}, checking ${seconds(report.ms.check)}).`
	];
	if (report.notes.length) lines.push('', 'Notes:', ...report.notes.map((n) => `  - ${n}`));
	return lines.join('\n');
}

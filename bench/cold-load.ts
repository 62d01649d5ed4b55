// Cold load: a minutes document with a long history, stored the two ways our server keeps documents: as
// its update log only (never compacted) and as one snapshot with no log. Timed from opening a socket to the
// provider's first 'sync' on a server that has not had the document in memory.
import pg from 'pg';
import * as Y from 'yjs';
import { minutesFragment, minutesMarkdown } from '../src/lib/collab/minutes.ts';
import { databaseOf } from '../tests/support/database.ts';
import { closeClients, openClient, whenSynced } from './clients.ts';
import { COLD_LOAD_TARGET_MS, median, type ColdLoadResult } from './report.ts';
import { startOurs, type BenchServer } from './servers.ts';
import { settle } from './proc-stats.ts';

export interface History {
	updates: Uint8Array[];
	/** Y.encodeStateAsUpdate of the document rebuilt from `updates`. */
	state: Uint8Array;
	logBytes: number;
	textLength: number;
}

/** A small deterministic generator, so every run stores the same document. */
function random(seed: number): () => number {
	let s = seed >>> 0;
	return () => {
		s = (s + 0x6d2b79f5) >>> 0;
		let t = Math.imul(s ^ (s >>> 15), 1 | s);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const WORDS = [
	'the ',
	'board ',
	'agreed ',
	'to ',
	'fund ',
	'a ',
	'pilot ',
	'in ',
	'Northfield ',
	'. '
];

/** One paragraph of the minutes document, where typing lands as the editor's binding puts it. */
function typedParagraph(doc: Y.Doc): Y.XmlText {
	const paragraph = new Y.XmlElement('paragraph');
	const text = new Y.XmlText();
	minutesFragment(doc).insert(0, [paragraph]);
	paragraph.insert(0, [text]);
	return text;
}

/**
 * One person typing minutes, one update per keystroke-burst: mostly at the cursor, now and then the cursor
 * jumps elsewhere to correct something, as minute-taking goes.
 */
export function buildHistory(count: number, seed = 2026): History {
	const next = random(seed);
	const doc = new Y.Doc();
	const updates: Uint8Array[] = [];
	doc.on('update', (update: Uint8Array) => updates.push(update));
	const text = typedParagraph(doc);
	let cursor = 0;
	for (let i = 0; i < count; i++) {
		if (next() < 0.1) cursor = Math.floor(next() * (text.length + 1));
		const word = WORDS[Math.floor(next() * WORDS.length)];
		text.insert(cursor, word);
		cursor += word.length;
	}
	const rebuilt = new Y.Doc();
	Y.transact(rebuilt, () => updates.forEach((u) => Y.applyUpdate(rebuilt, u)));
	if (minutesMarkdown(rebuilt) !== minutesMarkdown(doc))
		throw new Error('the rebuilt document differs from the one written');
	return {
		updates,
		state: Y.encodeStateAsUpdate(rebuilt),
		logBytes: updates.reduce((sum, u) => sum + u.byteLength, 0),
		textLength: minutesMarkdown(doc).length
	};
}

/** Log rows per INSERT: one statement per few thousand rows keeps 250,000 of them to seconds. */
const ROWS_PER_INSERT = 5_000;

/**
 * Part of a document's log, in one statement: one array parameter, not a row each. The log's numbers are
 * the database's, one sequence across every document (as the server's own INSERT draws them, in the order
 * given): numbering each document from 1 would collide with the other documents' rows.
 */
const INSERT_UPDATES =
	'INSERT INTO "DocUpdate" ("seq", "docName", "data", "userId", "at") ' +
	`SELECT nextval('"DocUpdate_seq_seq"'), $1::text, u.data, $2::text, $3::timestamptz ` +
	'FROM unnest($4::bytea[]) WITH ORDINALITY AS u(data, n) ORDER BY u.n';
/** A snapshot of everything up to the last number handed out (loading reads it and every row left). */
const INSERT_SNAPSHOT =
	'INSERT INTO "DocSnapshot" ("docName", "seq", "state", "updatedAt") ' +
	`VALUES ($1, (SELECT last_value FROM "DocUpdate_seq_seq"), $2, $3)`;

/**
 * Writes `history` into the data folder's PostgreSQL database in one transaction: each name in `logged`
 * gets the whole update log (n rows), each name in `compacted` one snapshot and no log rows.
 */
export async function storeHistory(
	dataDir: string,
	history: History,
	logged: string[],
	compacted: string[],
	userId: string | null
): Promise<void> {
	const client = new pg.Client({ connectionString: databaseOf(dataDir) });
	await client.connect();
	try {
		const at = new Date().toISOString();
		const updates = history.updates.map((update) => Buffer.from(update));
		await client.query('BEGIN');
		for (const docName of logged) {
			for (let after = 0; after < updates.length; after += ROWS_PER_INSERT)
				await client.query(INSERT_UPDATES, [
					docName,
					userId,
					at,
					updates.slice(after, after + ROWS_PER_INSERT)
				]);
		}
		for (const docName of compacted)
			await client.query(INSERT_SNAPSHOT, [docName, Buffer.from(history.state), at]);
		await client.query('COMMIT');
		// Fresh statistics, as a server that had written the log itself over time would have.
		await client.query('ANALYZE "DocUpdate", "DocSnapshot"');
	} catch (error) {
		await client.query('ROLLBACK').catch(() => undefined);
		throw error;
	} finally {
		await client.end();
	}
}

export interface ColdLoad {
	ms: number;
	textLength: number;
}

/** Opens one client on a document the server has not loaded and times it to its first sync. */
export async function timeFirstSync(
	server: BenchServer,
	docName: string,
	cookie: string,
	timeoutMs?: number
): Promise<ColdLoad> {
	const started = performance.now();
	const client = openClient(server, docName, cookie);
	try {
		await whenSynced(client.provider, timeoutMs);
		const ms = performance.now() - started;
		return { ms, textLength: minutesMarkdown(client.doc).length };
	} finally {
		closeClients([client]);
	}
}

/** Updates in the warm-up document's log. */
const WARM_UP_UPDATES = 1_000;

export interface ColdLoadPlan {
	/** Our data folder; the server on it is stopped, the history stored, and a fresh one started. */
	dataDir: string;
	ours: BenchServer;
	cookie: string;
	updates: number;
	/** One document per repetition for each way of storing, so every load is a first load. */
	logged: string[];
	compacted: string[];
	/** A document with a short history for the fresh process's first socket. */
	warmUp: string;
	log: (line: string) => void;
}

export async function measureColdLoad(plan: ColdLoadPlan): Promise<ColdLoadResult> {
	const { log, cookie } = plan;
	log(`\nCold load: building a minutes document from ${plan.updates} updates…`);
	const history = buildHistory(plan.updates);
	await plan.ours.stop();
	await storeHistory(plan.dataDir, history, plan.logged, plan.compacted, null);
	const start = { ...history, updates: history.updates.slice(0, WARM_UP_UPDATES) };
	await storeHistory(plan.dataDir, start, [plan.warmUp], [], null);
	log(
		`  stored ${plan.logged.length} × ${history.updates.length} log rows (${history.logBytes} bytes each) ` +
			`and ${plan.compacted.length} × 1 snapshot (${history.state.byteLength} bytes); restarting our server`
	);
	const server = await startOurs(plan.dataDir);
	// The first socket of a fresh process pays for its own start (session lookup, database connection,
	// compiling the decoder); it goes to another document so that neither measured one is charged for it.
	await timeFirstSync(server, plan.warmUp, cookie);
	const logOnlyMs: number[] = [];
	const compactedMs: number[] = [];
	for (let i = 0; i < Math.min(plan.logged.length, plan.compacted.length); i++) {
		const pair = [
			[plan.logged[i], logOnlyMs],
			[plan.compacted[i], compactedMs]
		] as const;
		// Alternating which goes first, so neither always follows the other's garbage.
		for (const [docName, into] of i % 2 ? [...pair].reverse() : pair) {
			// The server may still be compacting the log it just loaded.
			await settle(server.pid);
			const load = await timeFirstSync(server, docName, cookie);
			if (load.textLength !== history.textLength)
				throw new Error(
					`${docName} loaded ${load.textLength} characters, not ${history.textLength}`
				);
			into.push(load.ms);
		}
		log(
			`  run ${i + 1}: log only ${logOnlyMs[i].toFixed(1)} ms, compacted ${compactedMs[i].toFixed(1)} ms`
		);
	}
	await server.stop();
	return {
		updates: history.updates.length,
		logBytes: history.logBytes,
		snapshotBytes: history.state.byteLength,
		textLength: history.textLength,
		logOnlyMs,
		compactedMs,
		logOnlyMedianMs: median(logOnlyMs),
		compactedMedianMs: median(compactedMs),
		targetMs: COLD_LOAD_TARGET_MS,
		pass: median(compactedMs) < COLD_LOAD_TARGET_MS
	};
}

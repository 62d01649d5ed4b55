// `npm run bench:trace`: five years of a partnership's record (2,000 priorities, 600 meetings, 6,000
// decisions with versions, 10,000 priority events, actions serving ten plan outcomes, 50 indicators with
// monthly readings, some corrected) written into a fresh copy of the tests'
// migrated PostgreSQL database with multi-row INSERTs in one transaction, then the trace for the whole
// period and one priority's timeline read many times, in process, through the same functions the API
// calls. Prints p50/p95 against the targets, writes bench/results/trace-<date>.json and the
// "Traceability" section of docs/PERFORMANCE.md (the sync section is left as it is). `--quick` runs fewer
// repetitions and writes nothing.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import pg from 'pg';
import * as prettier from 'prettier';
import { databaseOf, prepareTestDatabase } from '../tests/support/database.ts';
import { makePartnership } from '../tests/support/factories.ts';
import { openDb, useDataDir } from '../tests/support/server.ts';
import { freshDataDir, removeDataDir } from './fixture.ts';
import { currentLoad, describeMachine } from './machine.ts';

const quick = process.argv.includes('--quick');
const TRACE_RUNS = quick ? 10 : 100;
const TIMELINE_RUNS = quick ? 100 : 1000;
const WARM_UP = 5;
const TARGETS = { traceP95Ms: 100, timelineP95Ms: 20 };
const SIZE = {
	forums: 8,
	themeGroups: 4,
	meetings: 600,
	itemsPerMeeting: 10,
	priorities: 2000,
	events: 10_000,
	years: 5,
	outcomes: 10,
	indicators: 50,
	/** One reading in this many is corrected by a later one (which replaces it). */
	correctedEvery: 20
};

const log = (line: string) => console.log(line);
let counter = 0;
/** A cuid-shaped id (lower case letters and digits, 25 long). */
const id = () => `c${(counter++).toString(36).padStart(8, '0')}${randomBytes(8).toString('hex')}`;
const sqlDate = (at: Date) => at.toISOString();

/** Rows per INSERT: the 10,000 events go in two statements, not 10,000 round trips. */
const ROWS_PER_INSERT = 5_000;

/**
 * A table's generated rows, kept until they are all written: then a multi-row INSERT per few thousand
 * rows, each column sent as one array and unnested. `columns` gives each column's PostgreSQL type (an enum
 * column its enum type, since text does not turn into an enum by itself in INSERT … SELECT).
 */
function rows(table: string, columns: [name: string, type: string][]) {
	const all: unknown[][] = [];
	const names = columns.map(([name]) => `"${name}"`).join(', ');
	const arrays = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
	const sql = `INSERT INTO "${table}" (${names}) SELECT * FROM unnest(${arrays})`;
	return {
		add: (...values: unknown[]) => void all.push(values),
		async write(client: pg.Client): Promise<void> {
			for (let from = 0; from < all.length; from += ROWS_PER_INSERT) {
				const chunk = all.slice(from, from + ROWS_PER_INSERT);
				await client.query(
					sql,
					columns.map((_, i) => chunk.map((row) => row[i]))
				);
			}
		}
	};
}

/** A small deterministic generator, so every run writes the same record. */
function random(seed: number) {
	return () => {
		seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
		return seed / 2 ** 31;
	};
}

function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

interface Generated {
	slug: string;
	userId: string;
	priorityIds: string[];
	counts: Record<string, number>;
	seconds: number;
}

async function generate(dataDir: string): Promise<Generated> {
	const started = performance.now();
	const prisma = openDb(dataDir);
	const fx = await makePartnership(prisma, 'bench-trace');
	await prisma.$disconnect();
	const rnd = random(42);
	const pick = <T>(list: T[]) => list[Math.floor(rnd() * list.length)];
	const partnershipId = fx.partnership.id;
	const officer = fx.members.SECRETARIAT.userId;
	const organisations = Object.values(fx.organisations).map((o) => o.id);
	const start = new Date(Date.UTC(new Date().getUTCFullYear() - SIZE.years, 0, 1));
	const span = SIZE.years * 365 * 86_400_000;
	const at = (fraction: number) => new Date(start.getTime() + Math.floor(fraction * span));
	const counts: Record<string, number> = {};
	const count = (table: string, n = 1) => (counts[table] = (counts[table] ?? 0) + n);

	// In the order they are written, each after the tables its rows refer to.
	const insert = {
		body: rows('Body', [
			['id', 'text'],
			['partnershipId', 'text'],
			['name', 'text'],
			['kind', '"BodyKind"'],
			['parentId', 'text'],
			['createdAt', 'timestamptz']
		]),
		meeting: rows('Meeting', [
			['id', 'text'],
			['partnershipId', 'text'],
			['bodyId', 'text'],
			['title', 'text'],
			['startsAt', 'timestamptz'],
			['status', '"MeetingStatus"'],
			['createdById', 'text'],
			['createdAt', 'timestamptz']
		]),
		item: rows('AgendaItem', [
			['id', 'text'],
			['meetingId', 'text'],
			['order', 'int'],
			['title', 'text'],
			['purpose', '"ItemPurpose"'],
			['updatedAt', 'timestamptz']
		]),
		decision: rows('Decision', [
			['id', 'text'],
			['partnershipId', 'text'],
			['bodyId', 'text'],
			['meetingId', 'text'],
			['agendaItemId', 'text'],
			['createdAt', 'timestamptz']
		]),
		version: rows('DecisionVersion', [
			['id', 'text'],
			['decisionId', 'text'],
			['version', 'int'],
			['wording', 'text'],
			['outcome', '"DecisionOutcome"'],
			['method', '"DecisionMethod"'],
			['quorate', 'boolean'],
			['hash', 'text'],
			['previousHash', 'text'],
			['recordedById', 'text'],
			['recordedAt', 'timestamptz']
		]),
		action: rows('Action', [
			['id', 'text'],
			['partnershipId', 'text'],
			['bodyId', 'text'],
			['meetingId', 'text'],
			['decisionId', 'text'],
			['text', 'text'],
			['ownerOrganisationId', 'text'],
			['status', '"ActionStatus"'],
			['createdById', 'text'],
			['createdAt', 'timestamptz'],
			['updatedAt', 'timestamptz']
		]),
		priority: rows('Priority', [
			['id', 'text'],
			['partnershipId', 'text'],
			['raisedByBodyId', 'text'],
			['currentBodyId', 'text'],
			['title', 'text'],
			['said', 'text'],
			['area', 'text'],
			['theme', 'text'],
			['engagementMethod', '"EngagementMethod"'],
			['participants', 'int'],
			['status', '"PriorityStatus"'],
			['leadOrganisationId', 'text'],
			['lastEventAt', 'timestamptz'],
			['createdById', 'text'],
			['createdAt', 'timestamptz']
		]),
		outcome: rows('Outcome', [
			['id', 'text'],
			['partnershipId', 'text'],
			['kind', '"OutcomeKind"'],
			['code', 'text'],
			['title', 'text']
		]),
		actionOutcome: rows('ActionOutcome', [
			['actionId', 'text'],
			['outcomeId', 'text']
		]),
		indicator: rows('Indicator', [
			['id', 'text'],
			['partnershipId', 'text'],
			['outcomeId', 'text'],
			['name', 'text'],
			['unit', 'text'],
			['sourceOrganisationId', 'text'],
			['geography', 'text'],
			['direction', '"IndicatorDirection"'],
			['baselineValue', 'float8'],
			['baselineOn', 'date'],
			['targetValue', 'float8'],
			['targetOn', 'date'],
			['createdById', 'text'],
			['createdAt', 'timestamptz']
		]),
		reading: rows('IndicatorReading', [
			['id', 'text'],
			['indicatorId', 'text'],
			['value', 'float8'],
			['on', 'date'],
			['source', 'text'],
			['note', 'text'],
			['correctsId', 'text'],
			['recordedById', 'text'],
			['recordedAt', 'timestamptz']
		]),
		event: rows('PriorityEvent', [
			['id', 'text'],
			['priorityId', 'text'],
			['type', '"PriorityEventType"'],
			['byBodyId', 'text'],
			['toBodyId', 'text'],
			['agendaItemId', 'text'],
			['decisionId', 'text'],
			['actionId', 'text'],
			['leadOrganisationId', 'text'],
			['influenceDeclared', '"InfluenceLevel"'],
			['influenceAchieved', '"InfluenceLevel"'],
			['reason', 'text'],
			['recordedById', 'text'],
			['at', 'timestamptz']
		])
	};

	const priorityIds: string[] = [];
	const now = sqlDate(new Date());
	const board = fx.bodies.board.id;
	const themes = [fx.bodies.theme.id];
	for (let t = 1; t < SIZE.themeGroups; t++) {
		const themeId = id();
		insert.body.add(themeId, partnershipId, `Theme group ${t}`, 'THEME_GROUP', board, now);
		themes.push(themeId);
	}
	const forums = [{ id: fx.bodies.forum.id, parent: fx.bodies.theme.id }];
	for (let f = 1; f < SIZE.forums; f++) {
		const forumId = id();
		const parent = themes[f % themes.length];
		insert.body.add(forumId, partnershipId, `Locality forum ${f}`, 'LOCALITY_FORUM', parent, now);
		forums.push({ id: forumId, parent });
	}
	count('Body', SIZE.themeGroups - 1 + SIZE.forums - 1);

	// The plan's outcomes, each with its share of the 50 indicators, read monthly through the five years.
	const outcomeIds: string[] = [];
	for (let o = 0; o < SIZE.outcomes; o++) {
		const outcomeId = id();
		insert.outcome.add(outcomeId, partnershipId, 'LOIP', `LOIP ${o + 1}`, `Plan outcome ${o + 1}`);
		outcomeIds.push(outcomeId);
	}
	count('Outcome', SIZE.outcomes);
	const isoDay = (at: Date) => at.toISOString().slice(0, 10);
	const months = SIZE.years * 12;
	for (let n = 0; n < SIZE.indicators; n++) {
		const indicatorId = id();
		const up = n % 2 === 0;
		const baseline = 20 + Math.floor(rnd() * 60);
		const target = up ? baseline + 10 : baseline - 10;
		insert.indicator.add(
			indicatorId,
			partnershipId,
			outcomeIds[n % SIZE.outcomes],
			`Indicator ${n + 1}`,
			'%',
			pick(organisations),
			'Whole area',
			up ? 'UP' : 'DOWN',
			baseline,
			isoDay(start),
			target,
			isoDay(new Date(start.getTime() + (SIZE.years + 2) * 365 * 86_400_000)),
			officer,
			sqlDate(start)
		);
		let value = baseline;
		for (let m = 0; m < months; m++) {
			const on = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + m, 15));
			value = Number((value + (rnd() - 0.45) * (up ? 1 : -1)).toFixed(1));
			const readingId = id();
			const recordedAt = sqlDate(new Date(on.getTime() + 14 * 86_400_000));
			insert.reading.add(
				readingId,
				indicatorId,
				value,
				isoDay(on),
				'Survey',
				'',
				null,
				officer,
				recordedAt
			);
			count('IndicatorReading');
			if ((n * months + m) % SIZE.correctedEvery === 0) {
				insert.reading.add(
					id(),
					indicatorId,
					value + 0.5,
					isoDay(on),
					'Survey',
					'Corrected',
					readingId,
					officer,
					recordedAt
				);
				count('IndicatorReading');
			}
		}
	}
	count('Indicator', SIZE.indicators);

	// Meetings through the five years, a third of them the board's; ten decided items each.
	type Decided = { decisionId: string; itemId: string; at: Date; actionIds: string[] };
	const decidedByBody = new Map<string, Decided[]>();
	for (let m = 0; m < SIZE.meetings; m++) {
		const bodyId = m % 3 === 0 ? board : themes[m % themes.length];
		const startsAt = at((m + 0.5) / SIZE.meetings);
		const meetingId = id();
		insert.meeting.add(
			meetingId,
			partnershipId,
			bodyId,
			`Meeting ${m + 1}`,
			sqlDate(startsAt),
			'CLOSED',
			officer,
			sqlDate(startsAt)
		);
		for (let i = 0; i < SIZE.itemsPerMeeting; i++) {
			const itemId = id();
			const decisionId = id();
			const when = sqlDate(startsAt);
			insert.item.add(
				itemId,
				meetingId,
				i + 1,
				`Item ${i + 1} of meeting ${m + 1}`,
				'DECISION',
				when
			);
			insert.decision.add(decisionId, partnershipId, bodyId, meetingId, itemId, when);
			const versions = i % 5 === 0 ? 2 : 1;
			let previous: string | null = null;
			for (let v = 1; v <= versions; v++) {
				const hash = randomBytes(16).toString('hex');
				insert.version.add(
					id(),
					decisionId,
					v,
					`The meeting agrees proposal ${i + 1} of meeting ${m + 1}${v > 1 ? ', as corrected' : ''}.`,
					'AGREED',
					'CONSENSUS',
					true,
					hash,
					previous,
					officer,
					when
				);
				previous = hash;
				count('DecisionVersion');
			}
			const actionIds: string[] = [];
			if (i % 2 === 0) {
				const actionId = id();
				insert.action.add(
					actionId,
					partnershipId,
					bodyId,
					meetingId,
					decisionId,
					`Carry out proposal ${i + 1} of meeting ${m + 1}`,
					pick(organisations),
					pick(['OPEN', 'IN_PROGRESS', 'DONE']),
					officer,
					when,
					when
				);
				actionIds.push(actionId);
				count('Action');
				// Each action serves one outcome, one in three a second as well.
				const first = Math.floor(rnd() * SIZE.outcomes);
				insert.actionOutcome.add(actionId, outcomeIds[first]);
				if (i % 3 === 0)
					insert.actionOutcome.add(actionId, outcomeIds[(first + 1) % SIZE.outcomes]);
				count('ActionOutcome', i % 3 === 0 ? 2 : 1);
			}
			const list = decidedByBody.get(bodyId) ?? [];
			list.push({ decisionId, itemId, at: startsAt, actionIds });
			decidedByBody.set(bodyId, list);
		}
	}
	count('Meeting', SIZE.meetings);
	count('AgendaItem', SIZE.meetings * SIZE.itemsPerMeeting);
	count('Decision', SIZE.meetings * SIZE.itemsPerMeeting);

	// Priorities: lifecycles of 2 to 8 events, averaging five, so 2,000 give 10,000 events.
	const LENGTHS = [2, 3, 4, 5, 6, 7, 8, 5];
	const themesOfWork = ['Transport', 'Health', 'Poverty', 'Young people', 'Housing', 'Climate'];
	const influence = ['INFORM', 'CONSULT', 'INVOLVE', 'COLLABORATE', 'EMPOWER'];
	for (let p = 0; p < SIZE.priorities; p++) {
		const priorityId = id();
		priorityIds.push(priorityId);
		const forum = forums[p % forums.length];
		const length = LENGTHS[p % LENGTHS.length];
		const raised = at((p / SIZE.priorities) * 0.9);
		const day = 86_400_000;
		let when = raised;
		const next = () => (when = new Date(when.getTime() + (3 + Math.floor(rnd() * 40)) * day));
		const events: unknown[][] = [];
		const event = (type: string, extra: Partial<Record<string, string | null>> = {}) =>
			events.push([
				id(),
				priorityId,
				type,
				extra.byBodyId ?? null,
				extra.toBodyId ?? null,
				extra.agendaItemId ?? null,
				extra.decisionId ?? null,
				extra.actionId ?? null,
				extra.leadOrganisationId ?? null,
				extra.influenceDeclared ?? null,
				extra.influenceAchieved ?? null,
				extra.reason ?? '',
				officer,
				sqlDate(when)
			]);
		let status = 'RAISED';
		let holder = forum.id;
		let lead: string | null = null;
		event('RAISED', { byBodyId: forum.id });
		const decidedHere = decidedByBody.get(forum.parent)!;
		const decided = decidedHere[Math.floor(rnd() * decidedHere.length)];
		const steps: (() => void)[] = [
			() => {
				next();
				holder = forum.parent;
				status = 'SUBMITTED';
				event('SUBMITTED', { byBodyId: forum.id, toBodyId: holder });
			},
			() => {
				next();
				lead = pick(organisations);
				status = 'ACCEPTED';
				event('ACCEPTED', { byBodyId: holder, leadOrganisationId: lead });
			},
			() => {
				next();
				status = 'SCHEDULED';
				event('SCHEDULED', { byBodyId: holder, agendaItemId: decided.itemId });
			},
			() => {
				next();
				status = 'DECIDED';
				event('DECIDED', {
					decisionId: decided.decisionId,
					influenceDeclared: pick(influence),
					influenceAchieved: pick(influence)
				});
			},
			() => {
				next();
				event('ACTION', { actionId: decided.actionIds[0] ?? null });
			},
			() => {
				next();
				status = 'FEEDBACK_PUBLISHED';
				event('FEEDBACK_PUBLISHED');
			},
			() => {
				next();
				status = 'CLOSED';
				event('CLOSED');
			}
		];
		for (let s = 0; s < length - 1; s++) steps[s]();
		insert.priority.add(
			priorityId,
			partnershipId,
			forum.id,
			holder,
			`Priority ${p + 1}: ${pick(themesOfWork).toLowerCase()} in locality ${(p % forums.length) + 1}`,
			'What people said at the forum, in their words.',
			`Locality ${(p % forums.length) + 1}`,
			pick(themesOfWork),
			'PUBLIC_MEETING',
			10 + Math.floor(rnd() * 200),
			status,
			lead,
			sqlDate(when),
			officer,
			sqlDate(raised)
		);
		for (const row of events) insert.event.add(...row);
		count('PriorityEvent', events.length);
	}
	count('Priority', SIZE.priorities);

	const client = new pg.Client({ connectionString: databaseOf(dataDir) });
	await client.connect();
	try {
		await client.query('BEGIN');
		for (const table of Object.values(insert)) await table.write(client);
		await client.query('COMMIT');
		// Statistics for the planner, as a database that grew over five years would have: without them the
		// first reads are planned for empty tables.
		await client.query('ANALYZE');
	} catch (error) {
		await client.query('ROLLBACK').catch(() => undefined);
		throw error;
	} finally {
		await client.end();
	}
	return {
		slug: fx.partnership.slug,
		userId: officer,
		priorityIds,
		counts,
		seconds: (performance.now() - started) / 1000
	};
}

async function time(runs: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
	for (let i = 0; i < WARM_UP; i++) await fn(i);
	const ms: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t = performance.now();
		await fn(i);
		ms.push(performance.now() - t);
	}
	return ms;
}

const fixed = (v: number) => v.toFixed(1);

async function main(): Promise<void> {
	const machine = describeMachine();
	log(
		`Trace benchmark${quick ? ' (quick: figures not written)' : ''} on ${machine.nproc} cores, ` +
			`${machine.cpuModel}, Node ${machine.node} ${nodeFlags() || 'with no flags'}; ` +
			`load average ${machine.loadBefore.join(', ')}`
	);
	const stopDatabase = await prepareTestDatabase({ durable: true });
	const dataDir = await freshDataDir();
	try {
		const generated = await generate(dataDir);
		log(
			`Generated in ${generated.seconds.toFixed(1)} s: ` +
				Object.entries(generated.counts)
					.map(([table, n]) => `${n} ${table}`)
					.join(', ')
		);
		useDataDir(dataDir);
		const { traceGraph, priorityTimeline } = await import('../src/lib/server/priorities/index.ts');
		const { disconnect } = await import('../src/lib/server/platform/index.ts');
		const actor = {
			userId: generated.userId,
			email: 'bench@example.org',
			name: 'Bench',
			via: { kind: 'session' as const, sessionId: 'bench' }
		};
		const graph = await traceGraph(actor, generated.slug, {});
		const indicators = graph.nodes.filter((n) => n.type === 'indicator');
		log(
			`Whole-period trace: ${graph.nodes.length} nodes (${indicators.length} indicators, ` +
				`${indicators.reduce((n, i) => n + (i.indicator?.since.length ?? 0), 0)} movements since a ` +
				`decision), ${graph.links.length} links`
		);
		const traceMs = await time(TRACE_RUNS, () => traceGraph(actor, generated.slug, {}));
		const ids = generated.priorityIds;
		const timelineMs = await time(TIMELINE_RUNS, (i) =>
			priorityTimeline(actor, ids[(i * 7919) % ids.length])
		);
		await disconnect();
		const figures = {
			trace: summary(traceMs, TARGETS.traceP95Ms),
			timeline: summary(timelineMs, TARGETS.timelineP95Ms)
		};
		log('');
		log('read                 runs   p50 ms   p95 ms   target p95   result');
		for (const [name, f] of Object.entries(figures))
			log(
				`${name.padEnd(20)} ${String(f.runs).padStart(4)} ${fixed(f.p50Ms).padStart(8)} ` +
					`${fixed(f.p95Ms).padStart(8)}   < ${String(f.targetP95Ms).padEnd(4)} ms   ${f.pass ? 'PASS' : 'FAIL'}`
			);
		const results = {
			date: new Date().toISOString(),
			command: `npm run bench:trace${quick ? ' -- --quick' : ''}`,
			machine: { ...machine, loadAfter: currentLoad() },
			nodeFlags: nodeFlags(),
			generated: { counts: generated.counts, seconds: generated.seconds },
			graph: {
				nodes: graph.nodes.length,
				links: graph.links.length,
				indicators: indicators.length,
				movements: indicators.reduce((n, i) => n + (i.indicator?.since.length ?? 0), 0)
			},
			...figures
		};
		if (quick) return;
		mkdirSync('bench/results', { recursive: true });
		const file = `bench/results/trace-${results.date.slice(0, 10)}.json`;
		writeFileSync(file, JSON.stringify(results, null, '\t') + '\n');
		await writeSection(results, file);
		log(`\nFigures written to ${file} and docs/PERFORMANCE.md`);
		if (!figures.trace.pass || !figures.timeline.pass) process.exitCode = 1;
	} finally {
		try {
			await removeDataDir(dataDir);
		} finally {
			await stopDatabase();
		}
	}
}

/**
 * V8's flags this process runs with (`npm run bench:trace` gives the server's, from `npm start`): the
 * young generation's size changes the trace's figures by a fifth.
 */
function nodeFlags(): string {
	return process.execArgv.filter((arg) => arg.startsWith('--max-')).join(' ');
}

function summary(ms: number[], targetP95Ms: number) {
	const p95Ms = percentile(ms, 95);
	return {
		runs: ms.length,
		p50Ms: percentile(ms, 50),
		p95Ms,
		maxMs: Math.max(...ms),
		targetP95Ms,
		pass: p95Ms < targetP95Ms
	};
}

const SECTION_START = '<!-- bench:trace start -->';
const SECTION_END = '<!-- bench:trace end -->';

/**
 * Replaces the text between the trace markers in docs/PERFORMANCE.md (adding them at the end the first
 * time), so the sync benchmark's part of the file stays as it is.
 */
async function writeSection(
	results: {
		date: string;
		machine: ReturnType<typeof describeMachine> & { loadAfter: number[] };
		nodeFlags: string;
		generated: { counts: Record<string, number>; seconds: number };
		graph: { nodes: number; links: number; indicators: number; movements: number };
		trace: ReturnType<typeof summary>;
		timeline: ReturnType<typeof summary>;
	},
	resultsFile: string
): Promise<void> {
	const m = results.machine;
	const c = results.generated.counts;
	const row = (name: string, f: ReturnType<typeof summary>) =>
		`| ${name} | ${f.runs} | ${fixed(f.p50Ms)} | ${fixed(f.p95Ms)} | ${fixed(f.maxMs)} | < ${f.targetP95Ms} ms | ${f.pass ? 'PASS' : 'FAIL'} |`;
	const section = `${SECTION_START}

## Traceability reads

The trace (\`GET /api/v1/partnerships/{slug}/trace\`, whole period, no filters: forums through to the
outcomes' indicators, each with how it moved since every decision whose actions serve its outcome) and one
priority's timeline (its events with the names of who recorded them, the bodies and the lead partner), called in process through
the functions the API calls (\`traceGraph\` in \`src/lib/server/priorities/trace.ts\`, \`priorityTimeline\` in
\`timeline.ts\`), on a generated partnership with five years of records. Run it with:

\`\`\`sh
npm run bench:trace
\`\`\`

It takes under a minute: the generator writes the record into a fresh copy of the tests' migrated
PostgreSQL database (on an embedded server of the run's own under \`tests/.tmp\`, durable as in production:
fsync and synchronous commit on, unlike a test run's; or the one \`TEST_DATABASE_URL\` names) with
multi-row INSERTs in one transaction, then each read runs ${WARM_UP} times to warm up and then
${results.trace.runs} (trace) and ${results.timeline.runs} (timeline, a different priority each time)
times. Figures go to \`bench/results/trace-<date>.json\` and
this section (the sync section above is kept). Reading them: the reads are CPU-bound, in the bench process
and the PostgreSQL server on the same machine, so a load average above the number of cores (other test
runs on a shared machine) stretches every figure by about that ratio; compare runs only at a similar load.
The script runs Node with \`--max-semi-space-size=64\`, as \`npm start\` runs the server (docs/DEPLOY.md):
with V8's default young generation, garbage collection copies each trace's rows several times and the
trace's p95 is about a quarter higher (\`npx tsx bench/trace.ts\` measures it so).

### Last run

- Date: ${results.date}
- Machine: ${m.nproc} cores, ${m.cpuModel}, ${m.memoryGb} GB memory, Node ${m.node} ${results.nodeFlags ? `with \`${results.nodeFlags}\` (as \`npm start\` runs the server)` : 'with no flags (not as `npm start` runs the server)'}
- Load average before the run: ${m.loadBefore.join(', ')}; after: ${m.loadAfter.join(', ')}
- Record: ${c.Priority} priorities, ${c.PriorityEvent} priority events, ${c.Meeting} meetings, ${c.AgendaItem} agenda items, ${c.Decision} decisions (${c.DecisionVersion} versions), ${c.Action} actions serving ${c.Outcome} outcomes (${c.ActionOutcome} links), ${c.Indicator} indicators with ${c.IndicatorReading} readings (monthly, and a correction of one in ${SIZE.correctedEvery}); generated in ${results.generated.seconds.toFixed(1)} s
- Whole-period trace: ${results.graph.nodes} nodes (${results.graph.indicators} indicators, with ${results.graph.movements} movements since a decision), ${results.graph.links} links
- Figures: \`${resultsFile}\`

| read | runs | p50 ms | p95 ms | max ms | target p95 | result |
| ---- | ---- | ------ | ------ | ------ | ---------- | ------ |
${row('trace, whole period', results.trace)}
${row('priority timeline', results.timeline)}

${SECTION_END}
`;
	const file = resolve('docs/PERFORMANCE.md');
	const before = readFileSync(file, 'utf8');
	const startAt = before.indexOf(SECTION_START);
	const endAt = before.indexOf(SECTION_END);
	const doc =
		startAt >= 0 && endAt > startAt
			? before.slice(0, startAt) + section + before.slice(endAt + SECTION_END.length)
			: before.trimEnd() + '\n\n' + section;
	const options = { ...(await prettier.resolveConfig(file)), filepath: file };
	writeFileSync(file, await prettier.format(doc, options));
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});

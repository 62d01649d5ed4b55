// `npm run bench:trace`: five years of a partnership's record (2,000 priorities, 600 meetings, 6,000
// decisions with versions, 10,000 priority events, actions) written into a fresh migrated SQLite database
// with raw SQL in one transaction, then the trace for the whole period and one priority's timeline read
// many times, in process, through the same functions the API calls. Prints p50/p95 against the targets,
// writes bench/results/trace-<date>.json and the "Traceability" section of docs/PERFORMANCE.md (the sync
// section is left as it is). `--quick` runs fewer repetitions and writes nothing.
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as prettier from 'prettier';
import { makePartnership } from '../tests/support/factories.ts';
import { openDb } from '../tests/support/server.ts';
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
	years: 5
};

const log = (line: string) => console.log(line);
let counter = 0;
/** A cuid-shaped id (lower case letters and digits, 25 long). */
const id = () => `c${(counter++).toString(36).padStart(8, '0')}${randomBytes(8).toString('hex')}`;
const sqlDate = (at: Date) => at.toISOString().replace('Z', '+00:00');

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
	const sqlite = new Database(resolve(dataDir, 'workspace.db'));
	sqlite.pragma('journal_mode = WAL');
	const start = new Date(Date.UTC(new Date().getUTCFullYear() - SIZE.years, 0, 1));
	const span = SIZE.years * 365 * 86_400_000;
	const at = (fraction: number) => new Date(start.getTime() + Math.floor(fraction * span));
	const counts: Record<string, number> = {};
	const count = (table: string, n = 1) => (counts[table] = (counts[table] ?? 0) + n);

	const insert = {
		body: sqlite.prepare(
			'INSERT INTO Body (id, partnershipId, name, kind, parentId, createdAt) VALUES (?, ?, ?, ?, ?, ?)'
		),
		meeting: sqlite.prepare(
			`INSERT INTO Meeting (id, partnershipId, bodyId, title, startsAt, status, createdById, createdAt)
			 VALUES (?, ?, ?, ?, ?, 'CLOSED', ?, ?)`
		),
		item: sqlite.prepare(
			`INSERT INTO AgendaItem (id, meetingId, "order", title, purpose, updatedAt)
			 VALUES (?, ?, ?, ?, 'DECISION', ?)`
		),
		decision: sqlite.prepare(
			`INSERT INTO Decision (id, partnershipId, bodyId, meetingId, agendaItemId, createdAt)
			 VALUES (?, ?, ?, ?, ?, ?)`
		),
		version: sqlite.prepare(
			`INSERT INTO DecisionVersion (id, decisionId, version, wording, outcome, method, quorate, hash,
			 previousHash, recordedById, recordedAt) VALUES (?, ?, ?, ?, 'AGREED', 'CONSENSUS', 1, ?, ?, ?, ?)`
		),
		action: sqlite.prepare(
			`INSERT INTO Action (id, partnershipId, bodyId, meetingId, decisionId, text, ownerOrganisationId,
			 status, createdById, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
		),
		priority: sqlite.prepare(
			`INSERT INTO Priority (id, partnershipId, raisedByBodyId, currentBodyId, title, said, area, theme,
			 engagementMethod, participants, status, leadOrganisationId, lastEventAt, createdById, createdAt)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PUBLIC_MEETING', ?, ?, ?, ?, ?, ?)`
		),
		event: sqlite.prepare(
			`INSERT INTO PriorityEvent (id, priorityId, type, byBodyId, toBodyId, agendaItemId, decisionId,
			 actionId, leadOrganisationId, influenceDeclared, influenceAchieved, reason, recordedById, at)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
		)
	};

	const priorityIds: string[] = [];
	sqlite.transaction(() => {
		const now = sqlDate(new Date());
		const board = fx.bodies.board.id;
		const themes = [fx.bodies.theme.id];
		for (let t = 1; t < SIZE.themeGroups; t++) {
			const themeId = id();
			insert.body.run(themeId, partnershipId, `Theme group ${t}`, 'THEME_GROUP', board, now);
			themes.push(themeId);
		}
		const forums = [{ id: fx.bodies.forum.id, parent: fx.bodies.theme.id }];
		for (let f = 1; f < SIZE.forums; f++) {
			const forumId = id();
			const parent = themes[f % themes.length];
			insert.body.run(forumId, partnershipId, `Locality forum ${f}`, 'LOCALITY_FORUM', parent, now);
			forums.push({ id: forumId, parent });
		}
		count('Body', SIZE.themeGroups - 1 + SIZE.forums - 1);

		// Meetings through the five years, a third of them the board's; ten decided items each.
		type Decided = { decisionId: string; itemId: string; at: Date; actionIds: string[] };
		const decidedByBody = new Map<string, Decided[]>();
		for (let m = 0; m < SIZE.meetings; m++) {
			const bodyId = m % 3 === 0 ? board : themes[m % themes.length];
			const startsAt = at((m + 0.5) / SIZE.meetings);
			const meetingId = id();
			insert.meeting.run(
				meetingId,
				partnershipId,
				bodyId,
				`Meeting ${m + 1}`,
				sqlDate(startsAt),
				officer,
				sqlDate(startsAt)
			);
			for (let i = 0; i < SIZE.itemsPerMeeting; i++) {
				const itemId = id();
				const decisionId = id();
				const when = sqlDate(startsAt);
				insert.item.run(itemId, meetingId, i + 1, `Item ${i + 1} of meeting ${m + 1}`, when);
				insert.decision.run(decisionId, partnershipId, bodyId, meetingId, itemId, when);
				const versions = i % 5 === 0 ? 2 : 1;
				let previous: string | null = null;
				for (let v = 1; v <= versions; v++) {
					const hash = randomBytes(16).toString('hex');
					insert.version.run(
						id(),
						decisionId,
						v,
						`The meeting agrees proposal ${i + 1} of meeting ${m + 1}${v > 1 ? ', as corrected' : ''}.`,
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
					insert.action.run(
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
			const rows: unknown[][] = [];
			const event = (type: string, extra: Partial<Record<string, string | null>> = {}) =>
				rows.push([
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
			insert.priority.run(
				priorityId,
				partnershipId,
				forum.id,
				holder,
				`Priority ${p + 1}: ${pick(themesOfWork).toLowerCase()} in locality ${(p % forums.length) + 1}`,
				'What people said at the forum, in their words.',
				`Locality ${(p % forums.length) + 1}`,
				pick(themesOfWork),
				10 + Math.floor(rnd() * 200),
				status,
				lead,
				sqlDate(when),
				officer,
				sqlDate(raised)
			);
			for (const row of rows) insert.event.run(...row);
			count('PriorityEvent', rows.length);
		}
		count('Priority', SIZE.priorities);
	})();
	sqlite.pragma('wal_checkpoint(TRUNCATE)');
	sqlite.exec('ANALYZE');
	sqlite.close();
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
			`${machine.cpuModel}, Node ${machine.node}; load average ${machine.loadBefore.join(', ')}`
	);
	const dataDir = freshDataDir();
	try {
		const generated = await generate(dataDir);
		log(
			`Generated in ${generated.seconds.toFixed(1)} s: ` +
				Object.entries(generated.counts)
					.map(([table, n]) => `${n} ${table}`)
					.join(', ')
		);
		process.env.DATA_DIR = dataDir;
		delete process.env.DATABASE_URL;
		const { traceGraph, priorityTimeline } = await import('../src/lib/server/priorities/index.ts');
		const { disconnect } = await import('../src/lib/server/platform/index.ts');
		const actor = {
			userId: generated.userId,
			email: 'bench@example.org',
			name: 'Bench',
			via: { kind: 'session' as const, sessionId: 'bench' }
		};
		const graph = await traceGraph(actor, generated.slug, {});
		log(`Whole-period trace: ${graph.nodes.length} nodes, ${graph.links.length} links`);
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
			generated: { counts: generated.counts, seconds: generated.seconds },
			graph: { nodes: graph.nodes.length, links: graph.links.length },
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
		removeDataDir(dataDir);
	}
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
		generated: { counts: Record<string, number>; seconds: number };
		graph: { nodes: number; links: number };
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

The trace (\`GET /api/v1/partnerships/{slug}/trace\`, whole period, no filters) and one priority's timeline
(its events with the names of who recorded them, the bodies and the lead partner), called in process through
the functions the API calls (\`traceGraph\`, \`priorityTimeline\` in \`src/lib/server/priorities/trace.ts\`), on a
generated partnership with five years of records. Run it with:

\`\`\`sh
npm run bench:trace
\`\`\`

It takes under a minute: the generator writes the record into a fresh migrated database under
\`bench/.tmp\` with raw SQL in one transaction, then each read runs ${WARM_UP} times to warm up and then
${results.trace.runs} (trace) and ${results.timeline.runs} (timeline, a different priority each time) times.
Figures go to \`bench/results/trace-<date>.json\` and this section (the sync section above is kept).
Reading them: the reads are CPU-bound in one process, so a load average above the number of cores (other
test runs on a shared machine) stretches every figure by about that ratio; compare runs only at a similar
load.

### Last run

- Date: ${results.date}
- Machine: ${m.nproc} cores, ${m.cpuModel}, ${m.memoryGb} GB memory, Node ${m.node}
- Load average before the run: ${m.loadBefore.join(', ')}; after: ${m.loadAfter.join(', ')}
- Record: ${c.Priority} priorities, ${c.PriorityEvent} priority events, ${c.Meeting} meetings, ${c.AgendaItem} agenda items, ${c.Decision} decisions (${c.DecisionVersion} versions), ${c.Action} actions; generated in ${results.generated.seconds.toFixed(1)} s
- Whole-period trace: ${results.graph.nodes} nodes, ${results.graph.links} links
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

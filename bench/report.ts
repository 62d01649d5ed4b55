// The run's figures: the console table, the JSON file under bench/results and docs/PERFORMANCE.md.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as prettier from 'prettier';
import type { LoadFigures } from './latency.ts';
import type { Machine } from './machine.ts';
import type { ProcessFigures } from './proc-stats.ts';

export interface ScenarioResult {
	name: string;
	reference: LoadFigures | null;
	ours: LoadFigures | null;
	/** ours p95 ÷ reference p95 */
	p95Ratio: number | null;
}

export interface ColdLoadResult {
	updates: number;
	logBytes: number;
	snapshotBytes: number;
	textLength: number;
	/** Time to first sync of the log-only document, one per repetition (each a document not yet loaded). */
	logOnlyMs: number[];
	compactedMs: number[];
	logOnlyMedianMs: number;
	compactedMedianMs: number;
	targetMs: number;
	pass: boolean;
}

export interface LatencyTarget {
	referenceP95: number;
	oursP95: number | null;
	limitMs: number;
	pass: boolean;
}

export interface Percentiles {
	p50: number;
	p95: number;
	p99: number;
	max: number;
	samples: number;
}

export interface TwoInstanceResult {
	name: string;
	readersPerInstance: number;
	ratePerSecond: number;
	/** Seconds of writing per round. */
	seconds: number;
	rounds: number;
	/** Every reader on both instances pooled; its CPU and memory are instance A's (the writer's). */
	all: LoadFigures;
	readersOnA: Percentiles;
	readersOnB: Percentiles;
	instanceB: ProcessFigures;
	postgresCpuPercent: number | null;
	redisCpuPercent: number | null;
	/** The reference's 100-client scenario from the same run, which the target is set against. */
	reference: LoadFigures | null;
	limitMs: number | null;
	pass: boolean;
}

/** One step of the rate ceiling: all writers together at `targetRate`, for `seconds`. */
export interface CeilingStep {
	targetRate: number;
	seconds: number;
	sent: number;
	/** Updates the database numbered during the step (its update sequence, every instance). */
	stored: number;
	/** Updates that reached every observer. */
	delivered: number;
	/** Stored and delivered updates ÷ the time from the first write to the last arrival. */
	achievedRate: number;
	/** Writer → observer, over every (observer, update) pair. */
	p50: number;
	p95: number;
	p99: number;
	max: number;
	lost: number;
	/** CPU time ÷ wall time over the step and its drain, 100% = one core: servers, PostgreSQL, Redis, bench. */
	cpuPercent: Record<string, number>;
	/** Everything else on the machine (other test runs, the hypervisor's steal), 100% = one core. */
	othersCpuPercent: number;
	/** All cores together: 100% = none was ever idle. */
	machineBusyPercent: number;
	/**
	 * Write transactions committed over the step and until its servers went idle (transaction ids handed
	 * out, less the bench's probes): the store's batches, plus compactions and projections. stored ÷
	 * transactions is how many updates a group commit carried.
	 */
	transactions: number;
	/** A durable commit of the bench's own, one round trip, timed every 100 ms during the step. */
	probeCommitMs: { p50: number; p95: number };
	/** How late the bench's own timers ran (its event loop times every arrival). */
	benchLoopDelayP99Ms: number;
	/** How far the last write was behind its time: over ~100 ms, the bench could not send at the rate. */
	writeLagMs: number;
	loadAverage: number;
	/** Close codes of writer sockets that the server closed during the step. */
	writersDropped: string[];
	benchLimited: boolean;
	machineSaturated: boolean;
	pass: boolean;
	/** Failed while other processes were busy, and was run once more: the next step of the list counts. */
	rerun?: boolean;
}

export interface CeilingResult {
	label: string;
	instances: number;
	writers: number;
	observers: number;
	secondsPerStep: number;
	rates: number[];
	steps: CeilingStep[];
	/** The highest step that passed (p99 ≤ CEILING_P99_MS, ≥ CEILING_MIN_SHARE of its rate), or null. */
	ceiling: number | null;
	/** The first failing step and what was busy then. */
	limit: string | null;
	stoppedEarly: string | null;
	benchLimitedSteps: number[];
}

export interface BenchResults {
	date: string;
	command: string;
	machine: Machine & { loadAfter: number[] };
	durationSeconds: number;
	oursAvailable: boolean;
	oursProblem?: string;
	scenarios: ScenarioResult[];
	ramp: ScenarioResult[];
	latencyTarget: LatencyTarget | null;
	twoInstances: TwoInstanceResult | null;
	/** One instance first, then two. */
	ceilings: CeilingResult[];
	coldLoad: ColdLoadResult | null;
}

export const P95_FACTOR = 1.25;
export const P95_SLACK_MS = 2;
/** Two instances pay a hop through Redis for half their readers: a looser bound than one instance's. */
export const TWO_INSTANCE_P95_FACTOR = 1.5;
export const TWO_INSTANCE_P95_SLACK_MS = 3;
export const COLD_LOAD_TARGET_MS = 200;
/** A ceiling step passes with p99 within this… */
export const CEILING_P99_MS = 100;
/** …and at least this share of its rate stored and delivered. */
export const CEILING_MIN_SHARE = 0.95;
/** Stored updates per second one instance should sustain. */
export const CEILING_TARGET_RATE = 2000;

export function median(values: number[]): number {
	if (!values.length) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const ms = (value: number | null | undefined) =>
	value === null || value === undefined || Number.isNaN(value) ? '–' : value.toFixed(1);
const pct = (value: number | undefined) => (value === undefined ? '–' : `${value.toFixed(0)}%`);
const mb = (value: number | undefined) => (value === undefined ? '–' : value.toFixed(0));
const ratio = (value: number | null) => (value === null ? '–' : `${value.toFixed(2)}×`);

const HEADER = [
	'scenario',
	'p50 ref',
	'p50 ours',
	'p95 ref',
	'p95 ours',
	'p95 ours/ref',
	'p99 ref',
	'p99 ours',
	'CPU ref',
	'CPU ours',
	'RSS MB ref',
	'RSS MB ours',
	'lost ref/ours'
];

function row(s: ScenarioResult): string[] {
	const { reference: r, ours: o } = s;
	return [
		s.name,
		ms(r?.p50),
		ms(o?.p50),
		ms(r?.p95),
		ms(o?.p95),
		ratio(s.p95Ratio),
		ms(r?.p99),
		ms(o?.p99),
		pct(r?.cpuPercent),
		pct(o?.cpuPercent),
		mb(r?.peakRssMb),
		mb(o?.peakRssMb),
		`${r?.lost ?? '–'}/${o?.lost ?? '–'}`
	];
}

function markdownTable(header: string[], rows: string[][]): string {
	const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
	return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** A plain-text table with aligned columns, for the console. */
export function consoleTable(header: string[], rows: string[][]): string {
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
	const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i])).join('  ');
	return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function latencyTables(results: BenchResults, format: 'console' | 'markdown'): string {
	const table = format === 'console' ? consoleTable : markdownTable;
	return table(HEADER, [...results.scenarios, ...results.ramp].map(row));
}

/** The two instances' readers next to one process's 100 clients (reference and ours) from the same run. */
export function twoInstanceTable(results: BenchResults, format: 'console' | 'markdown'): string {
	const t = results.twoInstances;
	if (!t) return '';
	const table = format === 'console' ? consoleTable : markdownTable;
	const hundred = results.scenarios.find(
		(s) => s.reference?.clients === 100 || s.ours?.clients === 100
	);
	const line = (
		setup: string,
		readers: number | string,
		p: Percentiles | null,
		cpu: string,
		lost: string
	) => [setup, String(readers), ms(p?.p50), ms(p?.p95), ms(p?.p99), ms(p?.max), cpu, lost];
	return table(
		['setup', 'readers', 'p50', 'p95', 'p99', 'max', 'CPU', 'lost'],
		[
			line(
				'reference, one process, 100 clients',
				99,
				hundred?.reference ?? null,
				pct(hundred?.reference?.cpuPercent),
				String(hundred?.reference?.lost ?? '–')
			),
			line(
				'ours, one instance, 100 clients',
				99,
				hundred?.ours ?? null,
				pct(hundred?.ours?.cpuPercent),
				String(hundred?.ours?.lost ?? '–')
			),
			line(
				'ours, two instances, writer on A',
				2 * t.readersPerInstance,
				t.all,
				`A ${pct(t.all.cpuPercent)}, B ${pct(t.instanceB.cpuPercent)}, Redis ${pct(t.redisCpuPercent ?? undefined)}`,
				String(t.all.lost)
			),
			line('… readers on A', t.readersPerInstance, t.readersOnA, '', ''),
			line('… readers on B (through Redis)', t.readersPerInstance, t.readersOnB, '', '')
		]
	);
}

/** One ceiling ramp, a row per step, with every watched process's CPU. */
export function ceilingTable(c: CeilingResult, format: 'console' | 'markdown'): string {
	const table = format === 'console' ? consoleTable : markdownTable;
	const names = Object.keys(c.steps[0]?.cpuPercent ?? {});
	const rate = (value: number) => (Number.isNaN(value) ? '–' : value.toFixed(0));
	return table(
		[
			'target /s',
			'achieved /s',
			'p50',
			'p95',
			'p99',
			'lost',
			'updates / txn',
			'probe commit p50',
			...names.map((name) => `CPU ${name}`),
			'CPU others',
			'machine busy',
			'bench loop p99',
			'result'
		],
		c.steps.map((step) => [
			String(step.targetRate),
			rate(step.achievedRate),
			ms(step.p50),
			ms(step.p95),
			ms(step.p99),
			String(step.lost),
			ms(step.stored / step.transactions),
			step.probeCommitMs.p50.toFixed(2),
			...names.map((name) => pct(step.cpuPercent[name])),
			pct(step.othersCpuPercent),
			pct(step.machineBusyPercent),
			ms(step.benchLoopDelayP99Ms),
			(step.pass ? 'PASS' : 'FAIL') +
				(step.benchLimited ? ' (bench-limited)' : '') +
				(step.machineSaturated ? ' (machine saturated)' : '') +
				(step.rerun ? ' (others busy: run again, not counted)' : '')
		])
	);
}

export function verdicts(results: BenchResults): string[] {
	const lines: string[] = [];
	const t = results.latencyTarget;
	if (t) {
		lines.push(
			`p95 at 100 clients: ours ${ms(t.oursP95)} ms, reference ${ms(t.referenceP95)} ms, ` +
				`target ≤ ${P95_FACTOR} × reference + ${P95_SLACK_MS} ms = ${ms(t.limitMs)} ms: ${t.pass ? 'PASS' : 'FAIL'}`
		);
	}
	const two = results.twoInstances;
	if (two) {
		lines.push(
			`p95 at ${2 * two.readersPerInstance} readers on two instances (writer on A, ${two.readersPerInstance} ` +
				`readers on each): ours ${ms(two.all.p95)} ms (on A ${ms(two.readersOnA.p95)}, on B ` +
				`${ms(two.readersOnB.p95)}), reference (one process, 100 clients) ${ms(two.reference?.p95)} ms, ` +
				`target ≤ ${TWO_INSTANCE_P95_FACTOR} × reference + ${TWO_INSTANCE_P95_SLACK_MS} ms = ` +
				`${ms(two.limitMs)} ms: ${two.pass ? 'PASS' : 'FAIL'}`
		);
	} else if (results.oursAvailable) {
		lines.push('two instances: not measured: FAIL');
	}
	const one = results.ceilings.find((c) => c.instances === 1);
	for (const c of results.ceilings) {
		const reached = c.ceiling === null ? 'no step passed' : `${c.ceiling}/s`;
		const bound =
			`highest step with p99 ≤ ${CEILING_P99_MS} ms and ≥ ${CEILING_MIN_SHARE * 100}% of its rate ` +
			`stored and delivered`;
		const verdict =
			c.instances === 1
				? `target ≥ ${CEILING_TARGET_RATE}/s: ${(c.ceiling ?? 0) >= CEILING_TARGET_RATE ? 'PASS' : 'FAIL'}`
				: `no target; one instance: ${one?.ceiling === null || !one ? '–' : `${one.ceiling}/s`}`;
		lines.push(
			`stored updates/s, ${c.writers} writers on one document, ${c.label}: ceiling ${reached} ` +
				`(${bound}), ${verdict}` +
				(c.limit
					? `. Limit: ${c.limit}`
					: '. Every step passed: the ceiling is above the last step') +
				(c.benchLimitedSteps.length
					? `. Bench-limited steps: ${c.benchLimitedSteps.map((r) => `${r}/s`).join(', ')}`
					: '')
		);
	}
	if (results.oursAvailable && !one)
		lines.push('stored updates/s, one instance: not measured: FAIL');
	const c = results.coldLoad;
	if (c) {
		lines.push(
			`cold load, compacted (${c.updates} updates in one snapshot): median ${ms(c.compactedMedianMs)} ms, ` +
				`target < ${c.targetMs} ms: ${c.pass ? 'PASS' : 'FAIL'}`,
			`cold load, log only (${c.updates} update rows): median ${ms(c.logOnlyMedianMs)} ms (no target)`
		);
	} else {
		lines.push(`cold load: not measured (our server was not available): FAIL`);
	}
	return lines;
}

export function writeResultsFile(results: BenchResults): string {
	mkdirSync('bench/results', { recursive: true });
	const file = resolve('bench/results', `sync-${results.date.slice(0, 10)}.json`);
	writeFileSync(file, JSON.stringify(results, null, '\t') + '\n');
	return file;
}

/** Written in the repository's Prettier style, so `npm run lint` stays clean. */
export async function writePerformanceDoc(
	results: BenchResults,
	resultsFile: string
): Promise<void> {
	const m = results.machine;
	const c = results.coldLoad;
	const coldRows = c
		? [
				[`log only, ${c.updates} rows`, ms(c.logOnlyMedianMs), c.logOnlyMs.map(ms).join(', '), '–'],
				[
					'compacted, 1 snapshot',
					ms(c.compactedMedianMs),
					c.compactedMs.map(ms).join(', '),
					`< ${c.targetMs} ms: ${c.pass ? 'PASS' : 'FAIL'}`
				]
			]
		: [['not measured', '–', '–', 'FAIL']];
	const minutes = Math.max(1, Math.round(results.durationSeconds / 60));
	const ceilingSections = results.ceilings
		.map(
			(c) => `### Stored updates per second, ${c.label} (${c.writers} writers, one document)

${c.instances > 1 ? `Writers alternate between the instances (${c.writers / c.instances} on each), one observer on each. ` : ''}${c.secondsPerStep} s per step; latency is writer → observer (ms).${c.stoppedEarly ? ` The ramp ${c.stoppedEarly}.` : ''}

${ceilingTable(c, 'markdown')}
`
		)
		.join('\n');
	const doc = `# Performance

The sync server against the reference, \`@y/websocket-server\` 0.1.1 (in memory, no checks, no storage), in
the same run on the same machine; then two instances of ours, and how many updates a second ours stores.
Run it with:

\`\`\`sh
npm run bench:sync
\`\`\`

It takes about ${minutes} minutes, binds loopback only and writes its figures to
\`bench/results/sync-<date>.json\`. Clients are stock \`y-websocket\` providers in the bench process, all on
one document; one writes an entry to a Y.Array at a steady rate and every other client notes when it arrives
(edit-to-peer latency, over every (peer, update) pair). Each scenario, and the ramp, runs in two rounds per
server on fresh documents, alternating which server goes first, and pools both rounds. CPU is a process's
CPU time ÷ wall time (100% = one core); RSS is the peak resident memory, sampled every 50 ms. The JSON file
also has the bench process's own CPU and the load average per step.

The scenarios:

- **2 to 100 clients at 10 updates/s, and a ramp at 100 clients** (10 → 100 updates/s): ours as one
  instance (no Redis) against the reference.
- **Two instances**: two processes of ours on the same PostgreSQL database, sharing one Redis
  (\`REDIS_URL\`), as a deployment behind one address runs them. The writer is on instance A, 50 readers
  on A and 50 on B, at the 100-client scenario's rate, two rounds. A's readers get an update once A has
  stored it; B's once A has published it on Redis and B has applied it. Set against the reference's
  100-client figures from the same run.
- **Stored updates per second**: 20 writers, each a different board member, on one document, the total
  rate stepped up (a few seconds a step, the document kept from step to step as a meeting's would be),
  on one instance and then with the writers split across two. The writers are bare sockets sending Yjs
  updates from a Y.Doc of their own (they read what the server sends them but do not apply it, or the
  bench would do twenty times the server's Yjs work); an observer client on each instance times writer →
  observer, which is after the update is stored, and the database's update sequence counts what was
  stored. A step passes with p99 ≤ ${CEILING_P99_MS} ms and at least ${CEILING_MIN_SHARE * 100}% of its rate
  stored and delivered; the ceiling is the highest step that passes. One instance runs without
  \`REDIS_URL\`, as a single instance does; two publish every stored update on Redis. Every process's CPU
  is shown (the servers, PostgreSQL with its backends, Redis, the bench, and "others": whatever else the
  machine ran meanwhile) with how busy the whole machine was and how late the bench's own timers ran: all
  of them share the machine's cores, and a step the bench itself could not keep up with is marked
  bench-limited; a step that fails while other processes use over a quarter of a core is run once more
  and only the second counts (both are shown). "updates / txn" is the updates stored ÷ the write transactions PostgreSQL committed
  over the step (transaction ids handed out: how much each group commit carried); "probe commit p50" is
  what one durable commit of the bench's own (one round trip, flushed to disk) took meanwhile, timed
  every 100 ms.
- **Cold load** of a minutes document of 50,000 updates, as its log and compacted.

Reading the figures: ours stores every update in PostgreSQL before sending it to anyone (group commit per
turn of the event loop, one multi-row INSERT a batch, with the edit history in the same transaction),
checks sessions and rights on every upgrade, and runs the SvelteKit app in the same process; the reference
keeps everything in memory and checks nothing. The bench's PostgreSQL is an embedded server of the run's
own (\`prepareTestDatabase({ durable: true })\`, as \`npm start\` runs one) with fsync and synchronous
commit on: a batch is on disk before anyone is sent it, as in production. Latency includes the bench
process's own work (decoding every update for every client), which is the same for both servers. On a
shared machine the figures move with the load average: compare runs only at a similar load.

## Last run

- Date: ${results.date}
- Machine: ${m.nproc} cores, ${m.cpuModel}, ${m.memoryGb} GB memory, Node ${m.node}
- Load average before the run: ${m.loadBefore.join(', ')} (1, 5, 15 min); after: ${m.loadAfter.join(', ')}
- Duration: ${results.durationSeconds} s
- Figures: \`${resultsFile}\`${results.oursAvailable ? '' : `\n- Our server was not available: ${results.oursProblem ?? 'unknown reason'}`}

### Edit-to-peer latency (ms), server CPU and memory

${latencyTables(results, 'markdown')}
${
	results.twoInstances
		? `
### Two instances (ms), against one process with 100 clients

${twoInstanceTable(results, 'markdown')}
`
		: ''
}
${ceilingSections}
### Cold load (ms, socket opened → first 'sync', document not in memory)

${markdownTable(['stored as', 'median', 'runs', 'target'], coldRows)}

### Targets

${verdicts(results)
	.map((line) => `- ${line}`)
	.join('\n')}
`;
	const file = resolve('docs/PERFORMANCE.md');
	const options = { ...(await prettier.resolveConfig(file)), filepath: file };
	mkdirSync('docs', { recursive: true });
	// Other benchmarks' sections (bench/trace.ts writes one between its markers) are kept as they are.
	const before = existsSync(file) ? readFileSync(file, 'utf8') : '';
	const others = before.indexOf('<!-- bench:trace start -->');
	const kept = others >= 0 ? '\n' + before.slice(others) : '';
	writeFileSync(file, await prettier.format(doc + kept, options));
}
